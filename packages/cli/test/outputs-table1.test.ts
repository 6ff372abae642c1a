import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {findTerm, lookupTerm, splitSymbolList, type Survey, type VocabularyId} from '@fmrl/model'
import {parseContent, parseMarkdown, readTables, type RowRead, type TableRead} from '@fmrl/parser'
import {describe, expect, test} from 'vitest'
import {readContentFiles} from '../src/content-files.js'
import {repositoryRoot} from './helpers.js'

// The ten columns of tables/table1.md, the fixtures/table1.json field each one holds, and the vocabulary of symbol columns.
const columns = [
  {header: 'Citation', field: 'citation', vocabulary: undefined},
  {header: 'Model(s)', field: 'models', vocabulary: undefined},
  {header: 'FT', field: 'ft', vocabulary: 'ft'},
  {header: 'FM Role', field: 'fmRole', vocabulary: 'fmRole'},
  {header: 'RL Agent', field: 'rlAgent', vocabulary: 'rlAgent'},
  {header: 'RL Task', field: 'rlTask', vocabulary: 'rlTask'},
  {header: 'RL Setting', field: 'rlSetting', vocabulary: 'rlSetting'},
  {header: 'RL Role', field: 'rlRole', vocabulary: 'rlRole'},
  {header: 'Metrics', field: 'metrics', vocabulary: 'metric'},
  {header: 'Code', field: 'code', vocabulary: undefined}
] as const satisfies ReadonlyArray<{header: string; field: string; vocabulary: VocabularyId | undefined}>

/** One row of fixtures/table1.json: the paper's Table 1 transcribed by hand, independently of content/. */
type FixtureRow = {group: string} & Record<(typeof columns)[number]['field'], string>

const files = await readContentFiles(repositoryRoot, 'content')
const survey = parseContent(files).survey!
const fixture = JSON.parse(await readFile(join(repositoryRoot, 'fixtures/table1.json'), 'utf8')) as FixtureRow[]
const tables = readTables(parseMarkdown(await readFile(join(repositoryRoot, 'tables/table1.md'), 'utf8')))
const methodTables = tables.filter((table) => table.headings[1] !== 'Legend')
const legendTables = tables.filter((table) => table.headings[1] === 'Legend')

const vocabulary = (survey: Survey, id: VocabularyId) => survey.vocabularies.find((candidate) => candidate.id === id)!

/** A symbol cell in any notation (`$\pi_l$`, `✓\*`) back to its plain symbols (`π_l`, `✓*`). */
function symbols(text: string, id: VocabularyId): string[] {
  return splitSymbolList(text).map((item) => lookupTerm(vocabulary(survey, id), item)?.symbol ?? item)
}

/** The `role/category` group of a table, from the headings it sits under. */
function group(table: TableRead): string {
  const role = survey.taxonomy.find((candidate) => candidate.name === table.headings[1]?.replace(/^\S+ /, ''))
  const category = role?.categories.find((candidate) => candidate.name === table.headings[2])
  return `${role?.id}/${category?.id}`
}

function fixtureRow(table: TableRead, row: RowRead): FixtureRow {
  const values = columns.map(({header, field, vocabulary}) => {
    const cell = row.cells.get(header)!
    if (field === 'code') return [field, cell.url ?? cell.text]
    return [field, vocabulary ? symbols(cell.text, vocabulary).join(', ') : cell.text]
  })
  return {group: group(table), ...Object.fromEntries(values)} as FixtureRow
}

describe('tables/table1.md against the paper', () => {
  test('every table has the ten columns of Table 1, in order', () => {
    expect(methodTables.map((table) => table.headers.map((header) => header.text))).toEqual(methodTables.map(() => columns.map((column) => column.header)))
  })

  test('cell by cell, its 34 rows × 10 columns equal the independent transcription', () => {
    const rows = methodTables.flatMap((table) => table.rows.map((row) => fixtureRow(table, row)))
    expect(rows).toHaveLength(34)
    expect(rows).toEqual(fixture)
  })

  test('the legend lists exactly the symbols the table uses, each with its meaning', () => {
    const used = Object.fromEntries(columns.filter((column) => column.vocabulary).map(({header, vocabulary: id}) => {
      const all = methodTables.flatMap((table) => table.rows.flatMap((row) => symbols(row.cells.get(header)!.text, id!)))
      const meanings = [...new Set(all)].map((symbol) => [symbol, findTerm(vocabulary(survey, id!), symbol)?.meaning])
      return [header, Object.fromEntries(meanings)]
    }))
    const listed = Object.fromEntries(legendTables.map((table) => {
      const id = columns.find((column) => column.header === table.headings[2])!.vocabulary!
      return [table.headings[2], Object.fromEntries(table.rows.map((row) => [symbols(row.cells.get('Symbol')!.text, id).join(), row.cells.get('Meaning')!.text]))]
    }))
    expect(listed).toEqual(used)
    expect(listed['FT']).toEqual({'✓': 'full fine-tuning', '✓*': 'parameter-efficient fine-tuning', '×': 'no fine-tuning'})
    expect(Object.keys(listed['RL Role']!).sort()).toEqual(['o', 'rft', 'v', 'v_g', 'v_l', 'π', 'π_g', 'π_l', 'τ_π'])
  })

  test('RL-role symbols are written in the legend\'s Markdown notation: inline math or text', () => {
    const cells = methodTables.flatMap((table) => table.rows.map((row) => row.cells.get('RL Role')!))
    // Inline math is a remark-math node, outside mdast's own phrasing types.
    const written = new Set(cells.flatMap((cell) => (cell.node.children as Array<{type: string; value?: string}>).flatMap((node) => {
      if (node.type === 'inlineMath') return [`$${node.value}$`]
      return node.type === 'text' ? node.value!.split(',').map((item) => item.trim()).filter((item) => item !== '') : [node.type]
    })))
    expect([...written].sort()).toEqual(['$\\pi$', '$\\pi_g$', '$\\pi_l$', '$\\tau_\\pi$', '$v$', '$v_g$', '$v_l$', 'o', 'rft'])
    expect([...written].sort()).toEqual(vocabulary(survey, 'rlRole').terms.map((term) => term.markdown).sort())
  })
})
