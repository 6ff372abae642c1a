import {join} from 'node:path'
import type {Output} from '@fmrl/render'
import {createTwoFilesPatch} from 'diff'
import {readBytesIfExists} from './read.js'
import {outputBytes} from './write.js'

/** A generated file whose bytes on disk differ from what content/ renders (or that is missing). */
export interface StaleOutput {
  output: Output
  /** The file as found on disk; undefined when it does not exist. */
  disk: string | undefined
}

/**
 * Read each output from disk and keep those whose bytes differ from their rendering, as `fmrl build`
 * compares them, with the file's text (decoded as UTF-8, for the diff); never writes.
 */
export async function findStale(root: string, outputs: readonly Output[]): Promise<StaleOutput[]> {
  const read = await Promise.all(outputs.map(async (output) => ({output, disk: await readBytesIfExists(join(root, output.path))})))
  return read.filter(({output, disk}) => !disk?.equals(outputBytes(output))).map(({output, disk}) => ({output, disk: disk?.toString('utf8')}))
}

/** A unified diff from the file on disk to the file `pnpm build` would write. */
export function formatStaleDiff({output, disk}: StaleOutput): string {
  const patch = createTwoFilesPatch(`a/${output.path}`, `b/${output.path}`, disk ?? '', output.content, disk === undefined ? 'missing' : 'on disk', 'from content/')
  // The library starts with a line of `=`; the `---`/`+++` headers already say which file it is.
  return patch.replace(/^=+\n/, '').trimEnd()
}

