import {execFile} from 'node:child_process'
import {promisify} from 'node:util'

const run = promisify(execFile)

/** Run git in `root`; undefined when git fails (no repository, no commit, no such file). */
async function git(root: string, args: string[]): Promise<string | undefined> {
  try {
    const {stdout} = await run('git', args, {cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
    return stdout
  } catch {
    return undefined
  }
}

/**
 * The committed text of `path` (relative to `root`) at HEAD; undefined outside git or when untracked.
 * `check` compares against it to tell a hand edit of a generated file from a content edit.
 */
export function readCommitted(root: string, path: string): Promise<string | undefined> {
  return git(root, ['show', `HEAD:./${path}`])
}

/**
 * Paths (relative to `root`) of the files staged for commit below `directory`: added, copied, modified
 * or renamed; undefined when git cannot tell (outside a repository, or no git), which is not "none".
 */
export async function readStaged(root: string, directory: string): Promise<string[] | undefined> {
  const out = await git(root, ['diff', '--cached', '--name-only', '--relative', '--diff-filter=ACMR', '-z', '--', directory])
  return out?.split('\0').filter((path) => path !== '')
}

/** The commit a ref names, or undefined when it names none (`--changed-since` validates its ref). */
export async function resolveRef(root: string, ref: string): Promise<string | undefined> {
  return (await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]))?.trim()
}

/** The text of `path` (relative to `root`) at a commit; undefined when the file did not exist there. */
export function readAtCommit(root: string, commit: string, path: string): Promise<string | undefined> {
  return git(root, ['show', `${commit}:./${path}`])
}
