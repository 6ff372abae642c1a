import type {Nodes, Paragraph, PhrasingContent, Root, Table, TableCell, TableRow} from 'mdast'
import type {Point} from 'unist'
import {movePositions} from './positions.js'

/**
 * Reading a GFM table's body rows without micromark's table construct, which is two thirds of the
 * time micromark takes on a table (3.5 s against 1.3 s for the rows of a 10k-row methods file read
 * as paragraphs). A row is split at its pipes as the construct splits it; a cell of text, autolinks,
 * links of text and math becomes its nodes; the other cells are parsed by micromark as paragraphs, all
 * of a text's at once, and moved to where they are in the row. What micromark would read otherwise is
 * left to it: any text this does not read exactly as micromark would gets undefined, and the caller
 * parses it.
 */

/**
 * The tree micromark gives `text`, when `text` is a table's header and delimiter rows followed by
 * body rows and nothing else (a piece of a long table, `pieces.ts`), each row within what it reads;
 * else undefined. `parse` is micromark's parse, for the header and the cells with markup.
 */
export function parseTableRows(text: string, parse: (text: string) => Root): Root | undefined {
  // What micromark reads otherwise than as it stands: tabs (columns of four), carriage returns, NUL (as
  // U+FFFD), and definitions, which change links everywhere.
  if (!mayBeTableRows(text) || /[\t\r\0]|\]:/.test(text)) return undefined
  const lines = text.split('\n')
  const [header = '', delimiter = ''] = lines
  const table = parseHead(`${header}\n${delimiter}\n`, parse)
  if (!table) return undefined
  const columns = table.align?.length ?? 0
  // The table ends at the first blank line: the text may end with blank lines, but have none between rows.
  const bodyLines = lines.slice(2)
  while (bodyLines.at(-1) === '') bodyLines.pop()
  if (bodyLines.length === 0) return undefined
  const rows: TableRow[] = []
  const marked: MarkedCell[] = []
  let offset = header.length + delimiter.length + 2
  for (const [index, line] of bodyLines.entries()) {
    const row = readRow(line, index + 3, offset, columns, marked)
    if (!row) return undefined
    rows.push(row)
    offset += line.length + 1
  }
  if (!parseMarked(marked, parse)) return undefined
  const last = rows.at(-1)!.position!.end
  table.children.push(...rows)
  table.position = {start: table.position!.start, end: last}
  const end = text.endsWith('\n') ? {line: lines.length, column: 1, offset: text.length} : last
  return {type: 'root', children: [table], position: {start: {line: 1, column: 1, offset: 0}, end}}
}

/**
 * The table of a header and delimiter row alone, parsed by `parse`, or undefined when they are not one.
 * The pieces of a long table all start with the same two rows: the last header's table is kept and copied.
 */
function parseHead(text: string, parse: (text: string) => Root): Table | undefined {
  if (lastHead?.text !== text || lastHead.parse !== parse) {
    const children = parse(text).children
    const table = children[0]
    lastHead = {text, parse, table: children.length === 1 && table?.type === 'table' && table.children.length === 1 ? table : undefined}
  }
  return lastHead.table && structuredClone(lastHead.table)
}

let lastHead: {text: string; parse: (text: string) => Root; table: Table | undefined} | undefined

/**
 * Whether `text` is shaped as a piece of a table's rows: a header row, a delimiter row, then lines
 * from a pipe to a pipe with no blank line among them (but maybe after them), as far as its first and
 * last lines show.
 */
export function mayBeTableRows(text: string): boolean {
  const headerEnd = text.indexOf('\n')
  const delimiterEnd = text.indexOf('\n', headerEnd + 1)
  const body = text.slice(delimiterEnd + 1).replace(/\n+$/, '')
  const lastLine = body.slice(body.lastIndexOf('\n') + 1)
  return text.startsWith('|') && headerEnd > 0 && delimiterEnd > 0 && isDelimiterRow(text.slice(headerEnd + 1, delimiterEnd)) && body.startsWith('|') && !body.includes('\n\n') && lastLine.startsWith('|') && lastLine.endsWith('|')
}

/** Whether a line is a delimiter row as these rows are written: pipes at both ends, each cell dashes with optional colons. */
export function isDelimiterRow(line: string): boolean {
  return /^\|( *:?-+:? *\|)+$/.test(line)
}

// What a cell is read as here, each piece at the place the last one ended. Text: characters that start
// no inline markup (escapes, code, emphasis, strikethrough, links and images, autolinks and HTML,
// character references, math; a `]` does not, with no `[` open), underscores between two characters that
// are neither space nor punctuation (which emphasis never takes), and backslash escapes.
const textRun = /(?:[^\\`*_~[!<>&$@]|(?<=[^\p{P}\p{S}\s])_(?=[^\p{P}\p{S}\s])|\\[!-/:-@[-`{-~])+/uy
const escape = /\\([!-/:-@[-`{-~])/g
// What makes a literal autolink of text (GFM): a URL's scheme, `www.`, an email's `@`.
const literalAutolink = /https?:|www\.|@/i
// An autolink (`<https://…>`) of printable ASCII, which micromark takes as it is: no escapes, no references.
const autolink = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[!-;=?-~]*)>/y
// A link of text without markup to a URL of characters micromark takes as they are (no escapes, references,
// parentheses, spaces or title).
const link = /\[([^\\`*_~[\]!<>&$@^]+)\]\(([A-Za-z0-9\-._~:/?#@!'*+,;=%]+)\)/y
// Math between single dollars, its first and last characters not spaces (which micromark would trim).
const inlineMath = /\$([^$\s](?:[^$]*[^$\s])?)\$(?!\$)/y

/** A cell with markup: its node, its content and where the content starts. */
interface MarkedCell {
  cell: TableCell
  content: string
  at: Point
}

/** A body row, when it starts and ends with a pipe and has one cell per column; cells with markup are queued on `marked`. */
function readRow(line: string, lineNumber: number, lineOffset: number, columns: number, marked: MarkedCell[]): TableRow | undefined {
  const pipes = pipesOf(line)
  if (!pipes || pipes.length !== columns + 1) return undefined
  const point = (index: number): Point => ({line: lineNumber, column: index + 1, offset: lineOffset + index})
  const cells: TableCell[] = []
  for (let column = 0; column < columns; column++) {
    const from = pipes[column]!
    const to = pipes[column + 1]!
    let start = from + 1
    let end = to
    while (start < end && line[start] === ' ') start++
    while (end > start && line[end - 1] === ' ') end--
    // A cell reaches from its pipe to the next; the last one takes in its closing pipe.
    const cell: TableCell = {type: 'tableCell', children: [], position: {start: point(from), end: point(column === columns - 1 ? to + 1 : to)}}
    cells.push(cell)
    if (start === end) continue
    const content = line.slice(start, end)
    const read = readInline(content, point(start))
    if (read) cell.children = read
    else marked.push({cell, content, at: point(start)})
  }
  return {type: 'tableRow', children: cells, position: {start: point(0), end: point(line.length)}}
}

/**
 * A cell's content as micromark reads it, when it is made of text, autolinks, links of text and math
 * (as `textRun`, `autolink`, `link` and `inlineMath` read them); else undefined.
 */
function readInline(content: string, start: Point): PhrasingContent[] | undefined {
  const at = (index: number): Point => ({line: start.line, column: start.column + index, offset: start.offset! + index})
  const nodes: PhrasingContent[] = []
  let index = 0
  const match = (pattern: RegExp) => {
    pattern.lastIndex = index
    return pattern.exec(content)
  }
  while (index < content.length) {
    let found: RegExpExecArray | null
    if ((found = match(textRun))) {
      const value = found[0].replace(escape, '$1')
      if (literalAutolink.test(value)) return undefined
      nodes.push({type: 'text', value, position: {start: at(index), end: at(index + found[0].length)}})
    } else if ((found = match(autolink))) {
      const url = found[1]!
      nodes.push({type: 'link', title: null, url, children: [{type: 'text', value: url, position: {start: at(index + 1), end: at(index + 1 + url.length)}}], position: {start: at(index), end: at(index + found[0].length)}})
    } else if ((found = match(link))) {
      const [whole, label, url] = found as unknown as [string, string, string]
      if (literalAutolink.test(label)) return undefined
      nodes.push({type: 'link', title: null, url, children: [{type: 'text', value: label, position: {start: at(index + 1), end: at(index + 1 + label.length)}}], position: {start: at(index), end: at(index + whole.length)}})
    } else if ((found = match(inlineMath))) {
      const value = found[1]!
      const data = {hName: 'code', hProperties: {className: ['language-math', 'math-inline']}, hChildren: [{type: 'text' as const, value}]}
      nodes.push({type: 'inlineMath', value, data, position: {start: at(index), end: at(index + found[0].length)}})
    } else return undefined
    index += found[0].length
  }
  return nodes
}

/**
 * The offsets of a row's cell-separating pipes, as micromark's table construct finds them (a backslash
 * takes the pipe or backslash after it as data); undefined when the row does not start and end with one.
 */
function pipesOf(line: string): number[] | undefined {
  if (line[0] !== '|') return undefined
  const pipes = [0]
  for (let index = 1; index < line.length; index++) {
    const code = line.charCodeAt(index)
    if (code === backslash) {
      const next = line.charCodeAt(index + 1)
      if (next === backslash || next === pipe) index++
    } else if (code === pipe) pipes.push(index)
  }
  return pipes.at(-1) === line.length - 1 ? pipes : undefined
}

const backslash = 92
const pipe = 124

/**
 * Parse the cells with markup as paragraphs of one text, a blank line between them, and give each
 * cell its paragraph's content at the cell's place. False when any did not read as one paragraph
 * on its own line (a cell that starts like a heading, list, quote, fence or HTML block).
 */
function parseMarked(marked: readonly MarkedCell[], parse: (text: string) => Root): boolean {
  if (marked.length === 0) return true
  const paragraphs = parse(marked.map((cell) => cell.content).join('\n\n')).children
  if (paragraphs.length !== marked.length) return false
  for (const [index, {content}] of marked.entries()) {
    const paragraph = paragraphs[index]!
    const place = paragraph.position!
    if (paragraph.type !== 'paragraph' || place.start.line !== index * 2 + 1 || place.start.column !== 1 || place.end.line !== index * 2 + 1 || place.end.column !== content.length + 1) return false
  }
  marked.forEach(({cell, at}, index) => {
    const paragraph = paragraphs[index] as Paragraph
    const start = paragraph.position!.start
    for (const child of paragraph.children) {
      movePositions(child, at.line - start.line, at.column - start.column, at.offset! - start.offset!)
      unescapeCodePipes(child)
    }
    cell.children = paragraph.children as PhrasingContent[]
  })
  return true
}

/** In a table, code's escaped pipes are pipes (as mdast-util-gfm-table reads them). */
function unescapeCodePipes(node: Nodes): void {
  if (node.type === 'inlineCode') node.value = node.value.replace(/\\([\\|])/g, (escaped, character: string) => (character === '|' ? character : escaped))
  if ('children' in node) for (const child of node.children) unescapeCodePipes(child)
}
