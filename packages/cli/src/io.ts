/** Where a command prints; the binary passes the console, tests pass buffers. */
export interface Io {
  out(text: string): void
  err(text: string): void
}

/** Exit codes every command shares. */
export const exitCodes = {ok: 0, problems: 1, usage: 2} as const

/** A failure the user caused (bad flag, missing folder): printed without a stack, exit 2. */
export class UsageError extends Error {}
