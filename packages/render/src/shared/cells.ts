import {methodViews, type CellFormat, type Column, type Inline, type Method, type MethodDraft, type MethodView, type Survey} from '@fmrl/model'
import type {PhrasingContent, Table, TableCell, TableRow} from 'mdast'
import {sha256} from '../digest.js'
import {table} from '../nodes.js'

/** The codec's inline content as mdast phrasing content (the codec writes a subset of it). */
const phrasing = (inline: Inline[]): PhrasingContent[] => inline as PhrasingContent[]

/** One method's cells in a view's columns (content/, a role page, Table 1 or the README), as the column codec encodes them. */
export function methodCells(survey: Pick<Survey, 'vocabularies'>, method: Method | MethodDraft, view: MethodView): PhrasingContent[][] {
  // A draft's unknown attributes encode as empty cells.
  return methodViews[view].map((entry) => phrasing(entry.column.encode(method as Method, {vocabularies: survey.vocabularies}, entry.format)))
}

/**
 * A table of methods in one view: its headers, then a row per method. Each row is keyed by what its
 * cells are encoded from (`rowKey`: the view, the vocabularies and the method), so that a serializer
 * that remembers rows (`toMarkdown`) takes a row an earlier render made without its cells; they are
 * built when first read.
 */
export function methodTable(survey: Pick<Survey, 'vocabularies'>, methods: ReadonlyArray<Method | MethodDraft>, view: MethodView): Table {
  const context = `${view}\u0000${sha256(JSON.stringify(survey.vocabularies))}\u0000`
  return table(methodViews[view].map((entry) => entry.header), methods.map((method) => keyedRow(sha256(context + JSON.stringify(method)), () => methodCells(survey, method, view))))
}

/** A row whose cells are built from `cells` when first read, keyed by `rowKey`. */
function keyedRow(rowKey: string, cells: () => PhrasingContent[][]): TableRow {
  let built: TableCell[] | undefined
  return {
    type: 'tableRow',
    data: {rowKey},
    get children() {
      return (built ??= cells().map((children): TableCell => ({type: 'tableCell', children})))
    },
    set children(children) {
      built = children
    }
  }
}

declare module 'mdast' {
  interface TableRowData {
    /** What the row's cells are made from, whole: equal keys, equal cells (see `methodTable`). */
    rowKey?: string
  }
}

/** A table of entries through their columns (datasets, the reading list, environments). */
export function entryTable<T>(columns: ReadonlyArray<Column<T>>, entries: ReadonlyArray<Partial<T>>, format: CellFormat): Table {
  return table(columns.map((column) => column.header), entries.map((entry) => columns.map((column) => phrasing(column.encode(entry as T, {vocabularies: []}, format)))))
}
