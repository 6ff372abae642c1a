import type {CellProblem, CodecContext, Column} from '@fmrl/model'
import {reportError} from '../diagnostics.js'
import type {CellRead, RowRead, TableRead} from '../tables.js'
import {checkColumns} from './columns.js'
import type {FileContext} from './context.js'

/** One row read through its columns: the values it gives, and the cell each attribute came from. */
export interface EntryRead<T> {
  value: Partial<T>
  cells: Map<string, CellRead>
  row: RowRead
  /** Whether every cell read; an incomplete row is kept for drafts, and its problems are reported. */
  complete: boolean
}

/**
 * Read the rows of a table with the column codec: check the headers and cell counts, decode every
 * cell, and report each problem at its cell (at the offending item where it can be found). A row with
 * any problem is incomplete: what it gives is kept (for drafts), and its problems say what is missing.
 */
export function readEntries<T>(context: FileContext, table: TableRead, columns: ReadonlyArray<Column<T>>, codec: CodecContext): Array<EntryRead<T>> {
  const rows = checkColumns(context, table, columns.map((column) => column.header), 'allowed')
  return rows.flatMap(({row, cell}) => {
    const value: Partial<T> = {}
    const cells = new Map<string, CellRead>()
    let fit = true
    for (const column of columns) {
      const read = cell(column.header)
      if (read.absent) {
        fit = false
        continue
      }
      const result = column.decode(read, codec)
      if (!result.ok) {
        reportCellProblem(context, read, result.problem)
        fit = false
        continue
      }
      for (const [key, decoded] of Object.entries(result.value) as Array<[keyof T & string, unknown]>) {
        const earlier = cells.get(key)
        if (earlier && JSON.stringify(value[key]) !== JSON.stringify(decoded)) {
          reportError(context.file, read.node, `Unexpected ${key} \`${String(decoded)}\` in column \`${column.header}\`, expected the same value as the column that already gives it (\`${String(value[key])}\`)`, 'invalid-value')
          fit = false
          continue
        }
        value[key] = decoded as T[keyof T & string]
        if (!earlier || key === column.key) cells.set(key, read)
      }
    }
    return [{value, cells, row, complete: fit}]
  })
}

/** Report a cell the codec refused, at the item at fault when the cell's source shows it. */
export function reportCellProblem(context: FileContext, cell: CellRead, problem: CellProblem): void {
  reportError(context.file, placeOfItem(context, cell, problem.item) ?? cell.node, problem.reason, problem.ruleId)
}

function placeOfItem(context: FileContext, cell: CellRead, item: string | undefined) {
  const start = cell.node.position?.start.offset
  const end = cell.node.position?.end.offset
  if (item === undefined || item === '' || start === undefined || end === undefined) return undefined
  const index = context.text.slice(start, end).indexOf(item)
  if (index < 0) return undefined
  return {start: context.locate(start + index), end: context.locate(start + index + item.length)}
}
