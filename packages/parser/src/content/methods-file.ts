import {methodColumns, parseCitation, symbolAttributes, vocabularyColumns, type Method, type Role, type SymbolAttribute, type Vocabulary} from '@fmrl/model'
import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {quoteList, reportError} from '../diagnostics.js'
import {splitList, lookupTerm} from '../symbols.js'
import {readTables, type CellRead} from '../tables.js'
import {checkColumns, type CheckedRow} from './columns.js'
import {recordSource, type FileContext} from './context.js'
import {optionalUrl, textList} from './values.js'

/** What a methods file is checked against: the taxonomy and the vocabularies. */
export interface MethodsContext {
  taxonomy: Role[]
  vocabularies: Vocabulary[]
}

const headers = methodColumns.map((column) => column.header)

/** A method read from a row, with the row's cells by attribute key for source places. */
export interface MethodRead {
  method: Method
  cells: Map<string, CellRead>
}

/**
 * Read a role file (`methods/agent.md`): its title names the role, each second-level heading a
 * category, and each row of the category's table one method.
 */
export function parseMethodsFile(context: FileContext, known: MethodsContext): MethodRead[] {
  const title = context.tree.children.find((node) => node.type === 'heading' && node.depth === 1)
  const role = known.taxonomy.find((candidate) => title && candidate.name === textOf(title))
  if (!role) {
    reportError(context.file, title, `Unexpected role file title \`${title ? textOf(title) : ''}\`, expected one of ${quoteList(known.taxonomy.map((candidate) => candidate.name))}`, 'unknown-heading')
    return []
  }
  return readTables(context.tree).flatMap((table) => {
    const category = role.categories.find((candidate) => candidate.name === table.headings[1])
    if (!category) {
      reportError(context.file, table.node, `Unexpected table under \`${table.headings[1] ?? role.name}\`, expected it under a category heading: ${quoteList(role.categories.map((candidate) => candidate.name))}`, 'unknown-heading')
      return []
    }
    return checkColumns(context, table, headers).flatMap((row) => readMethod(context, row, role, category.id, known.vocabularies))
  })
}

function textOf(node: Nodes): string {
  return toString(node).trim()
}

function readMethod(context: FileContext, row: CheckedRow, role: Role, category: string, vocabularies: Vocabulary[]): MethodRead[] {
  const cells = new Map(methodColumns.map((column) => [column.key as string, row.cell(column.header)]))
  const citation = parseCitation(row.cell('Citation').text)
  if (!citation) {
    reportError(context.file, row.cell('Citation').node, `Unexpected citation \`${row.cell('Citation').text}\`, expected short authors and a year such as \`Zhang et al., 2023a\``, 'invalid-value')
  }
  const symbols = Object.fromEntries(symbolAttributes.map((attribute) => [attribute.key, readSymbols(context, row.cell(vocabularyColumns[attribute.vocabulary]), attribute, vocabularies)]))
  if (!citation || Object.values(symbols).some((value) => value === undefined)) return []
  const method: Method = {
    name: row.cell('Method').text,
    citation,
    role: role.id,
    category,
    models: textList(row.cell('Model(s)')),
    ...(symbols as Pick<Method, SymbolAttribute['key']>),
    code: optionalUrl(row.cell('Code')),
    paper: optionalUrl(row.cell('Paper')),
    venue: null
  }
  return [{method, cells}]
}

/** Read a symbol cell into canonical symbols; undefined (after reporting) when one is unknown. */
function readSymbols(context: FileContext, cell: CellRead, attribute: SymbolAttribute, vocabularies: Vocabulary[]): string | string[] | undefined {
  const vocabulary = vocabularies.find((candidate) => candidate.id === attribute.vocabulary)
  const items = attribute.list ? splitList(cell.text) : [cell.text]
  const symbols: string[] = []
  for (const item of items) {
    const term = vocabulary && lookupTerm(vocabulary, item)
    if (!term) {
      const allowed = vocabulary ? quoteList(vocabulary.terms.map((known) => known.symbol)) : 'a legend section for this column'
      reportError(context.file, cell.node, `Unexpected symbol \`${item}\` in column \`${vocabularyColumns[attribute.vocabulary]}\`, expected one of ${allowed}; add it to content/legend.md to allow it`, 'unknown-symbol')
      return undefined
    }
    symbols.push(term.symbol)
  }
  return attribute.list ? symbols : symbols[0]
}
