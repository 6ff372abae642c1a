import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {mkdir, readdir, rm} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {dirname, join, relative} from 'node:path'
import type {TreeCache} from '@fmrl/parser'
import type {Root} from 'mdast'
import type {Io} from './io.js'

/** Where the trees are kept, relative to the root: one folder per parser fingerprint, one file per text. */
export const treeCacheFolder = '.cache/fmrl/trees'

/** Bumped when what an entry holds changes shape. */
const entryFormat = 1

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** The folder holding a package's package.json, from any file in it. */
function packageFolder(file: string, name: string): string | undefined {
  for (let folder = dirname(file); dirname(folder) !== folder; folder = dirname(folder)) {
    try {
      if ((JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {name?: string}).name === name) return folder
    } catch {
      // No package.json here: look further up.
    }
  }
  return undefined
}

/**
 * `name@version` of a package and of everything it depends on, as Node resolves them from `from`
 * (a type-only package, which resolves to no code, is left out: it changes no tree).
 */
export function dependencyVersions(name: string, from: string, seen = new Map<string, string>()): Map<string, string> {
  let folder: string | undefined
  try {
    folder = packageFolder(createRequire(from).resolve(name), name)
  } catch {
    return seen
  }
  if (!folder) return seen
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {version?: string; dependencies?: Record<string, string>}
  const id = `${name}@${manifest.version ?? '?'}`
  if (seen.has(id)) return seen
  seen.set(id, folder)
  for (const dependency of Object.keys(manifest.dependencies ?? {}).sort()) dependencyVersions(dependency, join(folder, 'package.json'), seen)
  return seen
}

/**
 * What a package manager rewrites on every install, below a `node_modules` folder: pnpm's, npm's and
 * yarn's records of every package installed, with its version.
 */
const installRecords = ['.pnpm/lock.yaml', '.package-lock.json', '.yarn-state.yml'] as const

/** The nearest install record above a folder: one read stands for the versions of every package. */
function installRecord(start: string): string | undefined {
  for (let folder = start; ; folder = dirname(folder)) {
    for (const record of installRecords) {
      try {
        return readFileSync(join(folder, 'node_modules', record), 'utf8')
      } catch {
        // Not this record here: try the next, then the folder above.
      }
    }
    if (dirname(folder) === folder) return undefined
  }
}

/**
 * What the trees depend on besides the text: the parser's own Markdown module (a development
 * checkout changes it without a new version) and the version of every package it uses, from the
 * install record when there is one (reading ~80 package.json files instead costs more than a tree
 * of our content takes to load). A tree made under another fingerprint is never read.
 */
export function parserFingerprint(from: string = import.meta.url): string {
  const entry = createRequire(from).resolve('@fmrl/parser')
  const folder = packageFolder(entry, '@fmrl/parser')
  const record = folder ? installRecord(folder) : undefined
  const packages = record === undefined ? [...dependencyVersions('@fmrl/parser', from).keys()].sort() : sha256(record)
  const markdownModule = readFileSync(join(dirname(entry), 'markdown.js'), 'utf8')
  return sha256(JSON.stringify({entryFormat, packages, markdownModule}))
}

/** The names in a folder; none when there is no folder. */
async function namesIn(folder: string): Promise<string[]> {
  return readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return []
    throw error
  })
}

/** A tree as an entry file holds it, with what it was made of. */
interface Entry {
  format: typeof entryFormat
  /** The hash of the text (the file name says it too: a renamed file is no hit). */
  text: string
  tree: Root
}

/**
 * The parse cache of `fmrl lint` and `fmrl check`: each tree a run parsed, under
 * `.cache/fmrl/trees/<fingerprint>/<hash of the text>.json`. A hit is a tree made of the very same
 * text by the very same parser; anything else (a missing, unreadable, truncated or foreign entry) is
 * a miss, parsed again. Reading is synchronous (the parser asks as it goes); the new trees are written
 * at the end, by `save`, each atomically.
 */
export class FileTreeCache implements TreeCache {
  private readonly folder: string
  private readonly added = new Map<string, string>()
  private readonly used = new Set<string>()

  private readonly fingerprint: string
  /** Whether this run's trees are kept (`fmrl check`, which never writes, only reads). */
  private readonly write: boolean

  constructor(
    private readonly root: string,
    {fingerprint = parserFingerprint(), write = true}: {fingerprint?: string; write?: boolean} = {}
  ) {
    this.fingerprint = fingerprint
    this.write = write
    this.folder = join(root, treeCacheFolder, fingerprint)
  }

  get(text: string): Root | undefined {
    const key = sha256(text)
    const entry = this.read(key)
    if (!entry) return undefined
    this.used.add(key)
    return entry.tree
  }

  set(text: string, tree: Root): void {
    if (!this.write) return
    const key = sha256(text)
    // Serialised now: whoever gets the tree next may add to it.
    this.added.set(key, JSON.stringify({format: entryFormat, text: key, tree} satisfies Entry))
    this.used.add(key)
  }

  /** How many trees were read from the cache and how many parsed. */
  get counts(): {hits: number; parsed: number} {
    return {hits: this.used.size - this.added.size, parsed: this.added.size}
  }

  /**
   * Write the trees parsed in this run and drop what no run will read again: the folders of other
   * fingerprints, and (`prune`, after a run that read every file it lints) the entries this run did not use.
   */
  async save({prune = false}: {prune?: boolean} = {}): Promise<void> {
    if (!this.write) return
    const base = join(this.root, treeCacheFolder)
    if (this.added.size > 0) await mkdir(this.folder, {recursive: true})
    for (const name of await namesIn(base)) if (name !== this.fingerprint) await rm(join(base, name), {recursive: true, force: true})
    // Loaded only when there is something to write: a warm run reads and writes nothing.
    const writeFileAtomic = this.added.size > 0 ? (await import('write-file-atomic')).default : undefined
    for (const [key, entry] of this.added) await writeFileAtomic!(join(this.folder, `${key}.json`), entry)
    if (!prune) return
    for (const name of await namesIn(this.folder)) if (!this.used.has(name.replace(/\.json$/, ''))) await rm(join(this.folder, name), {force: true})
  }

  private read(key: string): Entry | undefined {
    try {
      const entry = JSON.parse(readFileSync(join(this.folder, `${key}.json`), 'utf8')) as Partial<Entry>
      return entry.format === entryFormat && entry.text === key && entry.tree?.type === 'root' ? (entry as Entry) : undefined
    } catch {
      return undefined
    }
  }
}

/** Save the cache at the end of a run. A cache that cannot be written changes no finding: it is said, and the next run parses again. */
export async function saveTreeCache(cache: FileTreeCache, options: {prune?: boolean}, io: Io, cwd: string): Promise<void> {
  await cache.save(options).catch((error: NodeJS.ErrnoException) => {
    const where = typeof error.path === 'string' ? ` on \`${relative(cwd, error.path)}\`` : ''
    io.err(`fmrl: the parse cache was not written (${error.code ?? error.message}${where}); the findings above are complete, the next run parses again (\`--no-cache\` skips the cache)`)
  })
}
