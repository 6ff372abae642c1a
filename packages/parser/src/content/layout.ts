import type {RootContent} from 'mdast'
import {reportError} from '../diagnostics.js'
import type {FileContext} from './context.js'

/** What a content file may hold at its top level besides headings and tables. */
export interface Layout {
  /** What the file is, for messages: `a methods file`. */
  what: string
  /** What is expected instead, for messages: "a category heading (`## Name`) or its table". */
  expected: string
  /** Top-level nodes the file reads besides headings and tables (a description paragraph, a BibTeX block). */
  allows?: (node: RootContent) => boolean
}

/**
 * Report every top-level block of a table file that its parser would not read, so content that no
 * longer parses as the expected table (a deleted header row, a table moved into a blockquote or a list,
 * an HTML table) is an error, never a silent loss of its rows. Comments are always allowed.
 */
export function checkLayout(context: FileContext, layout: Layout): void {
  for (const node of context.tree.children) {
    if (node.type === 'heading' || node.type === 'table' || isComment(node) || layout.allows?.(node)) continue
    reportError(context.file, node, `Unexpected ${describe(node)} in ${layout.what}, expected ${layout.expected}`, 'unexpected-content')
  }
}

function isComment(node: RootContent): boolean {
  return node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value)
}

function describe(node: RootContent): string {
  if (node.type === 'paragraph' && /^\s*\|/.test(textStart(node))) return 'table rows without a header row (a GFM table needs its `| Header |` row and the `| - |` row below it)'
  if (node.type === 'html' && /<table\b/i.test(node.value)) return 'HTML table (content/ reads GFM tables only: write it as `| … |` rows)'
  if ((node.type === 'blockquote' || node.type === 'list') && holdsTable(node)) return `table inside a ${node.type === 'list' ? 'list' : 'blockquote'} (move it to the top level, under its heading)`
  const names: Partial<Record<RootContent['type'], string>> = {paragraph: 'paragraph', list: 'list', blockquote: 'blockquote', code: 'code block', html: 'HTML', thematicBreak: 'thematic break', definition: 'link definition'}
  return names[node.type] ?? node.type
}

function textStart(node: RootContent): string {
  const first = 'children' in node ? node.children[0] : undefined
  return first && 'value' in first ? first.value : ''
}

function holdsTable(node: RootContent): boolean {
  if (node.type === 'table') return true
  return 'children' in node && (node.children as RootContent[]).some(holdsTable)
}
