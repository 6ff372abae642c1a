import {nameKey as modelNameKey, vocabularyColumns, type VocabularyId} from '@fmrl/model'
import {readTables, type CellRead, type RowRead, type TableRead} from '@fmrl/parser'
import type {Root} from 'mdast'
import {repairMojibake} from '../mojibake.js'

/** What a column holds, told from its header. */
export type ColumnRole = 'name' | 'citation' | 'models' | 'code' | 'paper' | 'dataset' | VocabularyId

const vocabularyIds = Object.keys(vocabularyColumns) as VocabularyId[]

/** Header text as compared: lowercase, single spaces, without a `[citation]` note. */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/\\?\[[^\]]*\]/g, '').replace(/\s+/g, ' ').trim()
}

/** The role of a column from its header, or undefined for columns no rule reads. */
export function columnRole(header: string): ColumnRole | undefined {
  const name = normalizeHeader(header)
  const vocabulary = vocabularyIds.find((id) => vocabularyColumns[id].toLowerCase() === name)
  if (vocabulary) return vocabulary
  if (/^(method|approach)s?$/.test(name)) return 'name'
  if (name === 'citation') return 'citation'
  if (/^models?$|^model\(s\)$/.test(name)) return 'models'
  if (name === 'code') return 'code'
  if (name === 'paper') return 'paper'
  if (name === 'dataset' || name === 'environment' || name === 'benchmark') return 'dataset'
  return undefined
}

/** A table with its columns' roles and what kind of entries its rows are. */
export interface RoleTable {
  read: TableRead
  /** Column role to the header as written. */
  columns: Map<ColumnRole, string>
  /** `methods`: rows compare methods on symbol columns; `summary`: a method column without them; `datasets`. */
  kind: 'methods' | 'summary' | 'datasets' | 'other'
}

/** A method row: its name, citation and cells by role. */
export interface MethodRow {
  table: RoleTable
  row: RowRead
  name: string
  nameCell: CellRead
  /** The citation text, from a Citation column or a trailing `[…]` in the method cell. */
  citation: string | undefined
  cell(role: ColumnRole): CellRead | undefined
}

const tablesOf = new WeakMap<Root, readonly RoleTable[]>()
const rowsOf = new WeakMap<readonly RoleTable[], readonly MethodRow[]>()

/** Every top-level table of a document with its column roles: read once per tree for every rule (never change what this returns). */
export function roleTables(tree: Root): readonly RoleTable[] {
  let tables = tablesOf.get(tree)
  if (!tables) {
    tables = readRoleTables(tree)
    tablesOf.set(tree, tables)
  }
  return tables
}

function readRoleTables(tree: Root): RoleTable[] {
  return readTables(tree).map((read) => {
    const columns = new Map<ColumnRole, string>()
    for (const header of read.headers) {
      const role = columnRole(header.text)
      if (role && !columns.has(role)) columns.set(role, header.text)
    }
    const symbols = vocabularyIds.some((id) => columns.has(id)) || columns.has('models') || columns.has('citation')
    const kind = columns.has('dataset') ? 'datasets' : columns.has('name') ? (symbols ? 'methods' : 'summary') : 'other'
    return {read, columns, kind}
  })
}

const trailingCitation = /\s*\[([^[\]]*)\]\s*$/

/** The method rows of the tables of kind `methods` or `summary`, in document order (once per list of tables; never change what this returns). */
export function methodRows(tables: readonly RoleTable[]): readonly MethodRow[] {
  let rows = rowsOf.get(tables)
  if (!rows) {
    rows = readMethodRows(tables)
    rowsOf.set(tables, rows)
  }
  return rows
}

function readMethodRows(tables: readonly RoleTable[]): MethodRow[] {
  return tables.flatMap((table) => {
    if (table.kind !== 'methods' && table.kind !== 'summary') return []
    const nameHeader = table.columns.get('name')!
    return table.read.rows.flatMap((row) => {
      const nameCell = row.cells.get(nameHeader)
      // `-` names no method (a reading-list row that is no survey method).
      if (!nameCell || isEmptyValue(nameCell.text)) return []
      const text = repairMojibake(nameCell.text, {trustLonePairs: true})
      const citationHeader = table.columns.get('citation')
      const bracket = trailingCitation.exec(text)
      const citation = citationHeader ? row.cells.get(citationHeader)?.text : bracket?.[1]
      const name = bracket ? text.slice(0, bracket.index).trim() : text
      const cell = (role: ColumnRole) => {
        const header = table.columns.get(role)
        return header === undefined ? undefined : row.cells.get(header)
      }
      return [{table, row, name, nameCell, citation, cell}]
    })
  })
}

const keys = new Map<string, string>()

/**
 * The one name key of fmrl (so that lint, `fmrl add` and the parser agree on what a duplicate is),
 * remembered: the rules key the same names again and again, and each key costs two Unicode regexes.
 */
export function nameKey(name: string): string {
  let key = keys.get(name)
  if (key === undefined) {
    // Bounded, so a long-lived process (an editor's language server) does not grow without end.
    if (keys.size >= 200_000) keys.clear()
    key = modelNameKey(name)
    keys.set(name, key)
  }
  return key
}

/** Whether a cell holds no value (`-`, `—`, `n/a`, empty). */
export function isEmptyValue(text: string): boolean {
  return /^(?:-+|—|–|n\/a|none|)$/i.test(text.trim())
}
