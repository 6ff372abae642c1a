import type {VFile} from 'vfile'
import {reportError} from './diagnostics.js'

/**
 * What fmrl reads of one Markdown file. Past these, the Markdown parser (micromark) overflows the
 * stack, runs out of memory or slows down quadratically; the largest real awesome lists stay far below.
 */
export const markdownLimits = {
  /**
   * Bytes of one file, as UTF-8: 8 MiB. Twenty times the largest awesome-list README, and room for a
   * survey of 50,000 rows (its references.md is about 7 MB); remark's tree of 8 MiB stays within
   * Node's default heap (about 3 GB), a 50 MB file does not.
   */
  maxBytes: 8 * 1_048_576,
  /** Block quotes and lists nested in one another. */
  maxDepth: 64,
  /**
   * Runs of `*`, `_` or `~` and single `[` or `]` in one paragraph, heading or table row: micromark
   * pairs them up in time quadratic in their number.
   */
  maxInlineMarkers: 500
} as const

/**
 * What fmrl reads of one table cell of content/. Not a limit of the Markdown parser: the generated
 * tables pad every cell of a column to its longest, so one huge cell would make each row of its
 * table as large (a 1 MB name, a 4 MB README that the lint refuses).
 */
export const contentLimits = {
  /** Characters of one cell: several times the longest real one (a reading-list author list of about 450). */
  maxCellLength: 2_000
} as const

const inlineMarker = /[*_~[\]]/g
// A line whose text starts like this (after its `>` and list markers) begins a new inline run.
const blockStart = /^(#{1,6}(\s|$)|\|)/

/**
 * Check a file against `markdownLimits` in one linear pass, before parsing it. Each limit exceeded is
 * a fatal message where it is first exceeded, and so is a NUL character (micromark silently turns it
 * into U+FFFD, which would reach every output); returns whether the file is within every limit.
 */
export function checkMarkdownLimits(file: VFile): boolean {
  const text = String(file.value)
  const over = findOverSize(text)
  if (over !== undefined) {
    reportError(file, pointAt(text, over), `Unexpected file larger than ${formatBytes(markdownLimits.maxBytes)}, expected at most that: split it into smaller files`, 'max-file-size')
    return false
  }
  let fence: string | undefined
  let markers = 0
  const lines = text.split('\n')
  for (const [index, line] of lines.entries()) {
    const nul = line.indexOf('\0')
    if (nul >= 0) {
      reportError(file, {start: {line: index + 1, column: nul + 1}, end: {line: index + 1, column: nul + 2}}, 'Unexpected NUL character (U+0000), expected text: remove it (Markdown would read it as U+FFFD, the replacement character)', 'nul-character')
      return false
    }
    const prefix = scanPrefix(line)
    const rest = line.slice(prefix.end)
    // In a fenced code block, indentation is code, not nesting; `>` and list markers still count.
    const depth = prefix.markers + (fence ? 0 : Math.floor(prefix.indent / 2))
    if (depth > markdownLimits.maxDepth) {
      reportError(file, {start: {line: index + 1, column: 1}, end: {line: index + 1, column: prefix.end + 1}}, `Unexpected block quotes and lists nested ${depth} deep, expected at most ${markdownLimits.maxDepth}`, 'max-nesting-depth')
      return false
    }
    const fenceMark = /^(`{3,}|~{3,})/.exec(rest)?.[1]
    if (fence ? fenceMark?.startsWith(fence) : fenceMark) fence = fence ? undefined : fenceMark
    if (fence || fenceMark) continue
    if (rest.trim() === '' || prefix.markers > 0 || blockStart.test(rest)) markers = 0
    // Only the markers are looked at: most of a line is text.
    for (inlineMarker.lastIndex = prefix.end; inlineMarker.exec(line); ) {
      const column = inlineMarker.lastIndex - 1
      const character = line[column]!
      // A run (`**`, `___`) is one delimiter for micromark; each bracket is one.
      const continuesRun = character === line[column - 1] && character !== '[' && character !== ']'
      const escaped = line[column - 1] === '\\'
      if (continuesRun || escaped || ++markers <= markdownLimits.maxInlineMarkers) continue
      reportError(file, {start: {line: index + 1, column: column + 1}, end: {line: index + 1, column: column + 2}}, `Unexpected more than ${markdownLimits.maxInlineMarkers} emphasis runs (\`*\`, \`_\`, \`~\`) and brackets (\`[\`, \`]\`) in one paragraph, heading or table row, expected at most ${markdownLimits.maxInlineMarkers}: escape them (\`\\*\`) or split the text`, 'max-inline-markers')
      return false
    }
  }
  return true
}

/**
 * The `>` and list markers that open a line, and its indentation beyond one space after each marker:
 * a list nested by indentation adds a level about every two columns.
 */
function scanPrefix(line: string): {markers: number; indent: number; end: number} {
  let index = 0
  let markers = 0
  let spaces = 0
  let column = 0
  for (;;) {
    const character = line[index]
    if (character === ' ' || character === '\t') {
      const width = character === '\t' ? 4 - (column % 4) : 1
      spaces += width
      column += width
      index++
      continue
    }
    const marker = /^(>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/.exec(line.slice(index, index + 11))?.[0]
    if (!marker) break
    markers++
    index += marker.length
    column += marker.length
  }
  return {markers, indent: Math.max(0, spaces - markers), end: index}
}

/** The UTF-16 offset at which the text passes `maxBytes` bytes of UTF-8, if it does. */
function findOverSize(text: string): number | undefined {
  if (text.length * 3 <= markdownLimits.maxBytes) return undefined
  let bytes = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    // A surrogate pair is one 4-byte character: 2 bytes for each half.
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3
    if (bytes > markdownLimits.maxBytes) return index
  }
  return undefined
}

function pointAt(text: string, offset: number): {start: {line: number; column: number}; end: {line: number; column: number}} {
  let line = 1
  let start = 0
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++
    start = index + 1
  }
  const point = {line, column: offset - start + 1}
  return {start: point, end: point}
}

const formatBytes = (bytes: number) => (bytes % 1_048_576 === 0 ? `${bytes / 1_048_576} MiB` : `${bytes} bytes`)
