import {formatCitation, methodViews, type Method, type Reference, type Survey} from '@fmrl/model'
import type {PhrasingContent, Table, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {fromMarkdown, toMarkdown} from '../markdown.js'
import {methodCells} from '../shared/cells.js'

const tableRow = (cells: PhrasingContent[][]): TableRow => ({type: 'tableRow', children: cells.map((children) => ({type: 'tableCell', children}))})
const cell = (value: string): PhrasingContent[] => [{type: 'text', value}]

/** One table row in canonical (unaligned) form, as remark-gfm serializes and escapes it. */
function rowLine(headers: readonly string[], cells: PhrasingContent[][]): string {
  const markdown = toMarkdown({type: 'root', children: [{type: 'table', align: headers.map(() => null), children: [tableRow(headers.map(cell)), tableRow(cells)]}]}, {aligned: false})
  return markdown.split('\n')[2]!
}

/** Insert `line` after line `after` (1-based; 0 inserts at the top), leaving every other byte as it was. */
function insertLine(text: string, after: number, line: string): string {
  const lines = text.split('\n')
  lines.splice(after, 0, line)
  return lines.join('\n')
}

/** The tables of a document with the `##` heading each sits under. */
function tablesBySection(text: string): Array<{section: string | undefined; table: Table}> {
  let section: string | undefined
  const tables: Array<{section: string | undefined; table: Table}> = []
  for (const node of fromMarkdown(text).children) {
    if (node.type === 'heading' && node.depth <= 2) section = node.depth === 2 ? toString(node).trim() : undefined
    if (node.type === 'table') tables.push({section, table: node})
  }
  return tables
}

/**
 * Append a method as the last row of its category's table in a role file (`methods/agent.md`);
 * undefined when the file has no table under the category's heading.
 */
export function appendMethodRow(text: string, categoryName: string, survey: Survey, method: Method): string | undefined {
  const end = tablesBySection(text).find((candidate) => candidate.section === categoryName)?.table.position?.end.line
  if (end === undefined) return undefined
  return insertLine(text, end, rowLine(methodViews.content.map((entry) => entry.header), methodCells(survey, method, 'content')))
}

/** Insert a reference into references.md where its citation sorts; undefined when the file has no table. */
export function insertReferenceRow(text: string, reference: Reference): string | undefined {
  const table = tablesBySection(text)[0]?.table
  const end = table?.position?.end.line
  if (!table || end === undefined) return undefined
  const citation = formatCitation(reference.citation)
  const next = table.children.slice(1).find((row) => toString(row.children[0]!).trim() > citation)
  const after = next?.position ? next.position.start.line - 1 : end
  return insertLine(text, after, rowLine(['Citation', 'Authors', 'Title', 'Venue'], [citation, reference.authors, reference.title, reference.venue].map(cell)))
}
