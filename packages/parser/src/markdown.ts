import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {checkMarkdownLimits} from './limits.js'
import {cutPieces, parsePieces, pieceText} from './pieces.js'
import {parseTableRows} from './table-rows.js'

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath)

/**
 * Trees of earlier parses by the text parsed, what a cached run (`fmrl lint --cache`) reads instead
 * of parsing again: of a whole document, or of each piece of a large one. `get` may give only the tree
 * this same parser made of that very text; the caller keys it so (by the text and the parser's
 * version) and keeps it.
 */
export interface TreeCache {
  get(text: string): Root | undefined
  /** Called with each tree micromark made right after it is parsed, before anyone has seen it (not with those of table rows, `table-rows.ts`). */
  set(text: string, tree: Root): void
  /** What reading a content file gave before, under this key (see `parseContent`): JSON, as `setRead` was given it. */
  getRead?(key: string): unknown
  setRead?(key: string, read: unknown): void
  /** Keep the trees of these texts, which this run did not read (their file's read was kept instead). */
  keep?(texts: readonly string[]): void
}

/** Parse GitHub Markdown (GFM tables, autolinks, `$…$` math) to mdast, as remark does. Call it only on text within `markdownLimits`. */
export function parseMarkdown(text: string, cache?: TreeCache): Root {
  // A large document piece by piece (see pieces.ts): the same tree, at a third of the memory; each
  // piece is cached on its own, so an edit parses again only the piece it is in.
  const pieces = cutPieces(text)
  return (pieces.length > 1 ? parsePieces(text, pieces, (piece) => parseCached(piece, cache)) : undefined) ?? parseCached(text, cache)
}

/** The texts `parseMarkdown` parses and asks a cache for: the whole text, or each piece of a large one. */
export function parsedTexts(text: string): string[] {
  const pieces = cutPieces(text)
  return pieces.length > 1 ? pieces.map((piece) => pieceText(text, piece)) : [text]
}

/** The tree of `text` from the cache, else parsed (and given to the cache). */
function parseCached(text: string, cache: TreeCache | undefined): Root {
  const cached = cache?.get(text)
  if (cached) return cached
  // A piece of a table's rows, read without micromark's table construct (table-rows.ts), is read faster
  // than its tree is read back from the cache: only micromark's trees are kept.
  const rows = parseTableRows(text, parseWhole)
  if (rows) return rows
  const tree = parseWhole(text)
  cache?.set(text, tree)
  return tree
}

/**
 * Parse a file's Markdown, or, when it is past one of `markdownLimits`, report that on the file
 * (a fatal, positioned message) and return undefined without parsing. Every reader of user files
 * (content/, `fmrl lint`) parses through here.
 */
export function parseMarkdownFile(file: VFile, cache?: TreeCache): Root | undefined {
  return checkMarkdownLimits(file) ? parseMarkdown(String(file.value), cache) : undefined
}

/** Parse the whole text at once, as remark does: each piece the rows reader leaves, and what tests compare every other way of parsing with. */
export function parseWhole(text: string): Root {
  return processor.parse(text)
}
