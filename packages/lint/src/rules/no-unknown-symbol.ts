import {vocabularyColumns, type Vocabulary, type VocabularyId} from '@fmrl/model'
import {quoteList} from '@fmrl/parser'
import {lintData} from '../data.js'
import {createRule, report, type Fix} from '../rule.js'
import {locateIn} from '../util/place.js'
import {exampleVocabularies} from '../util/example-vocabularies.js'
import {nearest} from '../util/suggest.js'
import {cellItems, readItem, type SymbolItem} from '../util/symbols.js'
import {roleTables} from '../util/tables.js'

/** A symbol cell value outside its column's vocabulary; known variants (`✅`, `yes`, `\checkmark`) are fixed. */
export const noUnknownSymbol = createRule({
  id: 'no-unknown-symbol',
  description: 'Symbol outside its column\'s vocabulary (FT, FM Role, RL Role, Metrics, …), with the nearest allowed value',
  severity: 'error',
  fixable: true,
  defaults: {},
  reads: ['vocabularies'],
  examples: {
    ok: [
      {
        title: 'every notation of the vocabulary',
        markdown: '| Method | FT | RL Role |\n| - | - | - |\n| A | ✓\\* | $\\pi_l, \\text{rft}$ |\n| B | $\\times$ | π_l, rft |\n| C | ✓ | $\\pi$, rft |\n',
        data: {vocabularies: exampleVocabularies}
      },
    ],
    notOk: [
      {
        title: 'variants, a typo and an unknown symbol',
        markdown: '| Method | FT | RL Role |\n| - | - | - |\n| A | ✅ | π_l, rtf |\n| B | yes | $\\pi, \\text{ref}$ |\n| C | \\checkmark | π_x |\n',
        data: {vocabularies: exampleVocabularies},
        messages: [
          "3:7-3:8: Unexpected `✅` in column `FT`, expected `✓` (full fine-tuning) (no-unknown-symbol)",
          "3:16-3:19: Unexpected `rtf` in column `RL Role`, expected one of `π`, `π_l`, `v_l`, `rft`; did you mean `rft` (reinforced fine-tuning)? (no-unknown-symbol)",
          "4:7-4:10: Unexpected `yes` in column `FT`, expected `✓` (full fine-tuning) (no-unknown-symbol)",
          "4:25-4:28: Unexpected `ref` in column `RL Role`, expected one of `π`, `π_l`, `v_l`, `rft`; did you mean `rft` (reinforced fine-tuning)? (no-unknown-symbol)",
          "5:7-5:17: Unexpected `\\checkmark` in column `FT`, expected `✓` (full fine-tuning) (no-unknown-symbol)",
          "5:20-5:23: Unexpected `π_x` in column `RL Role`, expected one of `π`, `π_l`, `v_l`, `rft`; did you mean `π_l` (language-conditioned policy learning)? (no-unknown-symbol)"
        ],
        fixed: '| Method | FT | RL Role |\n| - | - | - |\n| A | ✓ | π_l, rtf |\n| B | ✓ | $\\pi, \\text{ref}$ |\n| C | ✓ | π_x |\n'
      },
      {
        title: 'the same cells in several rows, each reported at its own place',
        markdown: '| Method | FT | RL Role |\n| - | - | - |\n| A | yes | π_l, rtf |\n| B | ✓ | π_l |\n| C | yes | π_l, rtf |\n',
        data: {vocabularies: exampleVocabularies},
        messages: [
          "3:7-3:10: Unexpected `yes` in column `FT`, expected `✓` (full fine-tuning) (no-unknown-symbol)",
          "3:18-3:21: Unexpected `rtf` in column `RL Role`, expected one of `π`, `π_l`, `v_l`, `rft`; did you mean `rft` (reinforced fine-tuning)? (no-unknown-symbol)",
          "5:7-5:10: Unexpected `yes` in column `FT`, expected `✓` (full fine-tuning) (no-unknown-symbol)",
          "5:18-5:21: Unexpected `rtf` in column `RL Role`, expected one of `π`, `π_l`, `v_l`, `rft`; did you mean `rft` (reinforced fine-tuning)? (no-unknown-symbol)"
        ],
        fixed: '| Method | FT | RL Role |\n| - | - | - |\n| A | ✓ | π_l, rtf |\n| B | ✓ | π_l |\n| C | ✓ | π_l, rtf |\n'
      }
    ]
  },
  check({tree, file, skip}) {
    const vocabularies = lintData(file).vocabularies
    const tables = roleTables(tree)
    if (!vocabularies) {
      if (tables.some((table) => [...table.columns.keys()].some((role) => role in vocabularyColumns))) skip('vocabularies')
      return
    }
    // A column repeats a few values over thousands of rows: each text is read once per vocabulary.
    const reads = new Map<Vocabulary, Map<string, SymbolItem[]>>()
    for (const table of tables) {
      for (const [role, header] of table.columns) {
        const vocabulary = vocabularies.find((candidate) => candidate.id === role)
        if (!vocabulary) continue
        if (!reads.has(vocabulary)) reads.set(vocabulary, new Map())
        for (const row of table.read.rows) {
          const cell = row.cells.get(header)
          if (cell) checkCell(file, cell.node, cell.text, vocabulary, reads.get(vocabulary)!)
        }
      }
    }
  }
})

/** How each item of a symbol cell's text reads against its vocabulary. */
function readCell(text: string, vocabulary: Vocabulary): SymbolItem[] {
  return cellItems(text, vocabulary.id).map((item) => readItem(vocabulary, item, (value, candidates) => nearest(value, candidates, 0.67)))
}

function checkCell(file: Parameters<typeof report>[0], node: Parameters<typeof locateIn>[1], text: string, vocabulary: Vocabulary, known: Map<string, SymbolItem[]>): void {
  let items = known.get(text)
  if (!items) known.set(text, (items = readCell(text, vocabulary)))
  // Only a cell with something to report is looked for in the source.
  if (items.every((read) => read.status === 'ok')) return
  const column = vocabularyColumns[vocabulary.id as VocabularyId]
  let from = 0
  for (const read of items) {
    const {item} = read
    const {position, offset} = locateIn(file, node, item, from)
    if (offset !== undefined) from = offset - (node.position?.start.offset ?? 0) + item.length
    if (read.status === 'ok') continue
    if (read.status === 'variant') {
      // Inside a math span the item is not the source text: report it, fix it by hand.
      const fix: Fix | undefined = offset === undefined ? undefined : {start: offset, end: offset + item.length, replacement: read.term.markdown}
      report(file, `Unexpected \`${item}\` in column \`${column}\`, expected \`${read.term.symbol}\` (${read.term.meaning})`, position, {
        ...(fix ? {fix} : {}),
        actual: item,
        expected: [read.term.symbol]
      })
      continue
    }
    const allowed = quoteList(vocabulary.terms.map((term) => term.symbol))
    const hint = read.suggestion ? `; did you mean \`${read.suggestion.symbol}\` (${read.suggestion.meaning})?` : ''
    report(file, `Unexpected \`${item}\` in column \`${column}\`, expected one of ${allowed}${hint}`, position, {
      actual: item,
      expected: read.suggestion ? [read.suggestion.symbol] : vocabulary.terms.map((term) => term.symbol)
    })
  }
}
