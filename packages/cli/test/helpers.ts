import {cp, mkdtemp, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {main} from '../src/main.js'

export const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url))

/** The hand-written files beside content/ that the README links to. */
export const handWritten = ['CONTRIBUTING.md', 'code-of-conduct.md', 'LICENSE']

/** A temporary repository holding a copy of content/ and the hand-written files (and nothing generated yet). */
export async function temporaryRepository(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'fmrl-'))
  await cp(join(repositoryRoot, 'content'), join(root, 'content'), {recursive: true})
  for (const file of handWritten) await cp(join(repositoryRoot, file), join(root, file))
  return root
}

/** Run the CLI in-process, capturing what it prints. */
export async function run(argv: string[], cwd: string): Promise<{code: number; out: string; err: string}> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, {out: (text) => out.push(text), err: (text) => err.push(text)}, cwd)
  return {code, out: out.join('\n'), err: err.join('\n')}
}

export const readText = (path: string) => readFile(path, 'utf8')
