import type {ListItem, Nodes, Root, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {repairMojibake} from '../mojibake.js'
import {methodRows, roleTables, type RoleTable} from './tables.js'

/** What a link belongs to: a table row (a method or a dataset), a top-level list item, or a block. */
export interface Entry {
  node: Nodes
  kind: 'method' | 'dataset' | 'item' | 'block'
  /** The entry's name: a method or dataset name, a list item's title; undefined for a block. */
  name: string | undefined
}

/** The title of a list entry: its first link's text, else its leading strong text. */
export function itemTitle(item: ListItem): Nodes | undefined {
  const first = item.children[0]
  if (!first || first.type !== 'paragraph') return undefined
  const lead = first.children.find((child) => !(child.type === 'text' && child.value.trim() === ''))
  return lead && (lead.type === 'link' || lead.type === 'strong') ? lead : undefined
}

/** Tells which entry any node belongs to, given its ancestors. */
export function entryFinder(tree: Root, tables: readonly RoleTable[] = roleTables(tree)): (ancestors: readonly Nodes[]) => Entry {
  const rows = new Map<TableRow, Entry>()
  for (const row of methodRows(tables)) rows.set(row.row.node, {node: row.row.node, kind: 'method', name: row.name})
  for (const table of tables) {
    const header = table.kind === 'datasets' ? table.columns.get('dataset') : undefined
    if (header) for (const row of table.read.rows) rows.set(row.node, {node: row.node, kind: 'dataset', name: row.cells.get(header)?.text})
  }
  return (ancestors) => {
    const row = ancestors.find((node): node is TableRow => node.type === 'tableRow')
    if (row) return rows.get(row) ?? {node: row, kind: 'block', name: undefined}
    const item = ancestors.find((node): node is ListItem => node.type === 'listItem')
    if (item) {
      const title = itemTitle(item)
      return {node: item, kind: 'item', name: title && repairMojibake(toString(title)).trim()}
    }
    const block = ancestors[1] ?? tree
    return {node: block, kind: 'block', name: undefined}
  }
}
