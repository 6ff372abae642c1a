import type {Element, Nodes as HastNodes, Root as HastRoot} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toText} from 'hast-util-to-text'
import {repairMojibake} from '@fmrl/lint'
import type {Html, Table} from 'mdast'
import type {Point, Position} from 'unist'
import {inlineLinks, inlineText, type InlineLink} from './inline.js'

/** A cell of a table as the import reads it, whatever the table was written as (GFM or HTML). */
export interface InputCell {
  text: string
  links: InlineLink[]
  position: Position | undefined
  /** A spanning HTML cell repeated into another row or column: its value applies there, but it is counted once, where it is written. */
  repeated?: boolean
}

/** A table: its header cells and its body rows, each a list of cells. */
export interface InputTable {
  headers: InputCell[]
  rows: InputCell[][]
  position: Position | undefined
  /** `html` for a `<table>` block. */
  source: 'gfm' | 'html'
}

/** A GFM table's cells with their text and links. */
export function gfmTable(table: Table): InputTable {
  const [head, ...body] = table.children
  const cell = (node: Table['children'][number]['children'][number]): InputCell => ({text: inlineText(node.children), links: inlineLinks(node.children), position: node.position})
  return {headers: head ? head.children.map(cell) : [], rows: body.map((row) => row.children.map(cell)), position: table.position, source: 'gfm'}
}

/**
 * The tables of an HTML block (`<table>` with `<tr>`, `<th>` and `<td>`), with each cell placed in the
 * Markdown file. A header row is the first row of `<th>` cells (or of `<thead>`); without one, the
 * first row is the header, as GFM reads tables. A spanning cell (`rowspan`, `colspan`) is repeated
 * into every row and column it spans, marked `repeated` there so that it is counted once.
 */
export function htmlTables(node: Html): InputTable[] {
  const tree = fromHtml(node.value, {fragment: true})
  const offset = node.position?.start
  return elements(tree, 'table').map((table) => {
    const rows = elements(table, 'tr').map((row) => row.children.filter((child): child is Element => child.type === 'element' && (child.tagName === 'td' || child.tagName === 'th')))
    const grid = spread(rows, (cell) => htmlCell(cell, offset))
    const headerIndex = rows.findIndex((row) => row.length > 0 && row.every((cell) => cell.tagName === 'th'))
    const header = headerIndex >= 0 ? headerIndex : 0
    // A header cell spanning rows (`Model` over `Memory` split into `Operation | Structure`) makes the
    // rows it spans part of the header: each column's header is the texts above it, joined.
    const height = Math.max(1, ...(rows[header] ?? []).map((cell) => Number(cell.properties?.rowSpan ?? 1) || 1))
    const headerRows = grid.slice(header, header + height)
    const headers = (grid[header] ?? []).map((cell, column) => {
      const texts = [...new Set(headerRows.map((row) => row[column]?.text ?? '').filter((text) => text !== ''))]
      return texts.length > 1 ? {...cell, text: texts.join(' ')} : cell
    })
    return {headers, rows: grid.filter((_, index) => index < header || index >= header + height), position: node.position, source: 'html' as const}
  })
}

function elements(node: HastRoot | Element, tagName: string): Element[] {
  const found: Element[] = []
  const walk = (current: HastNodes) => {
    if (current.type === 'element' && current.tagName === tagName) {
      found.push(current)
      // Nested tables are read on their own; a row belongs to its nearest table.
      if (tagName === 'table') return
    }
    if ('children' in current) for (const child of current.children) walk(child as HastNodes)
  }
  for (const child of node.children) walk(child as HastNodes)
  return found
}

/** Expand rowspan and colspan into a rectangular grid. */
function spread(rows: Element[][], read: (cell: Element) => InputCell): InputCell[][] {
  const grid: InputCell[][] = rows.map(() => [])
  rows.forEach((row, rowIndex) => {
    let column = 0
    for (const cell of row) {
      while (grid[rowIndex]![column]) column++
      const value = read(cell)
      const rowSpan = Math.max(1, Number(cell.properties?.rowSpan ?? 1) || 1)
      const colSpan = Math.max(1, Number(cell.properties?.colSpan ?? 1) || 1)
      for (let down = 0; down < rowSpan && rowIndex + down < rows.length; down++) {
        for (let across = 0; across < colSpan; across++) grid[rowIndex + down]![column + across] = down === 0 && across === 0 ? value : {...value, repeated: true}
      }
      column += colSpan
    }
  })
  return grid.map((row) => Array.from(row, (cell) => cell ?? {text: '', links: [], position: undefined}))
}

function htmlCell(cell: Element, offset: Point | undefined): InputCell {
  const links: InlineLink[] = []
  const walk = (node: HastNodes) => {
    if (node.type === 'element' && node.tagName === 'a' && typeof node.properties?.href === 'string') {
      const text = repairMojibake(toText(node)).replace(/\s+/g, ' ').trim()
      const image = text === '' && node.children.some((child) => child.type === 'element' && child.tagName === 'img')
      links.push({url: node.properties.href, text, image})
    }
    if ('children' in node) for (const child of node.children) walk(child as HastNodes)
  }
  walk(cell)
  return {text: repairMojibake(toText(cell)).replace(/\s+/g, ' ').trim(), links, position: place(cell.position, offset)}
}

/** A position inside an HTML block, moved to the block's place in the Markdown file. */
function place(position: Position | undefined, offset: Point | undefined): Position | undefined {
  if (!position || !offset) return undefined
  const move = (point: Point): Point => ({line: offset.line + point.line - 1, column: point.line === 1 ? offset.column + point.column - 1 : point.column})
  return {start: move(position.start), end: move(position.end)}
}
