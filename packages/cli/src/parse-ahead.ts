import {contentParsedTexts, mayBeTableRows} from '@fmrl/parser'
import type {VFile} from 'vfile'
import {runOnThread, threadsFor, type Threads} from './threads.js'
import type {ParseTask} from './parse-worker.js'
import type {FileTreeCache} from './tree-cache.js'

/** Text a thread is worth starting for: with less, fewer threads. */
const bytesPerThread = 262_144

/**
 * The old generation a parse helper may grow to, in MB. A helper holds little (each tree is written
 * and dropped), and V8 lets a heap with a limit under 2 GB grow less far past what it holds before it
 * collects: at 10,000 rows the peak RSS while the helpers parse fell from 350 to 410 MB to about
 * 300 MB (see bench/README.md).
 */
export const parseHelperHeapLimit = 512

/**
 * The heap a text may need while micromark parses it, per character: a piece is a few KiB, but a file
 * that cannot be cut (one with a link definition) is parsed whole, and a 709 KB methods file needed more
 * than 256 MB and less than 512 MB.
 */
const heapPerCharacter = 1024

/**
 * The heap limit of a helper given `texts`: `limit`, unless one of them may need more, in which case the
 * default heap (undefined), so that no text is parsed twice (a helper that ran out of its heap would
 * hand it back to the read).
 */
export function helperHeapLimit(texts: readonly string[], limit: number): number | undefined {
  return texts.some((text) => text.length * heapPerCharacter > limit * 2 ** 20) ? undefined : limit
}

/** The characters Markdown's constructs begin and end with. */
const markup = /[|[\]()$*_`<\\!]/g

/**
 * What parsing a text costs, in units of one character of markup: micromark's time follows the
 * markup it meets more than the length. Measured at 10,000 rows (bench/README.md): the methods files
 * parse at about 230 bytes a ms and `references.md` at 570, but each at 42 to 50 ms per thousand
 * characters of markup; a byte of text adds about a thousandth of that.
 */
export function parseCost(text: string): number {
  return (text.match(markup)?.length ?? 0) + text.length / 1000
}

/** `texts` in order, cut into `count` runs of about the same `parseCost`, one per helper thread: the threads finish together. */
export function parseBatches(texts: readonly string[], count: number): string[][] {
  const costs = texts.map(parseCost)
  const total = costs.reduce((sum, cost) => sum + cost, 0)
  const batches: string[][] = Array.from({length: count}, () => [])
  let before = 0
  texts.forEach((text, index) => {
    const cost = costs[index]!
    // By its middle: a costly text at the end of the texts goes to the last thread, not before it.
    batches[Math.min(count - 1, Math.floor(((before + cost / 2) * count) / (total || 1)))]!.push(text)
    before += cost
  })
  return batches
}

/** The helper threads' module. */
export const parseWorker = new URL('parse-worker.js', import.meta.url)

/**
 * Fill the parse cache ahead of reading the content files: each text their read will parse with
 * micromark that the cache does not hold is parsed on helper threads (Node's worker threads) and
 * written there, so the read that follows, on this thread, finds every tree and parses nothing with
 * it. The trees are the ones this thread would make (the same function on the same text); whatever a
 * thread does not write, because it failed to start, crashed, ran out of its heap or could not write
 * the cache, the read parses itself as it would have.
 */
export async function parseAhead(cache: FileTreeCache, files: readonly VFile[], threads: Threads, {worker = parseWorker, heapLimit = parseHelperHeapLimit}: {worker?: URL; heapLimit?: number} = {}): Promise<void> {
  // A cache that keeps nothing (`fmrl check`'s) has no room for trees parsed ahead.
  if (!cache.write) return
  const perFile = files.map((file) => contentParsedTexts(file))
  // A file past the limits: the read parses no file at all.
  if (perFile.some((texts) => texts.length === 0)) return
  // Pieces of a table's rows are left to the read: it reads them without micromark, and faster than it
  // would read a helper's tree of them back from the cache.
  const texts = [...new Set(perFile.flat())].filter((text) => !mayBeTableRows(text) && !cache.has(text))
  const bytes = texts.reduce((sum, text) => sum + text.length, 0)
  const count = Math.min(threadsFor(threads, bytes), Math.ceil(bytes / bytesPerThread))
  if (count === 0) return
  const batches = parseBatches(texts, count)
  // A thread that failed before it said what it wrote leaves its texts to the read.
  const written = await Promise.all(batches.map(async (batch) => ((await runOnThread<number[]>(worker, {root: cache.root, fingerprint: cache.fingerprint, texts: batch} satisfies ParseTask, {heapLimit: helperHeapLimit(batch, heapLimit)})) ?? []).map((index) => batch[index]!)))
  cache.addParsed(written.flat())
}
