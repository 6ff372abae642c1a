import {join} from 'node:path'
import type {ContentOptions} from '../build.js'
import {readContentFiles} from '../content-files.js'
import {exitCodes, type Io} from '../io.js'
import {readBytesIfExists} from '../read.js'
import {FileTreeCache, sha256} from '../tree-cache.js'

export interface CheckOptions extends ContentOptions {
  adopt?: boolean
  /** Read what `fmrl lint` and `fmrl build` kept (`.cache/fmrl/trees/`) instead of rendering or parsing content/ again; check itself keeps nothing. */
  cached?: boolean
}

/**
 * `fmrl check`: compare every output with what content/ renders; never writes without `adopt`.
 * When the last build recorded what it wrote from this very content/ and every output on disk still
 * has its hash, nothing is rendered (nor the renderers loaded); else see `checkRendered`.
 */
export async function checkCommand(options: CheckOptions, io: Io): Promise<number> {
  const cache = options.cached ? new FileTreeCache(options.root, {write: false}) : undefined
  const recorded = cache && !options.adopt ? cache.getOutputs(await readContentFiles(options.root, options.content).catch(() => [])) : undefined
  if (recorded && (await matchRecord(options.root, recorded))) return allMatch(recorded.length, io)
  return (await import('./check-render.js')).checkRendered(options, io, cache)
}

/** Whether every recorded output is on disk with the recorded hash (SHA-256 of its bytes): what rendering would find nothing stale in. */
async function matchRecord(root: string, recorded: ReadonlyArray<{path: string; hash: string}>): Promise<boolean> {
  const read = await Promise.all(recorded.map(async ({path}) => readBytesIfExists(join(root, path))))
  return read.every((disk, index) => disk !== undefined && sha256(disk) === recorded[index]!.hash)
}

export function allMatch(count: number, io: Io): number {
  io.out(count === 1 ? 'The generated file matches content/.' : `All ${count} generated files match content/.`)
  return exitCodes.ok
}
