import {formatCitation, methodColumn, methodViews, noValue, type ColumnKey, type Method, type MethodView, type Survey} from '@fmrl/model'
import type {CellRead, RowRead} from '../tables.js'

/** One attribute read back from a generated table cell. */
export interface CellValue {
  value: Method[ColumnKey]
  cell: CellRead
}

/** A cell of a generated table that does not read back as a valid value. */
export interface RowProblem {
  key: ColumnKey
  cell: CellRead
  reason: string
}

/** A generated table row read back into attribute values. */
export interface RowValues {
  values: Map<ColumnKey, CellValue>
  problems: RowProblem[]
}

/** The view a generated Markdown file shows its methods in, from its path. */
export function viewOfOutput(path: string): MethodView {
  if (path === 'README.md') return 'readme'
  if (path === 'tables/table1.md') return 'table1'
  return 'rolePage'
}

/** Whether a table of a generated file lists methods: its first header is the view's first. */
export function isMethodTable(headers: readonly string[], view: MethodView): boolean {
  return headers[0] === methodViews[view][0]!.header
}

/** Read a generated table row back into the attribute values it shows, through the view's column codecs. */
export function decodeRow(survey: Survey, row: RowRead, view: MethodView): RowValues {
  const values = new Map<ColumnKey, CellValue>()
  const problems: RowProblem[] = []
  for (const entry of methodViews[view]) {
    const cell = row.cells.get(entry.header)
    if (!cell) continue
    const read = entry.column.decode(cell, {vocabularies: survey.vocabularies})
    if (!read.ok) {
      problems.push({key: entry.column.key, cell, reason: read.problem.reason})
      continue
    }
    for (const [key, value] of Object.entries(read.value) as Array<[ColumnKey, Method[ColumnKey]]>) {
      // A name linked to its paper gives the paper too; the Paper column, where shown, has the last word.
      if (!values.has(key) || key === entry.column.key) values.set(key, {value, cell})
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
export function formatValue(value: Method[ColumnKey]): string {
  if (value === null) return noValue
  if (Array.isArray(value)) return value.join(', ')
  if (typeof value === 'object') return formatCitation(value)
  return value
}

/** What messages call an attribute: its content column header, `name` for the method's name. */
export function attributeLabel(key: ColumnKey): string {
  return key === 'name' ? 'name' : methodColumn(key).header
}
