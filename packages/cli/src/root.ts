import {existsSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {defaultConfigPath} from './lint-config.js'

/**
 * The root a command works in when `--root` is not given: the nearest folder at or above `cwd` that
 * holds `fmrl.config.json` or `.git` (a repository's root, a worktree's too), else `cwd` itself.
 * So `fmrl` works from any subfolder, as git does.
 */
export function findRoot(cwd: string): string {
  const start = resolve(cwd)
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, defaultConfigPath)) || existsSync(join(folder, '.git'))) return folder
    if (dirname(folder) === folder) return start
  }
}
