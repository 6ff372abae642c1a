import type {Root} from 'mdast'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {checkMarkdownLimits} from '../limits.js'
import {parseMarkdown, type TreeCache} from '../markdown.js'

/** Where each parsed value came from, keyed by its JSON pointer in the survey (`/methods/3/ft`). */
export type SourceMap = Map<string, Place>

/** A value's place: the file and the line:column range of its cell. */
export interface Place {
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
}

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
  /** Where each file's tree goes, for a caller that lints the same files. */
  trees?: Map<VFile, Root> | undefined
  /** Trees of earlier runs, read instead of parsing the same text again. */
  cache?: TreeCache | undefined
}

/** Parse a content file's text into the context its parser works on (the tree also into `trees`, when given). */
export function fileContext(file: VFile, sources: SourceMap, {drafting = false, trees, cache}: ReadOptions = {}): FileContext {
  let index: ReturnType<typeof location> | undefined
  // CRLF and CR line endings as LF: a code block or a section's prose would carry the `\r` into every
  // output, so content saved on Windows would build other outputs. Lines and columns stay the same.
  const text = String(file.value).replace(/\r\n?/g, '\n')
  const tree = checkMarkdownLimits(file) ? parseMarkdown(text, cache) : undefined
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
