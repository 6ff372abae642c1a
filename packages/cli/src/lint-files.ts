import {readdir, stat} from 'node:fs/promises'
import {join, relative, resolve, sep} from 'node:path'
import {UsageError} from './io.js'
import {transactionFolder} from './lock.js'

// Folders that hold no content of the repository: dependencies, builds, caches, version control, a write in progress.
const skipped = new Set(['.git', 'node_modules', 'dist', '.turbo', 'coverage', transactionFolder, `${transactionFolder}.lock`])

const toPosix = (path: string) => path.split(sep).join('/')

/** Every file of the repository (repository-relative, sorted): what relative links may point at. */
export async function listRepositoryFiles(root: string, folder = ''): Promise<string[]> {
  const entries = await readdir(join(root, folder), {withFileTypes: true})
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`
      if (entry.isDirectory()) return skipped.has(entry.name) ? [] : listRepositoryFiles(root, path)
      return entry.isFile() ? [path] : []
    })
  )
  return nested.flat().sort()
}

/** The files to lint: the given files and folders (Markdown inside folders), as root-relative paths. */
export async function resolveLintTargets(root: string, cwd: string, args: readonly string[], repositoryFiles: readonly string[]): Promise<string[]> {
  const targets: string[] = []
  for (const arg of args) {
    const absolute = resolve(cwd, arg)
    const info = await stat(absolute).catch(() => undefined)
    if (!info) throw new UsageError(`Unexpected path \`${arg}\` that does not exist, expected a file or folder to lint`)
    const path = toPosix(relative(root, absolute))
    if (info.isDirectory()) targets.push(...repositoryFiles.filter((file) => (path === '' || file.startsWith(`${path}/`)) && file.endsWith('.md')))
    else targets.push(path)
  }
  return [...new Set(targets)]
}
