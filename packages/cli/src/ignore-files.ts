import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import ignore, {type Ignore} from 'ignore'
import {transactionFolder} from './lock.js'

/** The ignore files read in every folder: git's, and fmrl's own for files to keep out of lint. */
export const ignoreFileNames = {git: '.gitignore', lint: '.fmrlignore'} as const
export type IgnoreKind = keyof typeof ignoreFileNames

// Never walked into, whatever the ignore files say: version control and dependencies (as git, remark
// and eslint do), and the journal of a write in progress.
export const alwaysSkipped: ReadonlySet<string> = new Set(['.git', 'node_modules', transactionFolder, `${transactionFolder}.lock`])

/** fmrl's own cache folder (the parse cache), relative to the root: rewritten by every run, never a link's target, so never in a tree's file list. */
export const cacheFolder = '.cache/fmrl'

/**
 * The `.gitignore` and `.fmrlignore` files of a tree, read once per folder, with git's precedence: a
 * pattern in a deeper file wins over one above it, and a later pattern over an earlier one.
 * Paths are POSIX and relative to `base`; a folder is asked with a trailing slash.
 */
export class IgnoreFiles {
  private readonly folders = new Map<string, Partial<Record<IgnoreKind, Ignore>>>()

  constructor(readonly base: string) {}

  /** Whether `path` is ignored by the files of `kind` in its folder or any folder above it (up to `base`). */
  ignores(path: string, kind: IgnoreKind): boolean {
    const folderPath = path.endsWith('/')
    const parts = path.replace(/\/$/, '').split('/')
    let ignored = false
    for (let depth = 0; depth < parts.length; depth++) {
      const folder = parts.slice(0, depth).join('/')
      const rules = this.rulesOf(folder)[kind]
      if (!rules) continue
      const result = rules.test(parts.slice(depth).join('/') + (folderPath ? '/' : ''))
      if (result.ignored) ignored = true
      else if (result.unignored) ignored = false
    }
    return ignored
  }

  private rulesOf(folder: string): Partial<Record<IgnoreKind, Ignore>> {
    let rules = this.folders.get(folder)
    if (!rules) {
      rules = {}
      for (const kind of Object.keys(ignoreFileNames) as IgnoreKind[]) {
        const text = readOptional(join(this.base, folder, ignoreFileNames[kind]))
        if (text !== undefined) rules[kind] = ignore().add(text)
      }
      this.folders.set(folder, rules)
    }
    return rules
  }
}

// No ignore file in a folder is the common case: asked without an exception; a read that fails (no permission) is the user's to see.
const readOptional = (path: string): string | undefined => (existsSync(path) ? readFileSync(path, 'utf8') : undefined)
