import {mkdir, readFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {emptyLinkCache} from '@fmrl/lint'
import {LinkCache} from '@fmrl/model'
import writeFileAtomic from 'write-file-atomic'

/** The cache read from disk, and why it was set aside when it could not be used. */
export interface CacheRead {
  cache: LinkCache
  note?: string
}

/**
 * Read the cache file: none yet is an empty cache; a file that is not a cache (a hand edit, another
 * version) is set aside with a note rather than failing the run, since it only saves requests.
 */
export async function readLinkCache(root: string, path: string): Promise<CacheRead> {
  const text = await readFile(join(root, path), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
  if (text === undefined) return {cache: emptyLinkCache()}
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return {cache: emptyLinkCache(), note: `fmrl links: Unexpected cache file \`${path}\` that is not JSON, expected one written by fmrl links: starting afresh`}
  }
  const parsed = LinkCache.safeParse(json)
  if (parsed.success) return {cache: parsed.data}
  return {cache: emptyLinkCache(), note: `fmrl links: Unexpected content in the cache file \`${path}\` (${parsed.error.issues[0]!.message} at \`${parsed.error.issues[0]!.path.join('.')}\`), expected one written by this version of fmrl links: starting afresh`}
}

/**
 * Writes the cache while a run goes on, at most once per `interval`, and once at the end: each
 * write is atomic (a temporary file, then a rename), so a run killed at any moment leaves the last
 * complete cache, with every result up to its last write.
 */
export class CacheWriter {
  private last = 0
  private pending: Promise<void> = Promise.resolve()
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly path: string,
    private readonly cache: LinkCache,
    private readonly interval = 1000,
    private readonly now: () => number = Date.now
  ) {}

  /** Note a change: write now if the last write is older than the interval, else once it is. */
  touch(): void {
    if (this.timer) return
    const wait = this.last + this.interval - this.now()
    if (wait <= 0) return this.write()
    this.timer = setTimeout(() => this.write(), wait)
    // A pending write must not keep a finished run alive: flush() writes what is left.
    this.timer.unref()
  }

  /** Write what is not written yet, and wait for every write. */
  async flush(): Promise<void> {
    if (this.timer) this.write()
    await this.pending
  }

  private write(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.last = this.now()
    // Writes run one after another; each one writes the cache as it is when it starts.
    this.pending = this.pending.then(async () => {
      await mkdir(dirname(this.path), {recursive: true})
      await writeFileAtomic(this.path, `${JSON.stringify(sorted(this.cache), null, 2)}\n`)
    })
  }
}

/** The cache with its URLs sorted, so the file diffs well and does not depend on the order of answers. */
function sorted(cache: LinkCache): LinkCache {
  return {version: cache.version, entries: Object.fromEntries(Object.entries(cache.entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}
}
