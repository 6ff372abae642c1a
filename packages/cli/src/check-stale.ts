import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {parseMarkdown} from '@fmrl/parser'
import {toMarkdown, type Output} from '@fmrl/render'
import {createTwoFilesPatch} from 'diff'

/** A generated file whose bytes on disk differ from what content/ renders (or that is missing). */
export interface StaleOutput {
  output: Output
  /** The file as found on disk; undefined when it does not exist. */
  disk: string | undefined
}

/** Read each output from disk and keep those that differ from their rendering; never writes. */
export async function findStale(root: string, outputs: readonly Output[]): Promise<StaleOutput[]> {
  const read = await Promise.all(outputs.map(async (output) => ({output, disk: await readFile(join(root, output.path), 'utf8').catch(() => undefined)})))
  return read.filter(({output, disk}) => disk !== output.content)
}

/** A unified diff from the file on disk to the file `pnpm build` would write. */
export function formatStaleDiff({output, disk}: StaleOutput): string {
  const patch = createTwoFilesPatch(`a/${output.path}`, `b/${output.path}`, disk ?? '', output.content, disk === undefined ? 'missing' : 'on disk', 'from content/')
  // The library starts with a line of `=`; the `---`/`+++` headers already say which file it is.
  return patch.replace(/^=+\n/, '').trimEnd()
}

/**
 * Whether two texts are the same document: Markdown is compared after a parse and serialize round
 * trip, so a hand-edited table that is no longer aligned still equals its rendering.
 */
export function sameMarkdown(path: string, a: string, b: string): boolean {
  if (a === b) return true
  return path.endsWith('.md') && toMarkdown(parseMarkdown(a)) === toMarkdown(parseMarkdown(b))
}
