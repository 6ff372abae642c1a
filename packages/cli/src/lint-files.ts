import {existsSync} from 'node:fs'
import {readdir, stat} from 'node:fs/promises'
import {dirname, isAbsolute, join, relative, resolve, sep} from 'node:path'
import {glob, isDynamicPattern} from 'tinyglobby'
import {alwaysSkipped, cacheFolder, IgnoreFiles} from './ignore-files.js'
import {UsageError} from './io.js'

/** The extensions a folder walk lints (a file named on the command line is linted whatever its name). */
export const markdownExtensions = ['.md', '.markdown'] as const

/** The argument that reads a file from standard input. */
export const stdinArgument = '-'

const toPosix = (path: string) => path.split(sep).join('/')
const isMarkdown = (path: string) => markdownExtensions.some((extension) => path.toLowerCase().endsWith(extension))

/** A file to lint: where it is read from, the tree it belongs to, and how rules and reports name it. */
export interface LintTarget {
  /** Absolute path of the file, or `-` for standard input. */
  location: string
  /** The tree its relative links resolve in: the root, or for a file outside it its git repository (else its folder). */
  base: string
  /** The path rules see, relative to `base`. */
  path: string
  /** The path reports print: relative to the root inside it, else relative to the working directory. */
  display: string
}

/** A walked tree: its ignore files and every file git would not ignore. */
export interface Tree {
  ignores: IgnoreFiles
  files: Promise<string[]>
}

/** The trees of one run, each walked once. */
export class Trees {
  private readonly trees = new Map<string, Tree>()

  get(base: string): Tree {
    let tree = this.trees.get(base)
    if (!tree) {
      const ignores = new IgnoreFiles(base)
      tree = {ignores, files: listFiles(base, ignores)}
      this.trees.set(base, tree)
    }
    return tree
  }
}

/** Every file of a tree (base-relative, POSIX, sorted) that `.gitignore` does not exclude: what relative links may point at. */
export async function listFiles(base: string, ignores: IgnoreFiles, folder = ''): Promise<string[]> {
  const entries = await readdir(join(base, folder), {withFileTypes: true})
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`
      if (entry.isDirectory()) return alwaysSkipped.has(entry.name) || path === cacheFolder || ignores.ignores(`${path}/`, 'git') ? [] : listFiles(base, ignores, path)
      return (entry.isFile() || entry.isSymbolicLink()) && !ignores.ignores(path, 'git') ? [path] : []
    })
  )
  return nested.flat().sort()
}

/** The files of a tree a folder walk lints: Markdown, and ignored by neither `.gitignore` nor `.fmrlignore`. */
export async function lintableFiles(tree: Tree, folder = ''): Promise<string[]> {
  return (await tree.files).filter((path) => (folder === '' || path.startsWith(`${folder}/`)) && isMarkdown(path) && !tree.ignores.ignores(path, 'lint'))
}

/** The tree a path outside the root belongs to: the nearest folder above it holding `.git`, else its own folder. */
function baseOutside(absolute: string, isFolder: boolean): string {
  const start = isFolder ? absolute : dirname(absolute)
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git'))) return folder
    if (dirname(folder) === folder) return start
  }
}

const inside = (root: string, absolute: string) => {
  const path = relative(root, absolute)
  return path === '' || (!path.startsWith('..') && !isAbsolute(path))
}

/**
 * The files to lint for the command-line arguments: files (linted whatever their name), folders
 * (their Markdown files, ignore files honoured), globs (matches the ignore files do not exclude)
 * and `-` (standard input). Paths are relative to `cwd`; each file once, in argument order.
 */
export async function resolveLintTargets(root: string, cwd: string, args: readonly string[], trees: Trees): Promise<LintTarget[]> {
  const targets: LintTarget[] = []
  const target = (absolute: string) => {
    const base = inside(root, absolute) ? root : baseOutside(absolute, false)
    const path = toPosix(relative(base, absolute))
    return {location: absolute, base, path, display: base === root ? path : toPosix(relative(cwd, absolute))}
  }
  for (const arg of args) {
    if (arg === stdinArgument) {
      // Relative links in standard input resolve from the working directory.
      targets.push({location: stdinArgument, base: root, path: toPosix(relative(root, join(cwd, '<stdin>'))), display: '<stdin>'})
      continue
    }
    const absolute = resolve(cwd, arg)
    const info = await stat(absolute).catch(() => undefined)
    if (!info && isDynamicPattern(arg)) {
      targets.push(...(await globTargets(cwd, arg, trees, target)))
      continue
    }
    if (!info) throw new UsageError(`Unexpected path \`${arg}\` that does not exist, expected a file, folder or glob to lint`)
    if (!info.isDirectory()) {
      targets.push(target(absolute))
      continue
    }
    const base = inside(root, absolute) ? root : baseOutside(absolute, true)
    const found = await lintableFiles(trees.get(base), toPosix(relative(base, absolute)))
    if (found.length === 0) throw new UsageError(`Unexpected folder \`${arg}\` without Markdown files (${markdownExtensions.join(', ')}) to lint, expected at least one that the ignore files do not exclude`)
    targets.push(...found.map((path) => target(join(base, path))))
  }
  return targets.filter((candidate, index) => targets.findIndex((other) => other.location === candidate.location) === index)
}

async function globTargets(cwd: string, pattern: string, trees: Trees, target: (absolute: string) => LintTarget): Promise<LintTarget[]> {
  const matches = (await glob(pattern, {cwd, absolute: true, onlyFiles: true, expandDirectories: false, ignore: [...alwaysSkipped].map((name) => `**/${name}/**`)})).sort()
  const kept = matches.map(target).filter(({base, path}) => {
    const {ignores} = trees.get(base)
    return !ignores.ignores(path, 'git') && !ignores.ignores(path, 'lint')
  })
  if (kept.length === 0) throw new UsageError(`Unexpected glob \`${pattern}\` that matches no file to lint, expected at least one that the ignore files do not exclude`)
  return kept
}
