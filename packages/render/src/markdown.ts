import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'

const stringifyOptions = {bullet: '-', fences: true, listItemIndent: 'one', rule: '-', emphasis: '_', strong: '*'} as const

const alignedSerializer = unified().use(remarkGfm).use(remarkMath).use(remarkStringify, stringifyOptions)
// Content tables stay unaligned so that editing one row changes one line of the diff.
const compactSerializer = unified().use(remarkGfm, {tablePipeAlign: false}).use(remarkMath).use(remarkStringify, stringifyOptions)

const fragmentParser = unified().use(remarkParse).use(remarkGfm).use(remarkMath)

/** Serialize mdast to GitHub Markdown; remark-gfm escapes pipes and aligns table columns (unless `aligned` is false). */
export function toMarkdown(tree: Root, {aligned = true}: {aligned?: boolean} = {}): string {
  return (aligned ? alignedSerializer : compactSerializer).stringify(tree)
}

/** Parse a Markdown fragment kept in the model (prose) into nodes to embed. */
export function fromMarkdown(markdown: string): Root {
  return fragmentParser.parse(markdown)
}
