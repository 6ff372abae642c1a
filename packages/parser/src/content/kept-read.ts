import type {VFile} from 'vfile'
import {contentParsedTexts, fileContext, type FileContext, type ReadOptions} from './context.js'
import {SourceMap} from './source-map.js'
import {addPackedSources, packSources, type PackedSources} from '../packing.js'

/** How a content file's read is kept as JSON and given back. */
export interface ReadCodec<T> {
  toJson(read: T): unknown
  fromJson(json: unknown): T
}

/** A read that is JSON as it is (plain objects, arrays, strings, numbers, booleans and null). */
const plain: ReadCodec<any> = {toJson: (read) => read, fromJson: (json) => json}

/** A kept read, as the cache holds it. */
interface KeptRead {
  read: unknown
  /** The places the read recorded. */
  sources: PackedSources
}

const isKeptRead = (entry: unknown): entry is KeptRead => typeof entry === 'object' && entry !== null && 'read' in entry && 'sources' in entry

/** The key a file's read is kept under: what it is read as, its path and text, and what it is read against; none when reads are not kept. */
function keptReadKey(file: VFile, options: ReadOptions, what: string, inputs: unknown): string | undefined {
  return !options.drafting && options.cache?.getRead && options.cache.setRead ? JSON.stringify([what, file.path, String(file.value), inputs]) : undefined
}

/**
 * Read a content file through the reads its cache keeps: what `read` gave before for a file of the
 * same path and text, read against the same `inputs` (what the file is checked against, such as the
 * taxonomy), when that read put no message on the file, so there is none to give again; the places it
 * recorded are recorded again, and the file's trees are kept, not read. Otherwise the file is parsed
 * and read, and the read is kept if it put no message on the file. A draft is never kept: it holds
 * missing values, which JSON does not.
 */
export function readKept<T>(file: VFile, sources: SourceMap, options: ReadOptions, what: string, inputs: unknown, read: (context: FileContext) => T, codec: ReadCodec<T> = plain): T {
  const {cache} = options
  const key = keptReadKey(file, options, what, inputs)
  if (key !== undefined) {
    const entry = cache!.getRead!(key)
    // Places of another shape are a miss: the file is read again.
    if (isKeptRead(entry) && addPackedSources(sources, entry.sources)) {
      cache!.keep?.(contentParsedTexts(file))
      return codec.fromJson(entry.read)
    }
  }
  const own = new SourceMap()
  const before = file.messages.length
  const value = read(fileContext(file, own, options))
  for (const [pointer, place] of own) sources.set(pointer, place)
  if (key !== undefined && file.messages.length === before) cache!.setRead!(key, {read: codec.toJson(value), sources: packSources(own)} satisfies KeptRead)
  return value
}
