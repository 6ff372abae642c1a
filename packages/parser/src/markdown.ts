import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {checkMarkdownLimits} from './limits.js'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath)

/** Parse GitHub Markdown (GFM tables, autolinks, `$…$` math) to mdast. Call it only on text within `markdownLimits`. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text)
}

/**
 * Parse a file's Markdown, or, when it is past one of `markdownLimits`, report that on the file
 * (a fatal, positioned message) and return undefined without parsing. Every reader of user files
 * (content/, `fmrl lint`) parses through here.
 */
export function parseMarkdownFile(file: VFile): Root | undefined {
  return checkMarkdownLimits(file) ? parseMarkdown(String(file.value)) : undefined
}
