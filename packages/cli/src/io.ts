import {relative} from 'node:path'

/** Where a command prints; the binary passes the console, tests pass buffers. */
export interface Io {
  out(text: string): void
  err(text: string): void
  /** Whether each stream takes colour (the binary decides from the terminal and NO_COLOR/FORCE_COLOR); none by default. */
  color?: {out: boolean; err: boolean} | undefined
  /** Standard input, for `fmrl lint -`; without it, reading `-` is a usage error. */
  readStdin?: (() => Promise<Uint8Array>) | undefined
}

/** Exit codes every command shares. */
export const exitCodes = {ok: 0, problems: 1, usage: 2} as const

/** A failure the user caused (bad flag, missing folder): printed without a stack, exit 2. */
export class UsageError extends Error {}

// System calls that change the file system; the others only read it.
const writingCalls = new Set(['write', 'rename', 'mkdir', 'rmdir', 'unlink', 'utime', 'utimes', 'futime', 'copyfile', 'symlink', 'chmod', 'fsync'])

/**
 * The one-line message for a file system error of the user's environment (a missing, unreadable or
 * misplaced file: exit 2), naming the path relative to `cwd`; undefined for anything else (a bug).
 */
export function fileErrorMessage(error: unknown, cwd: string): string | undefined {
  if (!(error instanceof Error)) return undefined
  const {code, path, syscall} = error as NodeJS.ErrnoException
  if (typeof code !== 'string' || typeof path !== 'string' || !/^E[A-Z]+$/.test(code)) return undefined
  const where = `\`${relative(cwd, path) || '.'}\``
  if (code === 'ENOENT') return `Unexpected path ${where} that does not exist, expected a file or folder there (check --root and --content)`
  if (code === 'EISDIR') return `Unexpected folder ${where}, expected a file`
  if (code === 'ENOTDIR') return `Unexpected file on the path ${where}, expected a folder (check --root and --content)`
  const access = writingCalls.has(syscall ?? '') ? 'write' : 'read'
  if (code === 'EACCES' || code === 'EPERM') return `Unexpected permission denied (${code}) to ${access} ${where}, expected ${access} access (check its permissions and owner)`
  // Node's message reads `EIO: i/o error, open '/absolute/path'`: keep the description.
  const description = /^E[A-Z]+: ([^,]+)/.exec(error.message)?.[1] ?? error.message
  return `Unexpected ${code} (${description}) from ${syscall ?? 'the file system'} on ${where}, expected to ${access} it`
}

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
