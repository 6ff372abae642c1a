import {formatCitation, type Survey} from '@fmrl/model'
import {parseContent} from '@fmrl/parser'
import {renderTable1Latex} from '@fmrl/render'
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {readContentFiles} from '../../src/content-files.js'
import {repositoryRoot} from '../helpers.js'
import {compileTable1, opened, skipLatex} from '../latex.js'
import {latexText, runs, seed, surveyArbitrary} from './arbitraries.js'
import {readLatexCells} from './latex-reader.js'

const base = parseContent(await readContentFiles(repositoryRoot, 'content')).survey!
const options = {numRuns: runs, seed, endOnFailure: true}

/** Generated methods (and role and category names) full of LaTeX specials, injections and every script. */
const surveys = (methods: {min: number; max: number}) => surveyArbitrary(base, {methods, text: latexText, taxonomy: true})

/** Text as Table 1 sets it: whitespace runs as one space, control characters as their pictures (or U+FFFD). */
const collapse = (text: string) =>
  text.replace(/\s+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/gu, (character) => {
    const code = character.codePointAt(0)!
    return code < 0x20 ? String.fromCodePoint(0x2400 + code) : code === 0x7f ? '\u2421' : '\ufffd'
  })

/** What a symbol cell holds: the legend's trusted LaTeX for each symbol, as content/legend.md writes it. */
function symbolCell(survey: Survey, vocabulary: string, value: string | string[]): string {
  const terms = survey.vocabularies.find((candidate) => candidate.id === vocabulary)!.terms
  return (typeof value === 'string' ? [value] : value).map((symbol) => terms.find((term) => term.symbol === symbol)!.latex).join(', ')
}

/**
 * Read tables/table1.tex back line by line: every line is the fixed frame, a group heading or a
 * method row, and each data cell reads back (escapes undone, nothing unescaped) as its value.
 * The legend's LaTeX is trusted and compared as written.
 */
function readBack(survey: Survey, latex: string) {
  const lines = latex.split('\n')
  const frame = renderTable1Latex({...survey, methods: [], taxonomy: []}).split('\n')
  const [head, tail] = [frame.slice(0, -3), frame.slice(-3)]
  expect(lines.slice(0, head.length)).toEqual(head)
  expect(lines.slice(-tail.length)).toEqual(tail)
  const body = lines.slice(head.length, -tail.length)
  const read: Array<{heading: string} | {cells: Array<{text: string; urls: string[]}>}> = []
  for (const line of body) {
    if (line === '\\midrule') continue
    const heading = /^\\multicolumn\{10\}\{@\{\}l\}\{\\textbf\{(.*)\}\} \\\\$/.exec(line)
    if (heading) {
      const cells = readLatexCells(heading[1]!)
      expect(cells).toHaveLength(1)
      read.push({heading: cells[0]!.text})
      continue
    }
    expect(line.endsWith(' \\\\')).toBe(true)
    read.push({cells: readMethodRow(survey, line.slice(0, -3), read.filter((entry) => 'cells' in entry).length)})
  }
  return read
}

/** A method row: its two text cells, the seven trusted symbol cells, the code cell. */
function readMethodRow(survey: Survey, row: string, index: number) {
  const method = methodsInOrder(survey)[index]!
  const symbols = [
    symbolCell(survey, 'ft', method.ft), symbolCell(survey, 'fmRole', method.fmRoles), symbolCell(survey, 'rlAgent', method.rlAgent), symbolCell(survey, 'rlTask', method.rlTask),
    symbolCell(survey, 'rlSetting', method.rlSetting), symbolCell(survey, 'rlRole', method.rlRoles), symbolCell(survey, 'metric', method.metrics)
  ].join(' & ')
  const at = row.lastIndexOf(` & ${symbols} & `)
  expect(at).toBeGreaterThan(0)
  return [...readLatexCells(row.slice(0, at)), ...readLatexCells(row.slice(at + symbols.length + 6))]
}

/** Methods in the order Table 1 lists them: role, category, then as listed. */
const methodsInOrder = (survey: Survey) =>
  survey.taxonomy.flatMap((role) => role.categories.flatMap((category) => survey.methods.filter((method) => method.role === role.id && method.category === category.id)))

/** What the read-back must be: every group heading, every method's name, citation, models and links. */
function expected(survey: Survey) {
  return survey.taxonomy.flatMap((role) =>
    role.categories.flatMap((category) => [
      {heading: collapse(`${role.name}: ${category.name}`)},
      ...survey.methods
        .filter((method) => method.role === role.id && method.category === category.id)
        .map((method) => ({
          cells: [
            {text: collapse(`${method.name} [${formatCitation(method.citation)}]`), urls: method.paper ? [method.paper] : []},
            {text: collapse(method.models.join(', ')), urls: []},
            method.code ? {text: 'Code', urls: [method.code]} : {text: '-', urls: []}
          ]
        }))
    ])
  )
}

// Right-to-left letters, and the marks that act as one (RLM, ALM): the bidi algorithm reorders around both.
const rightToLeft = /[\p{Script=Hebrew}\p{Script=Arabic}\u200f\u061c]+/gu
const rightToLeftWords = (text: string) =>
  (text.normalize('NFKC').replace(/\s+/g, '').match(rightToLeft) ?? []).map((word) => word.replace(/\p{Cf}+/gu, '')).filter((word) => word !== '')

/**
 * Text as the PDF's text can be compared with what was set: pdftotext breaks wrapped cells (at a
 * hyphen TeX adds, too), leaves out invisible format characters (U+200F) and may place a neutral
 * character on either side of a right-to-left word, which it gives in the order it was set (right
 * to left) or as read. So: no spaces, hyphens or format characters, and right-to-left words
 * compared on their own (`rightToLeftWords`), either way round.
 */
const comparable = (text: string) => text.normalize('NFKC').replace(rightToLeft, '').replace(/[\s\p{Cf}-]+/gu, '')

/**
 * Whether the PDF's text holds a name. A name with right-to-left words is compared piece by piece:
 * each such word (either way round), and the text between them without the neutral characters at
 * its ends, which the bidi algorithm may have set on the other side of the word.
 */
function isInPdf(name: string, text: string, letters: string): boolean {
  const words = rightToLeftWords(name)
  if (name.normalize('NFKC').match(rightToLeft) === null) return text.includes(comparable(name))
  const between = name.normalize('NFKC').split(rightToLeft).map((part) => comparable(part).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
  return words.every((word) => letters.includes(word) || letters.includes([...word].reverse().join(''))) && between.every((part) => text.includes(part))
}

describe('tables/table1.tex from generated models', {timeout: 600_000}, () => {
  test('escapes every special: each cell reads back as its value, nothing in it left for LaTeX to act on', () => {
    fc.assert(fc.property(surveys({min: 0, max: 8}), (survey) => {
      expect(readBack(survey, renderTable1Latex(survey))).toEqual(expected(survey))
    }), options)
  })

  // lualatex takes seconds per document: many generated rows per compile, a few compiles by default.
  test.skipIf(skipLatex)('compiles with the LuaLaTeX wrapper, opens nothing but its own files, and the PDF holds every name', async () => {
    await fc.assert(fc.asyncProperty(surveys({min: 20, max: 40}), async (survey) => {
      const compiled = await compileTable1(renderTable1Latex(survey), {order: 'raw'})
      expect(compiled.local).toEqual(opened)
      expect(compiled.all.filter((path) => /passwd|canary|pwned/.test(path))).toEqual([])
      const text = comparable(compiled.text)
      const letters = compiled.text.normalize('NFKC').replace(/[\s\p{Cf}]+/gu, '')
      const missing = survey.methods.map((method) => collapse(method.name)).filter((name) => !isInPdf(name, text, letters))
      expect(missing).toEqual([])
    }), {...options, numRuns: Math.max(3, Math.round(runs / 200))})
  })

  // The property's findings, each a name that broke the compile or came out of the PDF as other text.
  test.skipIf(skipLatex)('regressions: control characters, U+FFFD, a straight double quote, `<<` and `>>`', async () => {
    const names = ['bell\u0007 del\u007f nel\u0085', 'mojibake \ufffd', '"quoted"', '<<guillemets>>']
    const survey = {...base, methods: base.methods.map((method, index) => (index < names.length ? {...method, name: names[index]!} : method))}
    const compiled = await compileTable1(renderTable1Latex(survey), {order: 'raw'})
    expect(compiled.text).toContain('bell\u2407 del\u2421 nel\ufffd')
    expect(compiled.text).toContain('mojibake \ufffd')
    expect(compiled.text).toContain('"quoted"')
    expect(compiled.text).toContain('<<guillemets>>')
  })
})
