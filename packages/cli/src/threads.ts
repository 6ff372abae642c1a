import {availableParallelism} from 'node:os'

/** `--threads`: helper threads that parse ahead into the parse cache; `auto` uses every core for large inputs. */
export type Threads = 'auto' | 'off' | number

/**
 * Below this much text to parse, `auto` parses on the main thread: a helper thread takes about a
 * fifth of a second to load the parser, the time to parse about 200 KB.
 */
export const parseAheadMinimum = 1_048_576

/** How many helper threads parse `bytes` of text: none for `off`, one thread, or `auto` with one core or little text. */
export function threadsFor(threads: Threads, bytes: number, cores = availableParallelism()): number {
  if (threads === 'off' || threads === 1) return 0
  if (threads === 'auto') return cores > 1 && bytes >= parseAheadMinimum ? cores : 0
  return threads
}
