import {quoteList, reportError} from '../diagnostics.js'
import {contentLimits} from '../limits.js'
import type {CellRead, RowRead, TableRead} from '../tables.js'
import type {FileContext} from './context.js'

/** A row whose cells are looked up by canonical column header. */
export interface CheckedRow {
  row: RowRead
  /** The cell under `header`; every expected column is present once a row is checked. */
  cell(header: string): CellRead
}

const normalize = (header: string) => header.toLowerCase().replace(/\s+/g, ' ').trim()

/**
 * Match a table's columns to `headers` by name (order and case do not matter) and check each row.
 * Reports unknown and missing columns, rows with too many or too few cells, and (unless the columns
 * read empty cells themselves, `emptyCells: 'allowed'`) empty cells; returns only the rows fit to read.
 */
export function checkColumns(context: FileContext, table: TableRead, headers: readonly string[], emptyCells: 'error' | 'allowed' = 'error'): CheckedRow[] {
  const byName = new Map(headers.map((header) => [normalize(header), header]))
  const written = new Map<string, string>()
  for (const cell of table.headers) {
    const header = byName.get(normalize(cell.text))
    if (header && !written.has(header)) written.set(header, cell.text)
    else if (header) reportError(context.file, cell.node, `Unexpected second column \`${cell.text}\`, expected each column once`, 'unknown-column')
    else reportError(context.file, cell.node, `Unexpected column \`${cell.text}\`, expected one of ${quoteList(headers)}`, 'unknown-column')
  }
  const missing = headers.filter((header) => !written.has(header))
  if (missing.length > 0) {
    reportError(context.file, table.node.children[0], `Unexpected table without column ${quoteList(missing)}, expected columns ${quoteList(headers)}`, 'missing-column')
    return []
  }
  // A row with empty or missing cells is reported and kept, its unknown values read as empty text: a
  // draft holds it, and what the row defines (a role, a legend term) still exists for other files.
  // Only a row with cells past the last column is left out.
  return table.rows.filter((row) => checkRow(context, row, headers, written, emptyCells) || context.drafting || row.extra.length === 0).map((row) => ({
    row,
    cell: (header: string) => row.cells.get(written.get(header)!) ?? {text: '', node: row.node as unknown as CellRead['node'], url: undefined, links: [], absent: true}
  }))
}

function checkRow(context: FileContext, row: RowRead, headers: readonly string[], written: Map<string, string>, emptyCells: 'error' | 'allowed'): boolean {
  let fit = true
  for (const extra of row.extra) {
    reportError(context.file, extra.node, `Unexpected extra cell \`${extra.text}\`, expected ${headers.length} cells; remove it or add a column`, 'extra-cell')
    fit = false
  }
  for (const header of headers) {
    const cell = row.cells.get(written.get(header)!)
    if (!cell) {
      reportError(context.file, row.node, `Unexpected row without a cell in column \`${header}\`, expected ${headers.length} cells (write \`-\` where no value is known)`, 'missing-cell')
      fit = false
    } else if (cell.text.length > contentLimits.maxCellLength) {
      reportError(context.file, cell.node, `Unexpected cell of ${cell.text.length} characters in column \`${header}\`, expected at most ${contentLimits.maxCellLength}: shorten it`, 'max-cell-length')
      fit = false
    } else if (cell.text === '' && emptyCells === 'error') {
      reportError(context.file, cell.node, `Unexpected empty cell in column \`${header}\`, expected a value (write \`-\` where none is known)`, 'missing-cell')
      fit = false
    }
  }
  return fit
}
