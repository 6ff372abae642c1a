import type {Heading, Nodes, PhrasingContent, Root, Table, TableCell, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'

/** One cell of a table read from Markdown, with its text and place. */
export interface CellRead {
  text: string
  node: TableCell
  /** The first link's target, when the cell holds a link. */
  url: string | undefined
  /** Every link of the cell, in order, with its text: what the column codec reads. */
  links: Array<{url: string; text: string}>
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
  const links = cellLinks(cell.children)
  return {text: phrasingText(cell.children).trim(), node: cell, url: links[0]?.url, links}
}

function phrasingText(nodes: PhrasingContent[]): string {
  return nodes.map((node) => {
    if (node.type === 'inlineMath') return `$${node.value}$`
    if (node.type === 'inlineCode') return node.value
    if (node.type === 'html') return node.value
    if ('children' in node) return phrasingText(node.children as PhrasingContent[])
    return toString(node as Nodes)
  }).join('')
}

function cellLinks(nodes: PhrasingContent[]): Array<{url: string; text: string}> {
  return nodes.flatMap((node) => {
    if (node.type === 'link') return [{url: node.url, text: phrasingText(node.children).trim()}]
    return 'children' in node ? cellLinks(node.children as PhrasingContent[]) : []
  })
}

