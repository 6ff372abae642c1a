import {access, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import type {Method, Survey} from '@fmrl/model'
import {parseContent} from '@fmrl/parser'
import {renderOutputs} from '@fmrl/render'
import {describe, expect, test} from 'vitest'
import {readContentFiles} from '../src/content-files.js'
import {repositoryRoot} from './helpers.js'
import {compileTable1, opened, skipLatex} from './latex.js'

const exists = (path: string) => access(path).then(() => true, () => false)

const survey = parseContent(await readContentFiles(repositoryRoot, 'content')).survey!

/** The injection attempts: each one names a file it would read or write if LaTeX ran it. */
const hostileNames = [
  'A&B_{x}',
  '\\input{canary}',
  '\\write18{touch pwned-shell}',
  '\\immediate\\openout1=pwned-write',
  '100% $5 #1 ~ ^',
  '<b>|</b> [opt] *star',
  '}\\end{longtable}\\begin{x}',
  'a--b ,,c it\'s `q`'
]

/** The real survey with hostile names, models, citations, category and role names, meanings and URLs. */
function hostileSurvey(): Survey {
  const methods = survey.methods.map((method, index): Method => (index < hostileNames.length
    ? {
        ...method,
        name: hostileNames[index]!,
        models: ['\\input{canary}', 'x_y^z & \\catcode`\\@=11'],
        citation: {...method.citation, authors: '{O\'Brien} & $mith'},
        // The model admits URLs as Markdown readers give them back: percent-encoded but for `%`, `#`, `&`, `$`, `~`, `_`.
        code: 'https://example.org/%5Cinput%7Bcanary%7D/a%20b?q=1&r=_~$#top',
        paper: 'https://example.org/%C3%A9%20%7Bx%7D'
      }
    : method))
  const taxonomy = survey.taxonomy.map((role, index) => (index === 0
    ? {...role, name: 'As \\textbf{Agent} 100%', categories: role.categories.map((category) => ({...category, name: `${category.name} \\input{canary}`}))}
    : role))
  const vocabularies = survey.vocabularies.map((vocabulary) => ({
    ...vocabulary,
    description: `${vocabulary.description} #$%`,
    terms: vocabulary.terms.map((term) => ({...term, meaning: `${term.meaning} \\input{canary} ^_^`}))
  }))
  return {...survey, methods, taxonomy, vocabularies}
}

/** A method named in each script, with combining marks: each must come out of the PDF as written. */
const scriptNames = [
  'Robot 🤖 agent 🚀',
  '强化学习代理',
  '日本語のエージェント',
  '한국어 에이전트',
  'وكيل التعلم',
  'סוכן למידה',
  'Πράκτορας μάθησης',
  'Агент обучения',
  'Zoë Ångström ñandú',
  'Cafe\u0301 nai\u0308ve'
]

function scriptSurvey(): Survey {
  return {...survey, methods: survey.methods.map((method, index) => (index < scriptNames.length ? {...method, name: scriptNames[index]!, models: [scriptNames[index]!]} : method))}
}

describe.skipIf(skipLatex)('tables/table1.tex compiles with lualatex -no-shell-escape', () => {
  test('the real content: every method name is in the PDF\'s text', async () => {
    const compiled = await compileTable1(await readFile(join(repositoryRoot, 'tables/table1.tex'), 'utf8'))
    expect(survey.methods.map((method) => method.name).filter((name) => !compiled.text.includes(name))).toEqual([])
    expect(compiled.text).toContain('AGILE [Feng et al., 2024] Meerkat, Vicuna-1.5 ✓* act, ref single – online πl , vl , rft acc, rew Code')
    expect(compiled.local).toEqual(opened)
  }, 120_000)

  test('methods named in every script (emoji, CJK, Arabic, Hebrew, Greek, Cyrillic, combining marks): all in the PDF\'s text', async () => {
    const table = renderOutputs(scriptSurvey()).find((output) => output.path === 'tables/table1.tex')!.content
    const compiled = await compileTable1(table)
    expect(scriptNames.filter((name) => !compiled.text.includes(name.normalize('NFKC')))).toEqual([])
    expect(compiled.local).toEqual(opened)
  }, 120_000)

  test('a survey full of special characters and injections: all set as text, nothing run', async () => {
    const table = renderOutputs(hostileSurvey()).find((output) => output.path === 'tables/table1.tex')!.content
    const compiled = await compileTable1(table)
    expect(hostileNames.filter((name) => !compiled.text.includes(name))).toEqual([])
    expect(compiled.text).toContain('{O\'Brien} & $mith')
    expect(compiled.text).toContain('As \\textbf{Agent} 100%: Parametric \\input{canary}')
    expect(compiled.text).toContain('\\input{canary}, x_y^z &')
    expect(compiled.text).toContain('\\catcode`\\@=11')
    expect(compiled.text).toContain('full fine-tuning \\input{canary} ^_^')
    expect(compiled.text).not.toContain('CANARY-WAS-READ')
    expect(compiled.local).toEqual(opened)
    expect(compiled.all.filter((path) => /canary|pwned|passwd/.test(path))).toEqual([])
    expect(await exists(join(compiled.directory, 'pwned-shell'))).toBe(false)
    expect(await exists(join(compiled.directory, 'pwned-write.tex'))).toBe(false)
  }, 120_000)
})
