import {availableParallelism} from 'node:os'
import {Worker} from 'node:worker_threads'

/** `--threads`: helper threads that parse ahead into the parse cache and render beside the main thread; `auto` uses every core for large inputs. */
export type Threads = 'auto' | 'off' | number

/**
 * Below this much text to parse, `auto` parses on the main thread: a helper thread takes about a
 * fifth of a second to load the parser, the time to parse about 200 KB.
 */
export const parseAheadMinimum = 1_048_576

/** How many helper threads work on `bytes` of content: none for `off`, one thread, or `auto` with one core or little text. */
export function threadsFor(threads: Threads, bytes: number, cores = availableParallelism()): number {
  if (threads === 'off' || threads === 1) return 0
  if (threads === 'auto') return cores > 1 && bytes >= parseAheadMinimum ? cores : 0
  return threads
}

/**
 * Run a helper thread on `data` and give the one message it posts, or undefined when it posts none
 * (it failed to load, crashed, or ran out of its `heapLimit`, in MB of old generation). It always
 * settles, when the thread exits: a caller does what the helper did not.
 */
export function runOnThread<T>(worker: URL, data: unknown, {heapLimit}: {heapLimit?: number} = {}): Promise<T | undefined> {
  return settled<T>(new Worker(worker, {workerData: data, ...limits(heapLimit)}))
}

/** A helper thread started before its task is ready (`startThread`). */
export interface StartedThread<T> {
  /** Post the thread its task and give the one message it posts back, as `runOnThread` does. */
  run(task: unknown): Promise<T | undefined>
  /** End the thread, whether it was given its task or not. */
  stop(): void
}

/**
 * Start a helper thread that loads its modules while this one works, then waits for its task as a
 * message (`run`), where `runOnThread`'s helper is given it as it starts. A thread that failed to
 * load or died before its task settles `run` with undefined, as `runOnThread` does.
 */
export function startThread<T>(worker: URL, {heapLimit}: {heapLimit?: number} = {}): StartedThread<T> {
  const thread = new Worker(worker, limits(heapLimit))
  const result = settled<T>(thread)
  return {
    run(task) {
      thread.postMessage(task)
      return result
    },
    stop() {
      void thread.terminate()
    }
  }
}

const limits = (heapLimit: number | undefined) => (heapLimit === undefined ? {} : {resourceLimits: {maxOldGenerationSizeMb: heapLimit}})

/** The one message a thread posts, or undefined, once it exits. */
function settled<T>(thread: Worker): Promise<T | undefined> {
  return new Promise((resolve) => {
    let result: T | undefined
    thread.once('message', (message: T) => {
      result = message
    })
    // An error (a module that does not load, a crash, the heap limit) ends the thread; the caller does its work.
    thread.on('error', () => {})
    thread.once('exit', () => resolve(result))
  })
}
