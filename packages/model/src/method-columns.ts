import {
  decoded,
  decodeUrl,
  joined,
  notation,
  plainColumn,
  problem,
  text,
  textListColumn,
  urlColumn,
  type CellFormat,
  type CodecContext,
  type Column,
  type Decoded
} from './codec.js'
import {splitSymbolList} from './lists.js'
import {formatCitation, parseCitation, type Method} from './method.js'
import {lookupTerm, lookupVariant, type VocabularyId} from './vocabulary.js'

/**
 * The one definition of every method column: its header in content/ and in the generated tables,
 * the headers hand-kept lists use for it, its vocabulary, and how a value becomes a cell and a
 * cell a value.
 */

/** The attributes a column can hold: every method attribute except where it sits in the taxonomy and its venue. */
export type ColumnKey = Exclude<keyof Method, 'role' | 'category' | 'venue'>

export type MethodColumn = Column<Method, ColumnKey>

const nameColumn: MethodColumn = plainColumn({
  key: 'name',
  header: 'Method',
  aliases: ['method', 'methods', 'approach', 'name', 'title', 'paper title', 'paper name', 'algorithm', 'framework'],
  optional: false,
  encode: (method, _context, format) => [format === 'markdown' && method.paper ? {type: 'link', url: method.paper, children: [text(method.name)]} : text(method.name)],
  decode(cell, context) {
    const name = cell.text.trim()
    if (name === '') return problem('Unexpected empty cell in column `Method`, expected the name the paper gives the method', 'missing-cell')
    const [only] = cell.links
    // A linked name (`[AGILE](paper)`) names the paper too, as generated role pages and most lists write
    // it; in content/ the Paper column holds it, and a name that looks like a URL is just text.
    if (context.format === 'content' || cell.links.length !== 1 || !only || only.text.trim() !== name) return decoded({name})
    const paper = decodeUrl(cell, 'Method', context, false)
    return paper.ok ? decoded({name, paper: paper.url}) : paper
  }
})

function decodeCitation(written: string): Decoded<Method> {
  const citation = parseCitation(written)
  return citation ? decoded({citation}) : problem(`Unexpected citation \`${written}\`, expected short authors and a year such as \`Zhang et al., 2023a\``, 'invalid-value', written)
}

const citationColumn: MethodColumn = plainColumn({
  key: 'citation',
  header: 'Citation',
  aliases: ['citation', 'cite', 'reference', 'ref'],
  optional: false,
  encode: (method) => (method.citation ? [text(formatCitation(method.citation))] : []),
  // Hand-kept lists bracket a citation: `[Feng et al., 2024]`.
  decode: (cell) => decodeCitation(cell.text.trim().replace(/^\\?\[(.*)\]$/, '$1'))
})

/** A column of vocabulary symbols, one or a list, written in plain symbols in content/ and in their notation elsewhere. */
function symbolColumn(key: 'ft' | 'fmRoles' | 'rlAgent' | 'rlTask' | 'rlSetting' | 'rlRoles' | 'metrics', header: string, vocabulary: VocabularyId, list: boolean, aliases: string[]): MethodColumn {
  const termsOf = (context: CodecContext) => context.vocabularies.find((candidate) => candidate.id === vocabulary)
  return {
    key,
    header,
    aliases,
    vocabulary,
    list,
    optional: false,
    encode(method, context, format: CellFormat) {
      const value = method[key] as string | string[] | undefined
      if (value === undefined) return []
      const symbols = typeof value === 'string' ? [value] : value
      if (format === 'content') return [text(symbols.join(', '))]
      const terms = termsOf(context)
      return joined(symbols.map((symbol) => {
        const term = terms && lookupTerm(terms, symbol)
        return [term ? notation(term.markdown) : text(symbol)]
      }))
    },
    decode(cell, context) {
      const terms = termsOf(context)
      const written = cell.text.trim()
      const items = list ? splitSymbolList(written) : written === '' ? [] : [written]
      if (items.length === 0) return problem(`Unexpected empty cell in column \`${header}\`, expected ${list ? 'one or more symbols' : 'a symbol'} of its legend`, 'missing-cell')
      const symbols: string[] = []
      for (const item of items) {
        const term = terms && (lookupTerm(terms, item) ?? (context.lenient ? lookupVariant(terms, item) : undefined))
        if (!term) {
          const allowed = terms ? terms.terms.map((known) => `\`${known.symbol}\``).join(', ') : 'a legend section for this column'
          return problem(`Unexpected symbol \`${item}\` in column \`${header}\`, expected one of ${allowed}; add it to content/legend.md to allow it`, 'no-unknown-symbol', item)
        }
        symbols.push(term.symbol)
      }
      return decoded({[key]: list ? symbols : symbols[0]!} as Partial<Method>)
    }
  }
}

/** Every column of a method row in content/, in its order. */
export const methodColumns: readonly MethodColumn[] = [
  nameColumn,
  citationColumn,
  textListColumn<Method, 'models'>('models', 'Model(s)', ['model(s)', 'models', 'model', 'fm', 'fms', 'fm(s)', 'llm', 'llms', 'llm(s)', 'vlm', 'vlms', 'base model', 'base models', 'backbone', 'foundation model', 'foundation models']),
  symbolColumn('ft', 'FT', 'ft', false, ['ft', 'fine-tuning', 'fine-tuned', 'finetuning', 'fine tuning', 'tuning']),
  symbolColumn('fmRoles', 'FM Role', 'fmRole', true, ['fm role', 'fm roles', 'fm role(s)', 'role of fm', 'llm role']),
  symbolColumn('rlAgent', 'RL Agent', 'rlAgent', false, ['rl agent', 'agent', 'agents']),
  symbolColumn('rlTask', 'RL Task', 'rlTask', false, ['rl task', 'task', 'tasks']),
  symbolColumn('rlSetting', 'RL Setting', 'rlSetting', false, ['rl setting', 'setting']),
  symbolColumn('rlRoles', 'RL Role', 'rlRole', true, ['rl role', 'rl roles', 'rl role(s)']),
  symbolColumn('metrics', 'Metrics', 'metric', true, ['metrics', 'metric', 'improved metrics']),
  urlColumn<Method, 'code'>('code', 'Code', 'Code', ['code', 'repo', 'repository', 'github', 'implementation', 'source', 'source code', 'official code']),
  urlColumn<Method, 'paper'>('paper', 'Paper', 'Paper', ['paper', 'pdf', 'arxiv', 'paper link', 'link', 'url', 'publication'])
]

/** The column holding an attribute. */
export function methodColumn(key: ColumnKey): MethodColumn {
  return methodColumns.find((column) => column.key === key)!
}

/**
 * The method's name (linked to its paper) and its citation in brackets, as the README and Table 1
 * write their first column: `[AGILE](paper) [Feng et al., 2024]`.
 */
export const citedNameColumn: MethodColumn = plainColumn({
  key: 'name',
  header: 'Method [citation]',
  aliases: ['method [citation]', 'method (citation)'],
  optional: false,
  encode: (method, context) => [...nameColumn.encode(method, context, 'markdown'), ...(method.citation ? [text(` [${formatCitation(method.citation)}]`)] : [])],
  decode(cell, context) {
    const match = /^(.*?)\s*\\?\[([^[\]]+)\]$/s.exec(cell.text.trim())
    if (!match) return problem(`Unexpected \`${cell.text.trim()}\` in column \`Method [citation]\`, expected a name and a citation in brackets such as \`AGILE [Feng et al., 2024]\``, 'invalid-value')
    const name = nameColumn.decode({text: match[1]!, links: cell.links}, context)
    const citation = decodeCitation(match[2]!)
    if (!name.ok) return name
    if (!citation.ok) return citation
    return decoded({...name.value, ...citation.value})
  }
})

/** A column of a generated table: the header it is shown under and the column behind it. */
export interface ViewColumn {
  header: string
  column: MethodColumn
  format: CellFormat
}

const view = (format: CellFormat, ...columns: Array<MethodColumn | [string, MethodColumn]>): ViewColumn[] =>
  columns.map((entry) => (Array.isArray(entry) ? {header: entry[0], column: entry[1], format} : {header: entry.header, column: entry, format}))

/**
 * Which columns each method table shows, and under which header: the content files, the role pages
 * (every column), Table 1 (its ten attributes) and the README (a summary). Reading a generated
 * table back looks its headers up here.
 */
export const methodViews = {
  content: view('content', ...methodColumns),
  rolePage: view('markdown', ...methodColumns),
  table1: view('markdown', ['Citation', citedNameColumn], ...(['models', 'ft', 'fmRoles', 'rlAgent', 'rlTask', 'rlSetting', 'rlRoles', 'metrics', 'code'] as const).map(methodColumn)),
  readme: view('markdown', citedNameColumn, ...(['models', 'ft', 'rlRoles', 'metrics', 'code'] as const).map(methodColumn))
} as const satisfies Record<string, ViewColumn[]>

export type MethodView = keyof typeof methodViews
