import {SingleBar} from 'cli-progress'

/** What the checker reports as it goes. */
export interface Progress {
  start(total: number): void
  tick(): void
  stop(): void
}

/** A progress bar on `stream` when it is a terminal; undefined otherwise (CI logs, pipes, tests). */
export function terminalProgress(stream: NodeJS.WriteStream): Progress | undefined {
  if (!stream.isTTY) return undefined
  const bar = new SingleBar({stream, format: 'fmrl links [{bar}] {value}/{total} URLs {duration_formatted}', hideCursor: true, clearOnComplete: true, barsize: 30})
  return {
    start: (total) => bar.start(total, 0),
    tick: () => bar.increment(),
    stop: () => bar.stop()
  }
}
