import {cp, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

/** The repository root, whose committed outputs the tests read (never write). */
export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url))

const require = createRequire(import.meta.url)

/** Where an npm package's file is installed (`katex/dist/katex.min.css`). */
export const packageFile = (specifier: string): string => require.resolve(specifier)

/**
 * A temporary folder holding `files` (path to text) and `copies` (path to a file or folder on disk),
 * removed again by `remove`.
 */
export async function stageFolder(files: Record<string, string>, copies: Record<string, string> = {}): Promise<{folder: string; remove(): Promise<void>}> {
  const folder = await mkdtemp(join(tmpdir(), 'fmrl-e2e-'))
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(folder, path)), {recursive: true})
    await writeFile(join(folder, path), text)
  }
  for (const [path, source] of Object.entries(copies)) await cp(source, join(folder, path), {recursive: true})
  return {folder, remove: () => rm(folder, {recursive: true, force: true})}
}

/** Where the browser tests put their screenshots and measurements for people to look at (ignored by git). */
export const reportFolder = fileURLToPath(new URL('../report/', import.meta.url))
