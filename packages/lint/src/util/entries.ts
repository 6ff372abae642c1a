import type {ListItem, Nodes, Root, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {repairMojibake} from '../mojibake.js'
import {methodRows, roleTables, type ColumnRole, type RoleTable} from './tables.js'
import {isPaperUrl} from './urls.js'

/** The entry a link identifies: a table row (a method or a dataset) or a list item. */
export interface Entry {
  node: Nodes
  kind: 'method' | 'dataset' | 'item'
  /** The entry's name: a method or dataset name, a list item's title. */
  name: string | undefined
}

// Tags lists write before a title: `[2505] [URSA] [Title](…)`, `[UCL] [Title](…)`, `(ACL2024) **Title**`.
const leadingTags = /^\s*(?:(?:\[[^\]]*\]|\([^)]*\))\s*)*$/

/** The title of a list entry: its leading link, else its leading strong text, after any bracketed tags. */
export function itemTitle(item: ListItem): Nodes | undefined {
  const first = item.children[0]
  if (!first || first.type !== 'paragraph') return undefined
  const lead = first.children.find((child) => !(child.type === 'text' && leadingTags.test(child.value)))
  return lead && (lead.type === 'link' || lead.type === 'strong') ? lead : undefined
}

// The columns whose links say what a row is (a method table's Code column is the method's own
// code); links elsewhere in a row are what it uses.
const identityRoles: readonly ColumnRole[] = ['name', 'dataset', 'paper', 'code']

/** Whether a link points at a paper: a paper host (arXiv, a DOI, OpenReview, …) or words such as `[Paper]`. */
function isPaperLink(node: Nodes, url: string): boolean {
  return isPaperUrl(url) || (node.type === 'link' && /^\W*(?:paper|pdf|arxiv)\W*$/i.test(toString(node)))
}

/**
 * Tells which entry a link identifies, given the link, its URL and its ancestors: the title link of
 * a list item (`- [Title](…)`) and the link in a method or dataset row's name, dataset, paper or
 * code cell; and any paper link of the entry (`* **Name**: "Title" [[Paper](…)]`, an arXiv link in a
 * row). Other links belong to no entry, since one may serve many: a project page or code
 * repository several papers share, a dataset a paper was tested on, a tool an environment's page
 * recommends, a link in a description (`a lighter [smokestack](…) alternative`).
 */
export function entryFinder(tree: Root, tables: readonly RoleTable[] = roleTables(tree)): (node: Nodes, url: string, ancestors: readonly Nodes[]) => Entry | undefined {
  const rows = new Map<TableRow, {entry: Entry; cells: Set<Nodes>}>()
  const identityCells = (table: RoleTable, cells: ReadonlyMap<string, {node: Nodes}>) =>
    new Set(identityRoles.flatMap((role) => {
      const header = table.columns.get(role)
      const cell = header === undefined ? undefined : cells.get(header)
      return cell ? [cell.node] : []
    }))
  for (const row of methodRows(tables)) rows.set(row.row.node, {entry: {node: row.row.node, kind: 'method', name: row.name}, cells: identityCells(row.table, row.row.cells)})
  for (const table of tables) {
    const header = table.kind === 'datasets' ? table.columns.get('dataset') : undefined
    if (header) for (const row of table.read.rows) rows.set(row.node, {entry: {node: row.node, kind: 'dataset', name: row.cells.get(header)?.text}, cells: identityCells(table, row.cells)})
  }
  return (node, url, ancestors) => {
    const row = ancestors.find((ancestor): ancestor is TableRow => ancestor.type === 'tableRow')
    if (row) {
      const known = rows.get(row)
      const cell = ancestors.find((ancestor) => ancestor.type === 'tableCell')
      return known && cell && (known.cells.has(cell) || isPaperLink(node, url)) ? known.entry : undefined
    }
    const item = ancestors.findLast((ancestor): ancestor is ListItem => ancestor.type === 'listItem')
    const title = item && itemTitle(item)
    // Only the entry's own line: bullets beneath it list what it uses.
    if (!item || !title || !ancestors.includes(item.children[0]!)) return undefined
    const isTitle = title === node || (title.type === 'strong' && ancestors.includes(title) && title.children.length === 1)
    return isTitle || isPaperLink(node, url) ? {node: item, kind: 'item', name: repairMojibake(toString(title), {trustLonePairs: true}).trim()} : undefined
  }
}
