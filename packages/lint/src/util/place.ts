import type {Node, Position} from 'unist'
import type {VFile} from 'vfile'
import {location, type Location} from 'vfile-location'

// Building the line index walks the whole file: once per file (and text), not once per finding,
// or a long list with thousands of links spends its time re-reading itself.
const indexes = new WeakMap<VFile, {value: unknown; index: Location}>()

function lineIndex(file: VFile): Location {
  const cached = indexes.get(file)
  if (cached && cached.value === file.value) return cached.index
  const index = location(file)
  indexes.set(file, {value: file.value, index})
  return index
}

/** The position of `file`'s text between two offsets (end exclusive). */
export function positionAt(file: VFile, start: number, end: number): Position | undefined {
  const index = lineIndex(file)
  const from = index.toPoint(start)
  const to = index.toPoint(end)
  return from && to ? {start: from, end: to} : undefined
}

/** A node's source text, or undefined when it has no offsets. */
export function sourceOf(file: VFile, node: Node): string | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : String(file.value).slice(start, end)
}

/**
 * Where `needle` is written inside a node's source, searching from `from` characters into it:
 * the place of one word of a paragraph. Falls back to the node's own position.
 */
export function locateIn(file: VFile, node: Node, needle: string, from = 0): {position: Position | undefined; offset: number | undefined} {
  const source = sourceOf(file, node)
  const start = node.position?.start.offset
  const index = source === undefined ? -1 : source.indexOf(needle, from)
  if (start === undefined || index < 0) return {position: node.position, offset: undefined}
  return {position: positionAt(file, start + index, start + index + needle.length), offset: start + index}
}
