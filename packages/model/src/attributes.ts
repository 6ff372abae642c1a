import {citedNameColumn, methodColumns, methodViews, type ColumnKey} from './method-columns.js'
import type {VocabularyId} from './vocabulary.js'

/** A method attribute that is a symbol (or list of symbols) from a vocabulary. */
export interface SymbolAttribute {
  key: 'ft' | 'fmRoles' | 'rlAgent' | 'rlTask' | 'rlSetting' | 'rlRoles' | 'metrics'
  vocabulary: VocabularyId
  list: boolean
}

/** The symbol columns, in Table 1 order: a view of the method columns. */
export const symbolAttributes: readonly SymbolAttribute[] = methodColumns.flatMap((column) =>
  column.vocabulary ? [{key: column.key as SymbolAttribute['key'], vocabulary: column.vocabulary, list: column.list}] : []
)

/** The header of each vocabulary's column, in Table 1 order: a view of the method columns. */
export const vocabularyColumns = Object.fromEntries(
  methodColumns.flatMap((column) => (column.vocabulary ? [[column.vocabulary, column.header]] : []))
) as Readonly<Record<VocabularyId, string>>

/** The attributes of the paper's Table 1, in its column order (its first column names and cites each method). */
export const table1Attributes: readonly ColumnKey[] = methodViews.table1.map((entry) => (entry.column === citedNameColumn ? 'citation' : entry.column.key))

/** The attribute keys of a method row in content/. */
export type MethodColumnKey = ColumnKey
