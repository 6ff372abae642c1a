import type {Root, Text} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import remarkStringify, {type Options as StringifyOptions} from 'remark-stringify'
import {unified} from 'unified'

type TextHandle = NonNullable<NonNullable<StringifyOptions['handlers']>['text']>

/**
 * Texts already escaped, shared by the outputs of one render: the same cell (`×`, `offline`, a
 * method's models) is escaped once instead of once per row and output.
 */
export type EscapedTexts = Map<string, string>

let escaped: EscapedTexts | undefined

/**
 * mdast-util-to-markdown's own text handler, remembering each result. Escaping depends on the text,
 * the characters around it, the node types beside it and the constructs it is in, so those are the
 * key; the result is the one `state.safe` gives, only computed once.
 */
const escapedText: TextHandle = (node: Text, parent, state, info) => {
  const siblings = parent ? parent.children : []
  const index = state.indexStack[state.indexStack.length - 1]!
  const config = {...info, beforeNode: siblings[index - 1], afterNode: siblings[index + 1]}
  if (!escaped) return state.safe(node.value, config)
  const {before = '', after = ''} = info
  const key = `${state.stack.join(' ')}\u0000${before.length}:${before}${after.length}:${after}${config.beforeNode?.type ?? ''}\u0000${config.afterNode?.type ?? ''}\u0000${node.value}`
  let value = escaped.get(key)
  if (value === undefined) {
    value = state.safe(node.value, config)
    escaped.set(key, value)
  }
  return value
}

const stringifyOptions = {bullet: '-', fences: true, listItemIndent: 'one', rule: '-', emphasis: '_', strong: '*', handlers: {text: escapedText}} as const

const alignedSerializer = unified().use(remarkGfm).use(remarkMath).use(remarkStringify, stringifyOptions)
// Content tables stay unaligned so that editing one row changes one line of the diff.
const compactSerializer = unified().use(remarkGfm, {tablePipeAlign: false}).use(remarkMath).use(remarkStringify, stringifyOptions)

const fragmentParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath)

export interface MarkdownOptions {
  /** Align table columns (remark-gfm's `tablePipeAlign`); default true. */
  aligned?: boolean
  /** Escaped texts to reuse and add to (both serializers escape alike: their extensions are the same); by default this call's own. */
  texts?: EscapedTexts
}

/** Serialize mdast to GitHub Markdown; remark-gfm escapes pipes and aligns table columns (unless `aligned` is false). */
export function toMarkdown(tree: Root, {aligned = true, texts = new Map()}: MarkdownOptions = {}): string {
  // The handler is the processors', set once; the texts are this call's, so they live only as long as the caller keeps them.
  escaped = texts
  try {
    return (aligned ? alignedSerializer : compactSerializer).stringify(tree)
  } finally {
    escaped = undefined
  }
}

/** Parse a Markdown fragment kept in the model (prose) into nodes to embed. */
export function fromMarkdown(markdown: string): Root {
  return fragmentParser.parse(markdown)
}
