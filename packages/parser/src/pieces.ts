import type {Root, RootContent} from 'mdast'
import {movePositions} from './positions.js'
import {isDelimiterRow} from './table-rows.js'

/**
 * Parsing a large document piece by piece: micromark keeps every event of the text it parses (a
 * dozen objects per table cell) until the tree is built, so a 1 MB methods file peaks at about
 * 600 MB where its tree holds a fraction of that. Cut at places where a piece parses, on its own, to
 * the very nodes the whole would give, each piece's garbage goes before the next is parsed.
 *
 * The cuts: before a heading or a table line (`#`, `|` in column 1) after a blank line, outside fenced
 * code, `$$` math and the HTML blocks that blank lines do not end; and between the rows of a long
 * table, whose later rows are parsed under a copy of its header and delimiter rows. A table's rows are
 * cut from its header and from the heading after them whatever the size, so that they are read alone
 * (table-rows.ts). A document with what may be a link or footnote definition (`]:`) is parsed whole: a
 * definition anywhere changes the links everywhere. So does one with a lone carriage return, whose
 * lines micromark counts otherwise, and one with a byte-order mark, which micromark leaves out of its
 * offsets.
 */

/** A piece of the text: `start`..`end` (offsets), starting on line `line`; rows of the table above it, when `header` is set. */
export interface Piece {
  start: number
  end: number
  line: number
  /** The table's header and delimiter rows (with their line break), for a piece of its later rows. */
  header?: string
}

/**
 * Below this a document is parsed whole; above, in pieces of half this to twice this. Small: micromark's
 * work grows faster than its input (it splices long event lists), so pieces of 4 KiB parse a 10k-row
 * content/ a fifth faster than pieces of 64 KiB, with less garbage, and an edit parses a few rows again.
 */
export const pieceBytes = 4 * 1024

// Line starts that end the cuts' guarantees until their block ends: fences and math, and the HTML blocks
// (CommonMark types 1 to 5) that blank lines do not end, each with what ends it.
const fence = /^ {0,3}(`{3,}|~{3,}|\${2,})/
const htmlBlocks: ReadonlyArray<{open: RegExp; close: RegExp}> = [
  {open: /^ {0,3}<(script|pre|style|textarea)(\s|>|$)/i, close: /<\/(script|pre|style|textarea)>/i},
  {open: /^ {0,3}<!--/, close: /-->/},
  {open: /^ {0,3}<\?/, close: /\?>/},
  {open: /^ {0,3}<![A-Za-z]/, close: />/},
  {open: /^ {0,3}<!\[CDATA\[/, close: /\]\]>/}
]
// Every link reference or footnote definition, in any container, has its label's `]` followed by `:`.
const definition = ']:'

/** Where `text` may be cut, as pieces covering it from start to end; one piece when it is small or may not be cut. */
export function cutPieces(text: string, bytes = pieceBytes): Piece[] {
  const whole = [{start: 0, end: text.length, line: 1}]
  if (text.length < bytes || text.startsWith('\ufeff') || /\r(?!\n)/.test(text) || text.includes(definition)) return whole
  const pieces: Piece[] = []
  let piece: Piece = {start: 0, end: 0, line: 1}
  let closer: ((line: string) => boolean) | undefined
  let blank = true
  // The table the line is in: its header and delimiter rows, the index of its first body row, and whether
  // its rows are cut from what is around them, whatever the size: rows alone are read without micromark's
  // table construct (table-rows.ts), when the delimiter row is one it reads.
  let table: {header: string; firstRow: number; ownPieces: boolean} | undefined
  // Whether the line follows a table whose rows are cut from what comes after them, and blank lines.
  let afterRows = false
  let offset = 0
  const lines = text.split('\n')
  for (const [index, line] of lines.entries()) {
    if (closer) {
      if (closer(line)) closer = undefined
    } else {
      const start = line[0]
      if (table && start !== '|') {
        // A line that is not blank continues the table as a row, or ends it: either way the rows are not alone.
        afterRows = table.ownPieces && line.trim() === ''
        table = undefined
      }
      if (blank && (start === '#' || start === '|') && (afterRows || cutsBefore(line, offset - piece.start, bytes))) {
        pieces.push({...piece, end: offset})
        piece = {start: offset, end: offset, line: index + 1}
      } else if (table && index >= table.firstRow && ((table.ownPieces && index === table.firstRow) || cutsBefore(line, offset - piece.start, bytes))) {
        // Every line from the header on starts with `|`: each is a row of the same table.
        pieces.push({...piece, end: offset})
        piece = {start: offset, end: offset, line: index + 1, header: table.header}
      }
      const next = lines[index + 1]
      if (blank && start === '|' && next?.startsWith('|')) table = {header: `${line}\n${next}\n`, firstRow: index + 2, ownPieces: isDelimiterRow(next)}
      if (line.trim() !== '') afterRows = false
      closer = opener(line)
    }
    blank = line.trim() === ''
    offset += line.length + 1
  }
  pieces.push({...piece, end: text.length})
  return pieces
}

/**
 * Whether a piece of `size` characters ends before `line`, a line it may end before: from half of
 * `bytes` on, at a line whose hash picks it, and at twice `bytes` whatever the line. Cuts chosen by the
 * lines themselves (content-defined chunking) stay where they are when an edit or a new row changes
 * the length of the text before them, so a cache of the pieces' trees misses only the edited piece.
 */
function cutsBefore(line: string, size: number, bytes: number): boolean {
  return size >= bytes * 2 || (size >= bytes / 2 && lineHash(line) >>> 28 === 0)
}

/** FNV-1a over the line's UTF-16 code units: cheap, and the same on every run. Its high bits pick the cuts: its low bits follow the line's last characters (a row's closing `|`). */
function lineHash(line: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < line.length; index++) hash = Math.imul(hash ^ line.charCodeAt(index), 0x01000193)
  return hash >>> 0
}

/** What ends the block a line opens, when it is one the cuts may not enter. */
function opener(line: string): ((line: string) => boolean) | undefined {
  const marks = fence.exec(line)?.[1]
  if (marks) {
    const mark = marks[0]!
    // The closing line: the same mark, at least as many, and nothing after it but spaces.
    const closing = new RegExp(`^ {0,3}${mark === '$' ? '\\$' : mark}{${marks.length},}\\s*$`)
    return (candidate) => closing.test(candidate)
  }
  for (const {open, close} of htmlBlocks) {
    if (!open.test(line)) continue
    // A block that ends on its own first line is over already.
    if (close.test(line.replace(open, ''))) return undefined
    return (candidate) => close.test(candidate)
  }
  return undefined
}

/** The text a piece is parsed as: its part of `text`, under a copy of its table's header rows when it continues a table. */
export function pieceText(text: string, piece: Piece): string {
  return (piece.header ?? '') + text.slice(piece.start, piece.end)
}

/**
 * Parse `text` piece by piece with `parse`, into the tree parsing it whole gives; undefined when a
 * piece did not parse as the cut expects (the caller then parses the whole).
 */
export function parsePieces(text: string, pieces: readonly Piece[], parse: (text: string) => Root): Root | undefined {
  const children: RootContent[] = []
  let end: NonNullable<Root['position']>['end'] = {line: 1, column: 1, offset: 0}
  for (const piece of pieces) {
    const header = piece.header ?? ''
    const tree = parse(pieceText(text, piece))
    const headerLines = header === '' ? 0 : 2
    // Columns stay: each piece starts a line.
    movePositions(tree, piece.line - 1 - headerLines, 0, piece.start - header.length)
    end = tree.position!.end
    if (header === '') {
      children.push(...tree.children)
      continue
    }
    // The rows go to the table above; what follows them in the piece is blocks of their own.
    const [rows, ...rest] = tree.children
    const table = children.at(-1)
    if (rows?.type !== 'table' || table?.type !== 'table') return undefined
    table.children.push(...rows.children.slice(1))
    table.position!.end = rows.position!.end
    children.push(...rest)
  }
  return {type: 'root', children, position: {start: {line: 1, column: 1, offset: 0}, end}}
}
