import {methodViews, type CellFormat, type Column, type Inline, type Method, type MethodDraft, type MethodView, type Survey} from '@fmrl/model'
import type {PhrasingContent, Table} from 'mdast'
import {table} from '../nodes.js'

/** The codec's inline content as mdast phrasing content (the codec writes a subset of it). */
const phrasing = (inline: Inline[]): PhrasingContent[] => inline as PhrasingContent[]

/** One method's cells in a view's columns (content/, a role page, Table 1 or the README), as the column codec encodes them. */
export function methodCells(survey: Pick<Survey, 'vocabularies'>, method: Method | MethodDraft, view: MethodView): PhrasingContent[][] {
  // A draft's unknown attributes encode as empty cells.
  return methodViews[view].map((entry) => phrasing(entry.column.encode(method as Method, {vocabularies: survey.vocabularies}, entry.format)))
}

/** A table of methods in one view: its headers, then a row per method. */
export function methodTable(survey: Pick<Survey, 'vocabularies'>, methods: ReadonlyArray<Method | MethodDraft>, view: MethodView): Table {
  return table(methodViews[view].map((entry) => entry.header), methods.map((method) => methodCells(survey, method, view)))
}

/** A table of entries through their columns (datasets, the reading list, environments). */
export function entryTable<T>(columns: ReadonlyArray<Column<T>>, entries: ReadonlyArray<Partial<T>>, format: CellFormat): Table {
  return table(columns.map((column) => column.header), entries.map((entry) => columns.map((column) => phrasing(column.encode(entry as T, {vocabularies: []}, format)))))
}
