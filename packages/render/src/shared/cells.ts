import {methodViews, type CellFormat, type Column, type Inline, type Method, type MethodView, type Survey} from '@fmrl/model'
import type {PhrasingContent, Table} from 'mdast'
import {table} from '../nodes.js'

/** The codec's inline content as mdast phrasing content (the codec writes a subset of it). */
const phrasing = (inline: Inline[]): PhrasingContent[] => inline as PhrasingContent[]

/** One method's cells in a view's columns (content/, a role page, Table 1 or the README), as the column codec encodes them. */
export function methodCells(survey: Survey, method: Method, view: MethodView): PhrasingContent[][] {
  return methodViews[view].map((entry) => phrasing(entry.column.encode(method, {vocabularies: survey.vocabularies}, entry.format)))
}

/** A table of methods in one view: its headers, then a row per method. */
export function methodTable(survey: Survey, methods: readonly Method[], view: MethodView): Table {
  return table(methodViews[view].map((entry) => entry.header), methods.map((method) => methodCells(survey, method, view)))
}

/** A table of entries through their columns (datasets, the reading list, environments). */
export function entryTable<T>(columns: ReadonlyArray<Column<T>>, entries: readonly T[], format: CellFormat): Table {
  return table(columns.map((column) => column.header), entries.map((entry) => columns.map((column) => phrasing(column.encode(entry, {vocabularies: []}, format)))))
}
