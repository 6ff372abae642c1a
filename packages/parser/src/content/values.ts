import {noValue} from '@fmrl/model'
import {reportError} from '../diagnostics.js'
import type {CellRead} from '../tables.js'
import type {FileContext} from './context.js'

/** A cell's text, or null for the `-` placeholder. */
export function optionalText(cell: CellRead): string | null {
  return cell.text === noValue ? null : cell.text
}

/** An integer cell; reports and returns undefined when it is not one. */
export function integer(context: FileContext, cell: CellRead, what: string): number | undefined {
  if (/^\d+$/.test(cell.text)) return Number(cell.text)
  // An empty cell is reported where rows are checked.
  if (cell.text !== '') reportError(context.file, cell.node, `Unexpected ${what} \`${cell.text}\`, expected a whole number`, 'invalid-value')
  return undefined
}

/** A `yes`/`no` cell; reports and returns undefined otherwise. */
export function yesNo(context: FileContext, cell: CellRead, what: string): boolean | undefined {
  if (cell.text === 'yes' || cell.text === 'no') return cell.text === 'yes'
  if (cell.text !== '') reportError(context.file, cell.node, `Unexpected ${what} \`${cell.text}\`, expected \`yes\` or \`no\``, 'invalid-value')
  return undefined
}
