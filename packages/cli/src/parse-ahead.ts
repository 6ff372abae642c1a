import {contentParsedTexts} from '@fmrl/parser'
import type {VFile} from 'vfile'
import {threadsFor, type Threads} from './threads.js'
import type {ParseTask} from './parse-worker.js'
import type {FileTreeCache} from './tree-cache.js'

/** The size of one batch a thread is given: small enough that the threads finish together. */
const batchSize = 262_144

/**
 * Fill the parse cache ahead of reading the content files: each text their read will parse that the
 * cache does not hold is parsed on helper threads (worker threads, through tinypool) and written
 * there, so the read that follows, on this thread, finds every tree and parses nothing. The trees are
 * the ones this thread would make (the same function on the same text); whatever a thread does not
 * write, by a failure of the thread or of the cache, the read parses itself as it would have.
 */
export async function parseAhead(cache: FileTreeCache, files: readonly VFile[], threads: Threads): Promise<void> {
  // A cache that keeps nothing (`fmrl check`'s) has no room for trees parsed ahead.
  if (!cache.write) return
  const perFile = files.map((file) => contentParsedTexts(file))
  // A file past the limits: the read parses no file at all.
  if (perFile.some((texts) => texts.length === 0)) return
  const texts = [...new Set(perFile.flat())].filter((text) => !cache.has(text))
  const bytes = texts.reduce((sum, text) => sum + text.length, 0)
  const count = Math.min(threadsFor(threads, bytes), Math.ceil(bytes / batchSize))
  if (count === 0) return
  const batches: string[][] = [[]]
  let size = 0
  for (const text of texts) {
    if (size >= batchSize) {
      batches.push([])
      size = 0
    }
    batches.at(-1)!.push(text)
    size += text.length
  }
  // Loaded only when there are threads to start.
  const {Tinypool} = await import('tinypool')
  const pool = new Tinypool({filename: new URL('parse-worker.js', import.meta.url).href, minThreads: count, maxThreads: count})
  try {
    const written = await Promise.all(batches.map((batch) => (pool.run({root: cache.root, fingerprint: cache.fingerprint, texts: batch} satisfies ParseTask) as Promise<string[]>).catch(() => [])))
    cache.addParsed(written.flat())
  } finally {
    await pool.destroy()
  }
}
