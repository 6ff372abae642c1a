import {formatCitation, methodColumns, noValue, parseCitation, symbolAttributes, vocabularyColumns, type Method, type Survey} from '@fmrl/model'
import {lookupTerm, optionalUrl, quoteList, splitCommaList, splitList, type CellRead, type RowRead} from '@fmrl/parser'

/** The method attributes a generated table shows and a hand edit can change. */
export type EditableKey = Exclude<keyof Method, 'role' | 'category' | 'venue'>

/** One attribute read back from a generated table cell. */
export interface CellValue {
  value: Method[EditableKey]
  cell: CellRead
}

/** A cell that does not read back as a valid value. */
export interface CellProblem {
  key: EditableKey
  cell: CellRead
  reason: string
}

/** A generated table row read back into attribute values. */
export interface RowValues {
  values: Map<EditableKey, CellValue>
  problems: CellProblem[]
}

type Decoder = (survey: Survey, cell: CellRead) => Array<{key: EditableKey; value?: Method[EditableKey]; reason?: string}>

/** `Name [Authors, 2024]`, the name linked to the paper in the README's first column. */
const methodCell: Decoder = (_survey, cell) => {
  const match = /^(.*?)\s*\[([^\]]+)\]$/.exec(cell.text)
  const name = match ? match[1]! : cell.text
  return [{key: 'name', value: name}, {key: 'paper', value: cell.url ?? null}, ...(match ? citation(match[2]!) : [])]
}

function citation(text: string): ReturnType<Decoder> {
  const value = parseCitation(text)
  return [value ? {key: 'citation', value} : {key: 'citation', reason: `Unexpected citation \`${text}\`, expected short authors and a year such as \`Zhang et al., 2023a\``}]
}

function symbols(attribute: (typeof symbolAttributes)[number]): Decoder {
  return (survey, cell) => {
    const vocabulary = survey.vocabularies.find((candidate) => candidate.id === attribute.vocabulary)
    const items = attribute.list ? splitList(cell.text) : [cell.text]
    const found: string[] = []
    for (const item of items) {
      const term = vocabulary && lookupTerm(vocabulary, item)
      if (!term) {
        const allowed = quoteList(vocabulary?.terms.map((known) => known.symbol) ?? [])
        return [{key: attribute.key, reason: `Unexpected symbol \`${item}\` in column \`${vocabularyColumns[attribute.vocabulary]}\`, expected one of ${allowed}`}]
      }
      found.push(term.symbol)
    }
    return [{key: attribute.key, value: attribute.list ? found : found[0]!}]
  }
}

/** How each column header a generated table may use reads back; later columns override earlier ones. */
const decoders = new Map<string, Decoder>([
  ['Method [citation]', methodCell],
  ['Method', methodCell],
  // Table 1 names each method in its Citation column: `AGILE [Feng et al., 2024]`.
  ['Citation', (survey, cell) => (/\]$/.test(cell.text) ? methodCell(survey, cell) : citation(cell.text))],
  ['Model(s)', (_survey, cell) => [{key: 'models', value: splitCommaList(cell.text)}]],
  ...symbolAttributes.map((attribute): [string, Decoder] => [vocabularyColumns[attribute.vocabulary], symbols(attribute)]),
  ['Code', (_survey, cell) => [{key: 'code', value: optionalUrl(cell)}]],
  ['Paper', (_survey, cell) => [{key: 'paper', value: optionalUrl(cell)}]]
])

/** Whether a table lists methods (it has a column that names them). */
export function isMethodTable(headers: readonly string[]): boolean {
  return headers.some((header) => header === 'Method [citation]' || header === 'Method' || header === 'Citation')
}

/** Read a generated table row back into the attribute values it shows. */
export function decodeRow(survey: Survey, row: RowRead): RowValues {
  const values = new Map<EditableKey, CellValue>()
  const problems: CellProblem[] = []
  for (const [header, cell] of row.cells) {
    for (const result of decoders.get(header)?.(survey, cell) ?? []) {
      if (result.reason) problems.push({key: result.key, cell, reason: result.reason})
      else values.set(result.key, {value: result.value!, cell})
    }
  }
  return {values, problems}
}

/** The index of the method a decoded row shows, by name and (where shown) citation; -1 when none. */
export function findMethod(survey: Survey, row: RowValues): number {
  const name = row.values.get('name')?.value
  const cited = row.values.get('citation')?.value as Method['citation'] | undefined
  return survey.methods.findIndex((method) => method.name === name && (!cited || formatCitation(method.citation) === formatCitation(cited)))
}

/** A value as messages quote it: lists comma-separated, citations short, null as `-`. */
export function formatValue(value: Method[EditableKey]): string {
  if (value === null) return noValue
  if (Array.isArray(value)) return value.join(', ')
  if (typeof value === 'object') return formatCitation(value)
  return value
}

/** What messages call an attribute: its content column header, `name` for the method's name. */
export function attributeLabel(key: EditableKey): string {
  return key === 'name' ? 'name' : methodColumns.find((column) => column.key === key)!.header
}
