import {parsedTexts, parseMarkdownFile, type TreeCache} from '@fmrl/parser'
import type {Root} from 'mdast'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {applyFixes, type FixResult} from './fix.js'
import {remarkFmrl, type LintSettings} from './remark.js'
import type {Fix, LintMessage} from './rule.js'

export type {LintSettings} from './remark.js'


/**
 * Lint a Markdown file in place: its messages are the findings, sorted by place. Pure: no I/O. A
 * byte-order mark changes nothing: the text after it is linted, lines and columns are counted
 * without it (as editors count them), and offsets (of places and fixes) stay offsets into the file.
 * With a `cache`, a tree parsed before from the same text is linted instead of parsing it again.
 */
export function lintFile(file: VFile, settings: LintSettings = {}, cache?: TreeCache): LintMessage[] {
  const text = String(file.value)
  if (text.startsWith('\ufeff')) {
    const inner = new VFile({path: file.path, cwd: file.cwd, value: text.slice(1), data: file.data})
    const found = lintFile(inner, settings, cache)
    for (const message of found) {
      shiftOffsets(message, 1)
      if (message.fix) message.fix = {...message.fix, start: message.fix.start + 1, end: message.fix.end + 1}
      file.messages.push(message)
    }
    return found
  }
  const before = file.messages.length
  const tree = parseMarkdownFile(file, cache)
  // Past the parser's size or nesting limits the file is not parsed: the limit's error is the finding.
  if (!tree) return file.messages.slice(before) as LintMessage[]
  return lintTree(tree, file, settings)
}

/** The texts `lintFile` parses, each of which its cache is asked for: those of the text after any byte-order mark. */
export function lintedTexts(text: string): string[] {
  return parsedTexts(text.startsWith('\ufeff') ? text.slice(1) : text)
}

/** A place with its offsets moved by `by` characters (a copy: places are often a node's own position). */
function shifted(place: VFileMessage['place'], by: number): VFileMessage['place'] {
  const point = <T extends {offset?: number | undefined}>(at: T): T => (at.offset === undefined ? {...at} : {...at, offset: at.offset + by})
  if (!place) return place
  return 'start' in place ? {start: point(place.start), end: point(place.end)} : point(place)
}

/** Move the offsets of a message's place (and its cause's) by `by` characters; lines and columns stay. */
function shiftOffsets(message: VFileMessage, by: number): void {
  message.place = shifted(message.place, by)
  if (message.cause instanceof VFileMessage) message.cause.place = shifted(message.cause.place, by)
}

/** Lint a file whose tree is already parsed (a tree without positions is fine). */
export function lintTree(tree: Root, file: VFile, settings: LintSettings = {}): LintMessage[] {
  const before = file.messages.length
  unified().use(remarkFmrl, settings).runSync(tree, file)
  const found = file.messages.slice(Math.min(before, file.messages.length)) as LintMessage[]
  // Rules report in their own order; findings read top to bottom.
  return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}

/** The fixes of a list of messages. */
export function fixesOf(messages: readonly LintMessage[]): Fix[] {
  return messages.flatMap((message) => (message.fix ? [message.fix] : []))
}

/**
 * Apply every safe fix, linting again until nothing changes (fixes that overlapped wait for the
 * next pass), so that fixing twice changes nothing the second time.
 */
export function fixText(text: string, lint: (text: string) => readonly LintMessage[], passes = 10): FixResult {
  let current = text
  const applied: Fix[] = []
  for (let pass = 0; pass < passes; pass++) {
    const result = applyFixes(current, fixesOf(lint(current)))
    if (result.applied.length === 0) break
    applied.push(...result.applied)
    current = result.text
  }
  return {text: current, applied}
}
