import {execFileSync} from 'node:child_process'
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {run, temporaryRepository} from './helpers.js'

/** Git with a fixed identity and no user or system configuration, so tests run alike everywhere. */
export function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'fmrl test',
      GIT_AUTHOR_EMAIL: 'test@fmrl.invalid',
      GIT_COMMITTER_NAME: 'fmrl test',
      GIT_COMMITTER_EMAIL: 'test@fmrl.invalid'
    }
  })
}

/** A temporary repository with content/ and every output built, committed to a fresh git repository. */
export async function builtRepository(): Promise<{root: string; outputs: string[]}> {
  const root = await temporaryRepository()
  const built = await run(['build'], root)
  if (built.code !== 0) throw new Error(built.err)
  git(root, 'init', '--quiet', '--initial-branch=main')
  // As in a real survey repository: the parse cache the build kept is not committed.
  await writeFile(join(root, '.gitignore'), '.cache/\n')
  git(root, 'add', '.')
  git(root, 'commit', '--quiet', '--message', 'Build')
  return {root, outputs: built.out.split('\n').map((line) => line.replace(/: written$/, ''))}
}
