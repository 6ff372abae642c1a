import {z} from 'zod'

// A table cell is one line, and Markdown readers trim it: only such text reads back as itself.
const oneTrimmedLine = /^\S(?:[^\n\r]*\S)?$/u

/** Text that fits a table cell or a heading: one line, no space at either end. */
export const CellString = z.string().regex(oneTrimmedLine, 'Expected one line of text without leading or trailing space')

/** Text of a cell that may hold no value: `-` itself is how such a cell says "none", so it is not a value. */
export const OptionalCellString = CellString.refine((text) => text !== '-', 'Expected a value other than `-`, which writes "no value"')
