import {mkdir, readFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type {Output} from '@fmrl/render'

/** What happened to one output. */
export type WriteResult = 'written' | 'unchanged'

/** Write an output only when its bytes change, atomically (temporary file, then rename). */
export async function writeOutput(root: string, output: Output): Promise<WriteResult> {
  const path = join(root, output.path)
  const current = await readFile(path, 'utf8').catch(() => undefined)
  if (current === output.content) return 'unchanged'
  await mkdir(dirname(path), {recursive: true})
  await writeFileAtomic(path, output.content)
  return 'written'
}
