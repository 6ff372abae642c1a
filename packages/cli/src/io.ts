/** Where a command prints; the binary passes the console, tests pass buffers. */
export interface Io {
  out(text: string): void
  err(text: string): void
}

/** Exit codes every command shares. */
export const exitCodes = {ok: 0, problems: 1, usage: 2} as const

/** A failure the user caused (bad flag, missing folder): printed without a stack, exit 2. */
export class UsageError extends Error {}

/**
 * Print to two streams, a line per call. A reader that goes away (`fmrl build | head -1` closes the
 * pipe: EPIPE) is not an error of the command: the rest of that stream's report is dropped, the
 * outputs are still written and the exit code stays the command's own.
 */
export function streamIo(out: NodeJS.WritableStream, err: NodeJS.WritableStream): Io {
  return {out: lineWriter(out), err: lineWriter(err)}
}

function lineWriter(stream: NodeJS.WritableStream): (text: string) => void {
  let open = true
  // Without a listener, a write error is an uncaught 'error' event: a stack trace and exit 1.
  // A stream that failed once (EPIPE, or any other write error) gets nothing more.
  stream.on('error', () => {
    open = false
  })
  return (text) => {
    if (open) stream.write(`${text}\n`)
  }
}
