import type {Heading, Nodes, PhrasingContent, Root, Table, TableCell, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'

/** One cell of a table read from Markdown, with its text and place. */
export interface CellRead {
  text: string
  node: TableCell
  /** The first link's target, when the cell holds a link. */
  url: string | undefined
  /** Every link of the cell, in order, with its text and where it starts in `text`: what the column codec reads. */
  links: Array<{url: string; text: string; start: number}>
  /** A cell a short row does not have (already reported): it reads as empty text. */
  absent?: true
}

export interface RowRead {
  node: TableRow
  /** Cells keyed by their column header as written. */
  cells: Map<string, CellRead>
  /** Cells past the last header. */
  extra: CellRead[]
}

/** A GFM table with the headings it sits under. */
export interface TableRead {
  node: Table
  /** Heading texts from the document's top down to the table (index 0 is depth 1). */
  headings: Array<string | undefined>
  headers: CellRead[]
  rows: RowRead[]
}

/** Read every table of a document, its rows keyed by header name, under the headings that contain it. */
export function readTables(tree: Root): TableRead[] {
  const tables: TableRead[] = []
  const headings: Array<string | undefined> = []
  for (const node of tree.children) {
    if (node.type === 'heading') trackHeading(headings, node)
    if (node.type === 'table') tables.push(readTable(node, [...headings]))
  }
  return tables
}

function trackHeading(headings: Array<string | undefined>, heading: Heading): void {
  headings.length = heading.depth - 1
  headings[heading.depth - 1] = toString(heading).trim()
}

/** Read one table node; the first row is the header. */
export function readTable(table: Table, headings: Array<string | undefined> = []): TableRead {
  const [head, ...body] = table.children
  const headers = head ? head.children.map(readCell) : []
  const rows = body.map((row) => {
    const cells = new Map<string, CellRead>()
    const extra: CellRead[] = []
    row.children.forEach((cell, index) => {
      const header = headers[index]
      if (header) cells.set(header.text, readCell(cell))
      else extra.push(readCell(cell))
    })
    return {node: row, cells, extra}
  })
  return {node: table, headings, headers, rows}
}

/** Read a cell: inline math keeps its `$…$`, a link reads as its text unless it is a bare URL. */
export function readCell(cell: TableCell): CellRead {
  const links: Array<{url: string; text: string; start: number}> = []
  const raw = phrasingText(cell.children, links, 0)
  const lead = raw.length - raw.trimStart().length
  const text = raw.trim()
  // A link's place in the trimmed text, so a reader can tell which of two equal texts is the link.
  const placed = links.map((link) => ({url: link.url, text: link.text, start: link.start - lead}))
  return {text, node: cell, url: placed[0]?.url, links: placed}
}

/** The text of inline content; the links met, with where their text starts in it, are pushed to `links`. */
function phrasingText(nodes: PhrasingContent[], links: Array<{url: string; text: string; start: number}> = [], offset = 0): string {
  let text = ''
  for (const node of nodes) {
    if (node.type === 'inlineMath') text += `$${node.value}$`
    else if (node.type === 'inlineCode') text += node.value
    else if (node.type === 'html') text += node.value
    else if (node.type === 'link') {
      const inner = phrasingText(node.children as PhrasingContent[], [], 0)
      const trimmed = inner.trim()
      links.push({url: node.url, text: trimmed, start: offset + text.length + (inner.length - inner.trimStart().length)})
      text += inner
    } else if ('children' in node) text += phrasingText(node.children as PhrasingContent[], links, offset + text.length)
    else text += toString(node as Nodes)
  }
  return text
}
