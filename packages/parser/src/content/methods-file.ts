import {methodViews, type Method, type MethodDraft, type Role, type Vocabulary} from '@fmrl/model'
import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Position} from 'unist'
import {quoteList, reportError} from '../diagnostics.js'
import {readTables} from '../tables.js'
import type {FileContext} from './context.js'
import type {ReadCodec} from './kept-read.js'
import {packPosition, unpackPosition, type PackedPosition} from '../packing.js'
import {checkLayout} from './layout.js'
import {readEntries} from './rows.js'

/** What a methods file is checked against: the taxonomy and the vocabularies. */
export interface MethodsContext {
  taxonomy: Role[]
  vocabularies: Vocabulary[]
}

const columns = methodViews.content.map((entry) => entry.column)

/** A method read from a row, with the place of the row's cells by attribute key. */
export interface MethodRead {
  /** A complete method, or a draft (`complete` false) whose missing values were reported. */
  method: Method
  /** Places, not the cells: the file's tree is garbage once its methods are read. */
  cells: Map<string, Position | undefined>
  complete: boolean
}

/** A methods file's read as JSON: each row's cell places as entries, packed (`packPosition`; a cell without a place as null). */
export const methodReads: ReadCodec<MethodRead[]> = {
  toJson: (reads) => reads.map(({method, cells, complete}) => ({method, cells: [...cells].map(([key, position]) => [key, packPosition(position) ?? position ?? null]), complete})),
  fromJson: (json) =>
    (json as Array<{method: Method; cells: Array<[string, PackedPosition | Position | null]>; complete: boolean}>).map(({method, cells, complete}) => ({
      method,
      cells: new Map(cells.map(([key, position]) => [key, Array.isArray(position) ? unpackPosition(position as PackedPosition) : (position ?? undefined)])),
      complete
    }))
}

/**
 * Read a role file (`methods/agent.md`): its title names the role, each second-level heading a
 * category, and each row of the category's table one method.
 */
export function parseMethodsFile(context: FileContext, known: MethodsContext): MethodRead[] {
  const title = context.tree.children.find((node) => node.type === 'heading' && node.depth === 1)
  const role = known.taxonomy.find((candidate) => title && candidate.name === textOf(title))
  if (!role) {
    reportError(context.file, title, `Unexpected role file title \`${title ? textOf(title) : ''}\`, expected one of ${quoteList(known.taxonomy.map((candidate) => candidate.name))}`, 'unknown-heading')
    return []
  }
  checkLayout(context, {what: 'a methods file', expected: 'a category heading (`## Name`) and its table'})
  return readTables(context.tree).flatMap((table) => {
    const category = role.categories.find((candidate) => candidate.name === table.headings[1])
    if (!category) {
      reportError(context.file, table.node, `Unexpected table under \`${table.headings.at(-1) ?? role.name}\`, expected it under a category heading: ${quoteList(role.categories.map((candidate) => candidate.name))}`, 'unknown-heading')
      return []
    }
    return readEntries<Method>(context, table, columns, {vocabularies: known.vocabularies, format: 'content'}).flatMap(({value, cells, complete}) => {
      if (value.name === undefined) return []
      const method: MethodDraft = {...(value as MethodDraft), role: role.id, category: category.id, venue: null}
      return [{method: method as Method, cells: new Map([...cells].map(([key, cell]) => [key, cell.node.position])), complete}]
    })
  })
}

function textOf(node: Nodes): string {
  return toString(node).trim()
}
