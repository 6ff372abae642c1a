import type {Position} from 'unist'
import type {Place, SourceMap} from './content/source-map.js'

/** A position as a cache keeps it: start line, column, offset, end line, column, offset. */
export type PackedPosition = [number, number, number, number, number, number]

/** A position as six numbers instead of three objects (half the bytes); undefined for one without every offset, kept as it is. */
export function packPosition(position: Position | undefined): PackedPosition | undefined {
  if (!position || position.start.offset === undefined || position.end.offset === undefined) return undefined
  return [position.start.line, position.start.column, position.start.offset, position.end.line, position.end.column, position.end.offset]
}

/** The position `packPosition` packed. */
export function unpackPosition([line, column, offset, endLine, endColumn, endOffset]: PackedPosition): Position {
  return {start: {line, column, offset}, end: {line: endLine, column: endColumn, offset: endOffset}}
}

/**
 * A source map as a cache keeps it: each file once, and each place as five numbers beside its
 * pointer (the file's index, line, column, end line, end column). At 10,000 rows a map holds 130,000
 * places: as objects, each repeating its file and field names, they were three quarters of a kept survey.
 */
export interface PackedSources {
  files: string[]
  pointers: string[]
  places: number[]
}

const fieldsPerPlace = 5

/** Pack places (a source map, or its entries) for a cache. */
export function packSources(sources: Iterable<readonly [string, Place]>): PackedSources {
  const files: string[] = []
  const fileIndex = new Map<string, number>()
  const pointers: string[] = []
  const places: number[] = []
  for (const [pointer, place] of sources) {
    let index = fileIndex.get(place.file)
    if (index === undefined) {
      index = files.push(place.file) - 1
      fileIndex.set(place.file, index)
    }
    pointers.push(pointer)
    places.push(index, place.line, place.column, place.endLine, place.endColumn)
  }
  return {files, pointers, places}
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string')

/**
 * The places a cache kept (`packSources`), in order; undefined for anything else (an entry of another
 * shape is a miss, never a map with places missing).
 */
export function unpackSources(packed: unknown): Array<[string, Place]> | undefined {
  if (typeof packed !== 'object' || packed === null) return undefined
  const {files, pointers, places} = packed as Partial<PackedSources>
  if (!isStrings(files) || !isStrings(pointers) || !Array.isArray(places) || places.length !== pointers.length * fieldsPerPlace) return undefined
  const entries: Array<[string, Place]> = []
  for (let at = 0, base = 0; at < pointers.length; at++, base += fieldsPerPlace) {
    const file = files[places[base] as number]
    const [line, column, endLine, endColumn] = [places[base + 1], places[base + 2], places[base + 3], places[base + 4]]
    if (file === undefined || !Number.isInteger(line) || !Number.isInteger(column) || !Number.isInteger(endLine) || !Number.isInteger(endColumn)) return undefined
    entries.push([pointers[at]!, {file, line, column, endLine, endColumn} as Place])
  }
  return entries
}

/** Record kept places in a source map: whether they were places a cache kept (if not, the map is as it was). */
export function addPackedSources(sources: SourceMap, packed: unknown): boolean {
  const entries = unpackSources(packed)
  if (!entries) return false
  for (const [pointer, place] of entries) sources.set(pointer, place)
  return true
}
