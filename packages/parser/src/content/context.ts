import type {Root} from 'mdast'
import type {Point} from 'unist'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {checkMarkdownLimits} from '../limits.js'
import {parsedTexts, parseMarkdown, type TreeCache} from '../markdown.js'

import type {SourceMap} from './source-map.js'

/** What every content-file parser gets: the file (messages land on it), its tree and the source map. */
export interface FileContext {
  file: VFile
  /** The file's text with every line ending as LF: what `tree`'s offsets count in. */
  text: string
  tree: Root
  sources: SourceMap
  /** The line and column of an offset into the file (the line index is built once per file). */
  locate(offset: number): Point
  /** Reading a draft: rows with empty or missing cells are kept, their unknown values empty. */
  drafting: boolean
}

/** How content files are read. */
export interface ReadOptions {
  /** Reading a draft: rows with empty or missing cells are kept. */
  drafting?: boolean | undefined
  /** Where each file's tree goes, for a caller that lints the same files; told of each file before it is parsed. */
  trees?: {parsing(file: VFile): void; set(file: VFile, tree: Root): void} | undefined
  /** Trees of earlier runs, read instead of parsing the same text again. */
  cache?: TreeCache | undefined
}

/**
 * A content file's text as its parser reads it: CRLF and CR line endings as LF (a code block or a
 * section's prose would carry the `\r` into every output, so content saved on Windows would build
 * other outputs). Lines and columns stay the same.
 */
function contentText(file: VFile): string {
  return String(file.value).replace(/\r\n?/g, '\n')
}

/**
 * The texts reading a content file parses, each of which a `TreeCache` is asked for: the pieces of
 * its text (see `parsedTexts`), none when it is past `markdownLimits` (and then no content file is
 * parsed at all). What a cache may be filled with ahead of the read (each text parsed with
 * `parseWhole`); the limits are checked without a message on the file.
 */
export function contentParsedTexts(file: VFile): string[] {
  const text = contentText(file)
  return checkMarkdownLimits(new VFile({path: file.path, value: file.value})) ? parsedTexts(text) : []
}

/** Parse a content file's text into the context its parser works on (the tree also into `trees`, when given). */
export function fileContext(file: VFile, sources: SourceMap, {drafting = false, trees, cache}: ReadOptions = {}): FileContext {
  let index: ReturnType<typeof location> | undefined
  const text = contentText(file)
  const parsable = checkMarkdownLimits(file)
  if (parsable) trees?.parsing(file)
  const tree = parsable ? parseMarkdown(text, cache) : undefined
  // Lint reuses the tree only where its offsets are the file's own (no line ending was rewritten).
  if (tree && text === String(file.value)) trees?.set(file, tree)
  return {
    file,
    text,
    // A file past the size or nesting limits carries that error and reads as empty.
    tree: tree ?? {type: 'root', children: []},
    sources,
    drafting,
    locate(offset) {
      index ??= location(text)
      const point = index.toPoint(offset)
      return point ? {line: point.line, column: point.column, offset} : {line: 1, column: 1, offset}
    }
  }
}

/** Record where the value at `pointer` came from. */
export function recordSource(context: FileContext, pointer: string, node: {position?: {start: {line: number; column: number}; end: {line: number; column: number}} | undefined}): void {
  const position = node.position
  if (!position) return
  context.sources.set(pointer, {
    file: context.file.path,
    line: position.start.line,
    column: position.start.column,
    endLine: position.end.line,
    endColumn: position.end.column
  })
}
