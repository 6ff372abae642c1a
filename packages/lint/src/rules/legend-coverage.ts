import {vocabularyColumns, type Vocabulary, type VocabularyId} from '@fmrl/model'
import type {CellRead} from '@fmrl/parser'
import type {VFile} from 'vfile'
import {lintData} from '../data.js'
import {createRule, report} from '../rule.js'
import {cellItems, readItem} from '../util/symbols.js'
import {normalizeHeader, roleTables, type RoleTable} from '../util/tables.js'

interface LegendEntry {
  id: VocabularyId
  vocabulary: Vocabulary
  /** The Symbol cell of each term, in term order. */
  cells: CellRead[]
}

const vocabularyIds = Object.keys(vocabularyColumns) as VocabularyId[]

/** The legend tables of a file: a `Symbol` table under a heading naming a symbol column (as content/legend.md). */
function legends(tables: readonly RoleTable[]): LegendEntry[] {
  return tables.flatMap((table) => {
    const header = (name: string) => table.read.headers.find((cell) => normalizeHeader(cell.text) === name)?.text
    const symbol = header('symbol')
    const heading = table.read.headings.findLast((text) => text !== undefined)
    const id = vocabularyIds.find((candidate) => vocabularyColumns[candidate].toLowerCase() === heading?.toLowerCase())
    if (!symbol || !id) return []
    const rows = table.read.rows.filter((row) => row.cells.get(symbol)?.text)
    const text = (row: (typeof rows)[number], name: string | undefined, fallback: string) => (name && row.cells.get(name)?.text) || fallback
    const terms = rows.map((row) => {
      const value = row.cells.get(symbol)!.text
      return {symbol: value, markdown: text(row, header('markdown'), value), latex: text(row, header('latex'), value).replace(/^`|`$/g, ''), meaning: text(row, header('meaning'), value), origin: 'caption' as const}
    })
    return [{id, vocabulary: {id, description: '', terms}, cells: rows.map((row) => row.cells.get(symbol)!)}]
  })
}

/** Symbols of a file's own tables, by vocabulary: what the legend must define. */
function usesIn(file: VFile, tables: readonly RoleTable[], legend: LegendEntry, used: Set<string>): void {
  for (const table of tables) {
    const header = table.columns.get(legend.id)
    if (!header) continue
    for (const row of table.read.rows) {
      const cell = row.cells.get(header)
      if (!cell) continue
      for (const item of cellItems(cell.text, legend.id)) {
        const read = readItem(legend.vocabulary, item, () => undefined)
        if (read.status !== 'unknown') used.add(read.term.symbol)
        else report(file, `Unexpected symbol \`${item}\` in column \`${vocabularyColumns[legend.id]}\` that the legend does not define, expected a legend entry for it`, cell.node)
      }
    }
  }
}

/** Legend coverage: a symbol a table uses that the legend does not define, and a legend entry no table uses. */
export const legendCoverage = createRule({
  id: 'legend-coverage',
  description: 'Symbol used in a table but missing from the legend, and legend entry never used',
  severity: 'warn',
  defaults: {},
  reads: ['usedSymbols'],
  examples: {
    ok: [
      {
        title: 'every entry used, here or elsewhere',
        markdown: '## FT\n\n| Symbol | Meaning |\n| - | - |\n| ✓ | full |\n| × | none |\n\n## Methods\n\n| Method | FT |\n| - | - |\n| A | ✓ |\n',
        data: {usedSymbols: {ft: ['×']}}
      }
    ],
    notOk: [
      {
        title: 'an undefined symbol and an unused entry',
        markdown: '## FT\n\n| Symbol | Meaning |\n| - | - |\n| ✓ | full |\n| ✓\\* | efficient |\n| × | none |\n\n## Methods\n\n| Method | FT |\n| - | - |\n| A | ✓ |\n| B | partial |\n',
        data: {usedSymbols: {ft: ['×']}},
        messages: [
          '6:1-6:7: Unexpected legend entry `✓*` in `FT` that no table uses, expected every entry to be used; remove it or use it (legend-coverage)',
          '14:5-14:16: Unexpected symbol `partial` in column `FT` that the legend does not define, expected a legend entry for it (legend-coverage)'
        ]
      }
    ]
  },
  check({tree, file}) {
    const tables = roleTables(tree)
    const elsewhere = lintData(file).usedSymbols
    for (const legend of legends(tables)) {
      const used = new Set<string>(elsewhere?.[legend.id] ?? [])
      usesIn(file, tables, legend, used)
      const checked = elsewhere?.[legend.id] !== undefined || tables.some((table) => table.columns.has(legend.id))
      if (!checked) continue
      legend.vocabulary.terms.forEach((term, index) => {
        if (used.has(term.symbol)) return
        report(file, `Unexpected legend entry \`${term.symbol}\` in \`${vocabularyColumns[legend.id]}\` that no table uses, expected every entry to be used; remove it or use it`, legend.cells[index]!.node)
      })
    }
  }
})
