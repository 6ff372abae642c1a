import {stat} from 'node:fs/promises'
import {join} from 'node:path'
import type {LintOptions} from './commands/lint.js'
import {contentFilePaths, readContentFiles} from './content-files.js'
import type {Io} from './io.js'
import {resolveLintTargets, stdinArgument, type Trees} from './lint-files.js'
import {runOnThread} from './threads.js'
import type {FileTreeCache} from './tree-cache.js'

/** Bytes of Markdown a lint reads: of content/, and of the files linted besides it. */
export interface LintBytes {
  content: number
  files: number
}

/**
 * The bytes from which `fmrl lint` runs on a helper thread whose heap is bounded
 * (`lintThreadHeapLimit`). content/ is read into one survey, whose reads, places and trees the run
 * holds, and V8 lets the heap grow about four times past what a collection leaves: at 10,000
 * generated rows (3.3 MB of content/) the default lint peaked at 347 to 401 MB on this thread and
 * at 314 to 344 MB on the helper, in 4.1 to 4.5 s against 3.6 to 3.9 s. Files linted besides
 * content/ are linted and dropped one by one: a README of 3.2 MB took a quarter more time on the
 * helper at a higher peak (its second isolate's own heap), so they move only from 4 MiB on, as one
 * of 50,000 rows does (bench/README.md).
 */
export const lintThreadMinimum: LintBytes = {content: 2 * 1_048_576, files: 4 * 1_048_576}

/** Whether a lint of `bytes` moves to the helper thread: content/ or the other files reach their minimum. */
export function movesToThread(bytes: LintBytes, minimum: LintBytes = lintThreadMinimum): boolean {
  return bytes.content >= minimum.content || bytes.files >= minimum.files
}

/**
 * The old generation, in MB, a large lint's thread may grow to. V8 lets a heap whose limit is under
 * 2 GB grow about twice past what it holds before it collects, against four times on Node's default
 * heap of a machine with 16 GB or more. At 50,000 generated rows (16 MB of content/, about 370 MB
 * live) the lint's peak fell from 1.36 to 1.43 GB to 0.90 to 1.0 GB, for about a tenth more time
 * (bench/README.md). A lint that needs more runs again here, on the default heap.
 */
export const lintThreadHeapLimit = 1900

/** The helper thread's module. */
export const lintWorker = new URL('lint-worker.js', import.meta.url)

/** What the helper thread is given: the run's options, its working directory and whether each stream takes colour. */
export interface LintTask {
  options: LintOptions
  cwd: string
  color: Io['color']
}

/** A line the lint printed, to the stream it printed it to. */
export interface PrintedLine {
  stream: 'out' | 'err'
  text: string
}

/** What the helper thread gives back: what it printed, in order, and the exit code. */
export interface LintThreadResult {
  lines: PrintedLine[]
  code: number
}

/** The options that decide whether a run may move to a helper thread, and what it reads. */
export type ThreadOptions = Pick<LintOptions, 'root' | 'content' | 'files' | 'fix' | 'online' | 'threads'>

/** Whether a run may move to a helper thread at all: not one that writes files (`--fix`), reads standard input, checks links online (its progress bar is this terminal's) or was told to stay (`--threads off` or `1`). */
export function mayLintOnThread(options: ThreadOptions): boolean {
  return !options.fix && options.online === undefined && options.threads !== 'off' && options.threads !== 1 && !options.files.includes(stdinArgument)
}

/**
 * The bytes a lint reads, for the minimum: content/'s Markdown (with a cache, that of the files whose
 * text its last kept read of content/ did not read: an edit of one file is a read of that file), and
 * the files linted besides it, resolved as the lint resolves them (the files named; without any and
 * without content/, the root's Markdown). A path that cannot be read counts nothing here: the lint
 * reports it.
 */
export async function lintInputBytes(options: ThreadOptions, cwd: string, trees: Trees, cache?: FileTreeCache): Promise<LintBytes> {
  const size = (path: string) => stat(path).then((stats) => stats.size, () => 0)
  const sum = async (paths: readonly string[]) => (await Promise.all(paths.map(size))).reduce((total, bytes) => total + bytes, 0)
  const contentPaths = await contentFilePaths(options.root, options.content).catch(() => [])
  const linted = options.files.length > 0 ? [...options.files] : contentPaths.length === 0 ? [options.root] : []
  const others = linted.length === 0 ? [] : await resolveLintTargets(options.root, cwd, linted, trees).catch(() => [])
  const content = cache && contentPaths.length > 0 ? cache.unreadBytes(await readContentFiles(options.root, options.content).catch(() => [])) : await sum(contentPaths.map((path) => join(options.root, path)))
  return {content, files: await sum(others.map((target) => target.location))}
}

/** Where a large lint runs: the helper's module, its heap limit, and the bytes from which it is used (tests give their own). */
export interface LintThread {
  worker?: URL
  heapLimit?: number
  minimum?: LintBytes
}

/**
 * Run the lint on a helper thread (`worker`, given `task`) and print what it printed, in order; its
 * exit code, or undefined when it gave none (it could not start, threw, or ran out of its heap) and
 * printed nothing: the caller lints here, as without the thread.
 */
export async function lintOnThread(task: LintTask, io: Io, {worker = lintWorker, heapLimit = lintThreadHeapLimit}: LintThread = {}): Promise<number | undefined> {
  const result = await runOnThread<LintThreadResult>(worker, task, {heapLimit})
  if (!result) return undefined
  for (const {stream, text} of result.lines) io[stream](text)
  return result.code
}
