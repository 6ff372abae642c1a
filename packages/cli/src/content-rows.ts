import {formatCitation, methodColumns, type Method, type Reference} from '@fmrl/model'
import {parseMarkdown, readTables, type TableRead} from '@fmrl/parser'
import {methodRow, toMarkdown} from '@fmrl/render'
import type {PhrasingContent, TableRow} from 'mdast'

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

/**
 * Append a method as the last row of its category's table in a role file (`methods/agent.md`);
 * undefined when the file has no table under the category's heading.
 */
export function appendMethodRow(text: string, categoryName: string, method: Method): string | undefined {
  const table = readTables(parseMarkdown(text)).find((candidate) => candidate.headings[1] === categoryName)
  const end = table?.node.position?.end.line
  if (end === undefined) return undefined
  return insertLine(text, end, rowLine(methodColumns.map((column) => column.header), methodRow(method)))
}

/** Insert a reference into references.md where its citation sorts; undefined when the file has no table. */
export function insertReferenceRow(text: string, reference: Reference): string | undefined {
  const [table] = readTables(parseMarkdown(text))
  const end = table?.node.position?.end.line
  if (!table || end === undefined) return undefined
  const citation = formatCitation(reference.citation)
  const next = table.rows.find((row) => citationOf(table, row.cells) > citation)
  const after = next?.node.position ? next.node.position.start.line - 1 : end
  return insertLine(text, after, rowLine(['Citation', 'Authors', 'Title', 'Venue'], [citation, reference.authors, reference.title, reference.venue].map(cell)))
}

function citationOf(table: TableRead, cells: TableRead['rows'][number]['cells']): string {
  return cells.get(table.headers[0]?.text ?? '')?.text ?? ''
}
