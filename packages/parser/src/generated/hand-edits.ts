import type {ColumnKey, Method, MethodView, Survey} from '@fmrl/model'
import {diffLines} from 'diff'
import {parseMarkdown} from '../markdown.js'
import {readTables, type RowRead, type TableRead} from '../tables.js'
import {decodeRow, findMethod, isMethodTable, viewOfOutput, type RowValues} from './rows.js'

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Where in a generated file a finding sits. */
export interface OutputPlace {
  path: string
  line: number
  column: number
}

/** A method attribute changed by hand in a generated file. */
export interface HandEdit {
  place: OutputPlace
  /** Index of the method in `survey.methods`. */
  method: number
  key: ColumnKey
  value: Method[ColumnKey]
}

/** A hand edit that cannot be taken back into content/: a bad value, an added or a removed row. */
export interface EditProblem {
  place: OutputPlace
  method: number | undefined
  key: ColumnKey
  reason: string
}

export interface HandEdits {
  edits: HandEdit[]
  problems: EditProblem[]
}

/**
 * Compare the method tables of a generated Markdown file as found on disk with the same file as
 * rendered from the model, and read each changed cell back into the attribute it shows.
 * With `committed` (the file at HEAD), a cell that still equals its committed value is not a hand
 * edit: the content changed instead, and `pnpm build` is the fix.
 */
export function findHandEdits(survey: Survey, path: string, rendered: string, disk: string, committed?: string): HandEdits {
  const found: HandEdits = {edits: [], problems: []}
  const view = viewOfOutput(path)
  const expected = methodTables(rendered, view)
  const edited = methodTables(disk, view)
  const before = committed === undefined ? undefined : methodTables(committed, view)
  for (const [key, table] of expected) {
    const editedTable = edited.get(key)
    if (editedTable) compareTable(survey, {path, view}, table, editedTable, before?.get(key), found)
  }
  return found
}

/**
 * Whether a generated Markdown file was edited outside its method tables (prose, headings, lists):
 * edits that no content cell holds, so `check --adopt` cannot take them.
 */
export function editedOutsideTables(path: string, rendered: string, disk: string): boolean {
  const view = viewOfOutput(path)
  const renderedTables = tableLines(rendered, view)
  const diskTables = tableLines(disk, view)
  let renderedLine = 1
  let diskLine = 1
  for (const change of diffLines(rendered, disk)) {
    const count = change.count ?? 0
    for (let offset = 0; offset < count; offset++) {
      if (change.added && !diskTables.has(diskLine + offset)) return true
      if (change.removed && !renderedTables.has(renderedLine + offset)) return true
    }
    if (!change.added) renderedLine += count
    if (!change.removed) diskLine += count
  }
  return false
}

/** The line numbers the method tables of a document span, header and delimiter rows included. */
function tableLines(text: string, view: MethodView): Set<number> {
  const lines = new Set<number>()
  for (const table of methodTables(text, view).values()) {
    const position = table.node.position
    for (let line = position?.start.line ?? 0; position && line <= position.end.line; line++) lines.add(line)
  }
  return lines
}

/** Method tables keyed by the headings above them and their rank under those headings. */
function methodTables(text: string, view: MethodView): Map<string, TableRead> {
  const tables = new Map<string, TableRead>()
  for (const table of readTables(parseMarkdown(text))) {
    if (!isMethodTable(table.headers.map((header) => header.text), view)) continue
    const heading = table.headings.join(' > ')
    let rank = 0
    while (tables.has(`${heading}#${rank}`)) rank++
    tables.set(`${heading}#${rank}`, table)
  }
  return tables
}

function compareTable(survey: Survey, {path, view}: {path: string; view: MethodView}, expected: TableRead, edited: TableRead, committed: TableRead | undefined, found: HandEdits): void {
  const {pairs, added, removed} = pairRows(expected.rows, edited.rows)
  for (const [want, got, index] of pairs) {
    const wanted = decodeRow(survey, want, view)
    const method = findMethod(survey, wanted)
    if (method === -1) continue
    const read = decodeRow(survey, got, view)
    const earlier = committed && committed.rows.length === edited.rows.length ? decodeRow(survey, committed.rows[index]!, view) : undefined
    compareRow(path, method, wanted, read, earlier, found)
  }
  for (const row of added) {
    found.problems.push({place: placeOf(path, row.node), method: undefined, key: 'name', reason: `adds the row \`${firstCell(row)}\`, which content/ does not have; add the method with \`fmrl add\` instead`})
  }
  for (const row of removed) {
    const method = findMethod(survey, decodeRow(survey, row, view))
    found.problems.push({place: placeOf(path, edited.node), method: method === -1 ? undefined : method, key: 'name', reason: `removes the row \`${firstCell(row)}\``})
  }
}

function compareRow(path: string, method: number, wanted: RowValues, read: RowValues, earlier: RowValues | undefined, found: HandEdits): void {
  for (const problem of read.problems) {
    if (earlier?.problems.some((old) => old.key === problem.key && old.cell.text === problem.cell.text)) continue
    found.problems.push({place: placeOf(path, problem.cell.node), method, key: problem.key, reason: problem.reason})
  }
  for (const [key, {value, cell}] of read.values) {
    const want = wanted.values.get(key)
    if (!want || same(value, want.value)) continue
    const old = earlier?.values.get(key)
    if (old && same(value, old.value)) continue
    found.edits.push({place: placeOf(path, cell.node), method, key, value})
  }
}

/** Pair rendered rows with rows on disk: by rank when their counts agree, else by their first cell. */
function pairRows(expected: RowRead[], edited: RowRead[]) {
  if (expected.length === edited.length) {
    return {pairs: expected.map((row, index) => [row, edited[index]!, index] as const), added: [], removed: []}
  }
  const unused = new Set(edited.keys())
  const pairs: Array<readonly [RowRead, RowRead, number]> = []
  const removed: RowRead[] = []
  for (const row of expected) {
    const index = [...unused].find((candidate) => firstCell(edited[candidate]!) === firstCell(row))
    if (index === undefined) removed.push(row)
    else {
      unused.delete(index)
      pairs.push([row, edited[index]!, index])
    }
  }
  return {pairs, added: [...unused].map((index) => edited[index]!), removed}
}

function firstCell(row: RowRead): string {
  return row.cells.values().next().value?.text ?? ''
}

function placeOf(path: string, node: {position?: {start: {line: number; column: number}}}): OutputPlace {
  return {path, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1}
}
