import {WriteStream} from 'node:tty'

/**
 * Whether to colour what goes to a stream: on a terminal that has colours, unless `NO_COLOR` (or
 * `NODE_DISABLE_COLORS`, or `TERM=dumb`) says no; `FORCE_COLOR` decides alone, terminal or not
 * (`0` or `false` for none). Node's own reading of these variables, so fmrl agrees with `node` itself.
 */
export function colorEnabled(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  // hasColors reads only the environment, so it answers for a pipe too.
  const hasColors = WriteStream.prototype.hasColors(env)
  return env.FORCE_COLOR !== undefined ? hasColors : isTTY && hasColors
}

/** All of standard input, for `fmrl lint -`. */
export async function readStandardInput(): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** What a prompt library throws when the user closes the prompt with Ctrl-C. */
export function isInterrupt(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError'
}

/** The exit code of a run stopped by Ctrl-C (SIGINT), as shells report it: 128 + 2. */
export const interruptedCode = 130
