import type {Root, Table, Text} from 'mdast'
import {markdownTable} from 'markdown-table'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import remarkStringify, {type Options as StringifyOptions} from 'remark-stringify'
import {unified} from 'unified'
import {remembered, type SerializedMemory, type SerializedTexts} from './memory.js'

type Handle = NonNullable<NonNullable<StringifyOptions['handlers']>['text']>

/** The serialized texts `toMarkdown` adds to, and those of an earlier render it takes from. */
let memory: SerializedMemory | undefined

/** Where `toMarkdown` adds the pieces of table cells (`scratch`), with the same earlier render to take from. */
let cellMemory: SerializedMemory | undefined

/**
 * mdast-util-to-markdown's own text handler, remembering each result. Escaping depends on the text,
 * the characters around it, the node types beside it and the constructs it is in, so those are the
 * key; the result is the one `state.safe` gives, only computed once.
 */
const escapedText: Handle = (node: Text, parent, state, info) => {
  const siblings = parent ? parent.children : []
  const index = state.indexStack[state.indexStack.length - 1]!
  const config = {...info, beforeNode: siblings[index - 1], afterNode: siblings[index + 1]}
  const {before = '', after = ''} = info
  const key = `${state.stack.join(' ')}\u0000${before.length}:${before}${after.length}:${after}${config.beforeNode?.type ?? ''}\u0000${config.afterNode?.type ?? ''}\u0000${node.value}`
  return remembered(state.stack.includes('tableCell') ? cellMemory : memory, key, () => state.safe(node.value, config))
}

/**
 * mdast-util-gfm-table's table handler, remembering each cell. Its own handler serializes every cell
 * through the processor's `tableCell` handler (gfm's), then lines the cells up with markdown-table;
 * this one does the same, asking that handler only for a cell not seen before in the same
 * constructs. A cell is serialized between pipes whatever its neighbours, so its content and the
 * constructs it is in are the key. A row with a `rowKey` (a method's, `methodTable`) is remembered
 * whole by that key, so a row an earlier render made is taken without reading its cells.
 */
const tableWith = (alignDelimiters: boolean): Handle => (node: Table, _, state, info) => {
  const exitTable = state.enter('table')
  const matrix = node.children.map((row) => {
    const exitRow = state.enter('tableRow')
    const constructs = `\u0001${state.stack.join(' ')}\u0000`
    const serializeCells = () => row.children.map((cell) => remembered(cellMemory, constructs + JSON.stringify(cell.children), () => state.handle(cell, row, state, info)))
    const rowKey = row.data?.rowKey
    const cells = rowKey === undefined ? serializeCells() : rememberedRow(`\u0002${constructs}${rowKey}`, serializeCells)
    exitRow()
    return cells
  })
  exitTable()
  // As gfm's handler: a header row shorter than the alignment gets empty cells.
  const head = matrix[0]
  const columns = node.align?.length || matrix.reduce((most, cells) => Math.max(most, cells.length), 0)
  while (head && head.length < columns) head.push('')
  return markdownTable(matrix, {align: node.align, alignDelimiters, fillRows: false})
}

/** A row's serialized cells, remembered as JSON under `key` (see `remembered`); cells serialized here are given as they are, not read back. */
function rememberedRow(key: string, serializeCells: () => string[]): string[] {
  let fresh: string[] | undefined
  const json = remembered(memory, key, () => JSON.stringify((fresh = serializeCells())))
  return fresh ?? (JSON.parse(json) as string[])
}

const stringifyOptions = (aligned: boolean) => ({bullet: '-', fences: true, listItemIndent: 'one', rule: '-', emphasis: '_', strong: '*', handlers: {text: escapedText, table: tableWith(aligned)}}) as const

const alignedSerializer = unified().use(remarkGfm).use(remarkMath).use(remarkStringify, stringifyOptions(true))
// Content tables stay unaligned so that editing one row changes one line of the diff.
const compactSerializer = unified().use(remarkGfm, {tablePipeAlign: false}).use(remarkMath).use(remarkStringify, stringifyOptions(false))

const fragmentParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath)

export interface MarkdownOptions extends SerializedMemory {
  /** Align table columns (remark-gfm's `tablePipeAlign`); default true. */
  aligned?: boolean
  /** Serialized texts to reuse and add to (both serializers escape alike: their extensions are the same); by default this call's own. */
  texts?: SerializedTexts
  /**
   * Where the pieces of table cells go instead (each cell, and each text in one), by default this
   * call's own: the other outputs of the same render take them (the README, Table 1 and the role
   * pages show the same cells), and a later render does not. It takes a method's row whole
   * (`rowKey`), or serializes the row again when the row changed. So `texts` holds what is worth
   * keeping: at 50,000 rows the cells' pieces were about half of it, mostly their keys.
   */
  scratch?: SerializedTexts
}

/** Serialize mdast to GitHub Markdown; remark-gfm escapes pipes and aligns table columns (unless `aligned` is false). */
export function toMarkdown(tree: Root, {aligned = true, texts = new Map(), scratch = new Map(), kept}: MarkdownOptions = {}): string {
  // The handlers are the processors', set once; the texts are this call's, so they live only as long as the caller keeps them.
  memory = {texts, kept}
  cellMemory = {texts: scratch, kept}
  try {
    return (aligned ? alignedSerializer : compactSerializer).stringify(tree)
  } finally {
    memory = undefined
    cellMemory = undefined
  }
}

/** Parse a Markdown fragment kept in the model (prose) into nodes to embed. */
export function fromMarkdown(markdown: string): Root {
  return fragmentParser.parse(markdown)
}
