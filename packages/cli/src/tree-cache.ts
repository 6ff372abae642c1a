import {createHash} from 'node:crypto'
import {closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync} from 'node:fs'
import {readdir, rm} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {dirname, join, relative} from 'node:path'
import {threadId} from 'node:worker_threads'
import type {Survey} from '@fmrl/model'
import type {OutputMemory, SerializedTexts} from '@fmrl/render'
import {findingsInputs, type FindingJson, type LintSettings, type Lookups} from '@fmrl/lint'
import {packPosition, packSources, parseContent, SourceMap, unpackPosition, unpackSources, type ContentOptions, type ContentRead, type PackedPosition, type PackedSources, type TreeCache} from '@fmrl/parser'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {cacheFolder} from './ignore-files.js'
import type {Io} from './io.js'
import type {Threads} from './threads.js'

/** Where the trees are kept, relative to the root: one folder per parser fingerprint, one file per text. */
export const treeCacheFolder = `${cacheFolder}/trees`

/** Bumped when what an entry holds changes shape. */
const entryFormat = 2

/** The SHA-256 of a text, as every key and record of the cache holds it. */
export const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex')

/** The hash of content/ as read: every file's path and text, in order. */
const contentKey = (files: readonly VFile[]) => sha256(JSON.stringify(files.map((file) => [file.path, String(file.value)])))

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
 * `name@version` of a package and of everything it depends on (each dependency `follows` accepts), with
 * its folder, the package's own first, as Node resolves them from `from` (a type-only package, which
 * resolves to no code, is left out: it changes no tree).
 */
export function dependencyVersions(name: string, from: string, follows: (dependency: string) => boolean = () => true, seen = new Map<string, string>()): Map<string, string> {
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
  for (const dependency of Object.keys(manifest.dependencies ?? {}).sort()) if (follows(dependency)) dependencyVersions(dependency, join(folder, 'package.json'), follows, seen)
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

/** The source of every module of a package's build (its `dist` folder), by path: what a development checkout changes without a new version. */
function packageModules(folder: string): Array<[string, string]> {
  const dist = join(folder, 'dist')
  let names: string[]
  try {
    names = readdirSync(dist, {recursive: true, encoding: 'utf8'})
  } catch {
    return []
  }
  return names
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => [name, readFileSync(join(dist, name), 'utf8')])
}

/** Set by the bundler (see rolldown.config.mjs) to the fingerprints its packages had when bundled; absent when running dist/. */
declare const FMRL_BUNDLED_FINGERPRINTS: Readonly<Record<string, string>> | undefined

/**
 * In the bundle `fmrl` runs, each package's fingerprint as it was bundled: the bundle holds the code of
 * those packages and their dependencies, which cannot change without a new bundle, and reading and hashing
 * the ~100 modules of dist/ instead took 15 to 20 ms of every run, of a warm lint of our content in 0.25 s.
 */
const bundledFingerprints: Readonly<Record<string, string>> = typeof FMRL_BUNDLED_FINGERPRINTS === 'undefined' ? {} : FMRL_BUNDLED_FINGERPRINTS

/** The packages whose fingerprints key the cache's entries: the parser's trees and survey, the rules' findings, the renderer's outputs. */
export const fingerprintedPackages = ['@fmrl/parser', '@fmrl/lint', '@fmrl/render'] as const

/**
 * What the work of a package (the parser's trees and survey, the renderer's outputs) depends on
 * besides its input: the modules of the package and of the workspace packages it uses (a
 * development checkout changes them without a new version), and the version of every package it
 * uses, from the install record when there is one (reading ~80 package.json files instead costs more
 * than a tree of our content takes to load). An entry made under another fingerprint is never read.
 * Without `from`, the bundle gives the fingerprint it was bundled with.
 */
export function packageFingerprint(name: string, from?: string): string {
  return (from === undefined ? bundledFingerprints[name] : undefined) ?? computedFingerprint(name, from ?? import.meta.url)
}

function computedFingerprint(name: string, from: string): string {
  // The workspace packages (`@fmrl/…`) it depends on, and theirs.
  const own = dependencyVersions(name, from, (dependency) => dependency.startsWith('@fmrl/'))
  const [folder] = own.values()
  const record = folder ? installRecord(folder) : undefined
  const packages = record === undefined ? [...dependencyVersions(name, from).keys()].sort() : sha256(record)
  const modules = [...own].map(([id, at]) => [id, packageModules(at).map(([module, source]) => [module, sha256(source)])])
  return sha256(JSON.stringify({entryFormat, packages, modules}))
}

/** The fingerprint of the parser: the folder the trees and the survey of one parser are kept in. */
export const parserFingerprint = (from?: string): string => packageFingerprint('@fmrl/parser', from)

let renderer: string | undefined
/** The fingerprint of the renderer, what a record of outputs holds (computed once, when asked). */
const renderFingerprint = (): string => (renderer ??= packageFingerprint('@fmrl/render'))

let linter: string | undefined
/** The fingerprint of the rules (the lint package, and the parser and model it uses), what a file's findings are keyed by. */
const lintFingerprint = (): string => (linter ??= packageFingerprint('@fmrl/lint'))

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
  /** The tree with its positions packed (`packPositions`). */
  tree: Root
}

interface Positioned {
  position?: unknown
  children?: Positioned[]
}

/**
 * A copy of a tree whose positions are six numbers each instead of three objects (`packPosition`):
 * half the bytes of an entry, read back (`unpackPositions`) a third faster than the objects would
 * parse. A position without every offset stays as it is.
 */
function packPositions<T extends Positioned>(node: T): T {
  const packed: Positioned = {...node}
  const position = packPosition(node.position as Root['position'])
  if (position) packed.position = position
  if (node.children) packed.children = node.children.map(packPositions)
  return packed as T
}

/** The tree `packPositions` packed, its positions objects again (in place: the tree was just parsed from JSON). */
function unpackPositions<T extends Positioned>(node: T): T {
  if (Array.isArray(node.position)) node.position = unpackPosition(node.position as PackedPosition)
  for (const child of node.children ?? []) unpackPositions(child)
  return node
}

/** What content/ read into, as an entry file holds it, with what it was read from. */
interface ContentEntry {
  format: typeof entryFormat
  /** The hash of every content file's path and text. */
  content: string
  survey: Survey
  sources: PackedSources
  /** The kept reads (entry names) it was read from: a run that finds it keeps them for the next edit. */
  reads: string[]
}

/** The outputs `fmrl build` rendered from content/ and wrote, by their hashes, with what they were rendered from and by. */
interface OutputsEntry {
  format: typeof entryFormat
  content: string
  /** The renderer's fingerprint: outputs of another renderer are no record of these. */
  render: string
  outputs: Array<{path: string; hash: string}>
}

/** A part's serialized pieces (`SerializedTexts`: the Markdown outputs' cells and texts, or the page's rows), with the renderer that serialized them. */
interface SerializedEntry {
  format: typeof entryFormat
  render: string
  texts: Array<[string, string]>
}

/** The parts of a render whose serialized pieces are kept: the Markdown outputs' cells and texts, and the page's rows. */
type SerializedPart = keyof OutputMemory
const serializedParts = ['markdown', 'page'] as const satisfies readonly SerializedPart[]

/** A render's memory as a build gives it (`OutputMemory`, every part there): what the last build kept, and what this render fills. */
type BuildMemory = {[part in SerializedPart]: {texts: SerializedTexts; kept: ReadonlyMap<string, string> | undefined}}

/** The entry of a part's serialized pieces: each build replaces it with what its render used. */
const serializedEntry = (part: SerializedPart) => `serialized-${part}`

/** The content files the last kept read of content/ read (`setContent`), each as its path and the hash of its text. */
interface LastReadEntry {
  format: typeof entryFormat
  files: Array<[string, string]>
}

/** The entry of the content files last read (`LastReadEntry`): one, rewritten by each kept read of content/. */
const lastReadEntry = 'last-read'

/** The entry of a content file's kept read, by the hash of its key. */
const readEntryName = (hash: string) => `read-${hash}`

/** The entries that stand for one state of content/ as a whole: a run that read content/ keeps only its own. */
const supersededByContent = /^(content|read|outputs)-/

/** A file's findings, with what they were found in and by. */
interface FindingsEntry {
  format: typeof entryFormat
  /** The hash of the rules' fingerprint, the file's path and text, and the configuration. */
  key: string
  /** What the rules that read a part of the data looked it up by in this text. */
  lookups: Lookups
  /** The hash of the findings' inputs (`findingsInputs`) for those lookups: the part of the data they were found with. */
  inputs: string
  findings: FindingJson[]
}

/** A content file's read, as an entry file holds it (see the parser's `TreeCache.getRead`). */
interface ReadEntry {
  format: typeof entryFormat
  /** The hash of the read's key: what was read, the file's path and text, and what it was read against. */
  key: string
  read: unknown
}

/** The part of a read of content/ that the cache keeps. */
export type CachedContent = Pick<ContentRead, 'survey' | 'sources' | 'trees'>

/**
 * The parse cache of `fmrl lint` and `fmrl check`: each tree a run parsed, under
 * `.cache/fmrl/trees/<fingerprint>/<hash of the text>.json`. A hit is a tree made of the very same
 * text by the very same parser; anything else (a missing, unreadable, truncated or foreign entry) is
 * a miss, parsed again. Reading and writing are synchronous (the parser asks and tells as it goes):
 * each new tree is written the moment it is parsed, through a temporary file renamed into place; lint
 * reads back the tree of a file whose tree the read of content/ did not hand it.
 * Beside the trees, the survey read from content/ (`content-<hash>.json`), for the same texts of
 * every content file: a run that finds it builds no model; and what each methods and references file
 * read into (`read-<hash>.json`): a run that does not find the survey reads only the files that changed;
 * and what the last build serialized (`serialized-<part>.json`): the next build takes those pieces.
 */
export class FileTreeCache implements TreeCache {
  private readonly folder: string
  private readonly added = new Set<string>()
  private readonly used = new Set<string>()
  /** The kept reads this run read or wrote: the ones its read of content/ stands on. */
  private readonly reads = new Set<string>()
  /** Whether this run read content/ (`getContent`): its survey, kept reads and outputs record then supersede any other. */
  private readContent = false
  /** The first write that failed: `save` reports it, and the trees not written are parsed again next time. */
  private failure: NodeJS.ErrnoException | undefined

  /** The parser's fingerprint: the folder of its trees, and what a helper writing into it must be given. */
  readonly fingerprint: string
  /** Whether this run's trees are kept (not by `fmrl check`, which never writes, only reads). */
  readonly write: boolean

  constructor(
    /** The root whose `.cache/fmrl` holds the trees. */
    readonly root: string,
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
    return unpackPositions(entry.tree)
  }

  /** Keep a tree; whether it was written. */
  set(text: string, tree: Root): boolean {
    const key = sha256(text)
    // Serialised now: whoever gets the tree next may add to it.
    const written = this.writeEntry(key, {format: entryFormat, text: key, tree: packPositions(tree)} satisfies Entry)
    if (written) this.added.add(key)
    return written
  }

  /** Whether a tree of this text is kept (readable or not: `get` tells). */
  has(text: string): boolean {
    return existsSync(this.pathOf(sha256(text)))
  }

  /** Count trees that helper threads parsed for this run and wrote here as this run's own. */
  addParsed(texts: readonly string[]): void {
    for (const text of texts) this.added.add(sha256(text))
  }

  getRead(key: string): unknown {
    const hash = sha256(key)
    const entry = this.readEntry<ReadEntry>(readEntryName(hash), (read) => read.key === hash && 'read' in read)
    if (!entry) return undefined
    this.used.add(readEntryName(hash))
    this.reads.add(readEntryName(hash))
    return entry.read
  }

  setRead(key: string, read: unknown): void {
    const hash = sha256(key)
    if (this.writeEntry(readEntryName(hash), {format: entryFormat, key: hash, read} satisfies ReadEntry)) this.reads.add(readEntryName(hash))
  }

  /** The survey and its places read before from content/ files with these very paths and texts, none of which carries a message (as when it was kept). */
  getContent(files: readonly VFile[]): CachedContent | undefined {
    // Kept only for content/ read without a message, so given only for such: a read with one reads it all again.
    if (files.some((file) => file.messages.length > 0)) return undefined
    const key = contentKey(files)
    this.readContent = true
    // What a read of content/ stands on is what it reads from here on (`lint --fix` reads it twice).
    this.reads.clear()
    const entry = this.readEntry<ContentEntry>(`content-${key}`, (read) => read.content === key && typeof read.survey === 'object' && Array.isArray(read.reads) && read.reads.every((name) => typeof name === 'string'))
    // The record of the outputs rendered from this very content/ stays as long as its survey does.
    this.used.add(`outputs-${key}`)
    const sources = entry && unpackSources(entry.sources)
    if (!entry || !sources) return undefined
    this.used.add(`content-${key}`)
    // Not read this time, they are what the next edit reads every other file from.
    for (const name of entry.reads) this.used.add(name)
    return {survey: entry.survey, sources: new SourceMap(sources), trees: new Map()}
  }

  /** Keep what content/ read into, when it was a survey without a single message on its files (so there are none to give back). */
  setContent(files: readonly VFile[], read: CachedContent): void {
    if (!read.survey || files.some((file) => file.messages.length > 0)) return
    const key = contentKey(files)
    this.writeEntry(`content-${key}`, {format: entryFormat, content: key, survey: read.survey, sources: packSources(read.sources), reads: [...this.reads]} satisfies ContentEntry)
    this.writeEntry(lastReadEntry, {format: entryFormat, files: files.map((file) => [file.path, sha256(String(file.value))])} satisfies LastReadEntry)
  }

  /**
   * The bytes of those of `files` whose text the last kept read of content/ did not read (every
   * file's, when there was none): about what a read of them parses, where the others' reads are kept.
   */
  unreadBytes(files: readonly VFile[]): number {
    const last = this.readEntry<LastReadEntry>(lastReadEntry, (entry) => Array.isArray(entry.files))
    const read = new Map(last?.files)
    return files.reduce((sum, file) => (read.get(file.path) === sha256(String(file.value)) ? sum : sum + Buffer.byteLength(String(file.value))), 0)
  }

  /**
   * The outputs (paths and SHA-256 of their bytes) that `fmrl build` rendered from content/ files
   * with these very paths and texts, by this very renderer, when it wrote them.
   */
  getOutputs(files: readonly VFile[]): Array<{path: string; hash: string}> | undefined {
    const key = contentKey(files)
    const render = renderFingerprint()
    const entry = this.readEntry<OutputsEntry>(`outputs-${key}`, (read) => read.content === key && read.render === render && Array.isArray(read.outputs))
    if (!entry) return undefined
    this.used.add(`outputs-${key}`)
    return entry.outputs
  }

  /** Record the outputs (paths and `sha256` of their text) that `fmrl build` rendered from these content files and wrote. */
  setOutputs(files: readonly VFile[], outputs: ReadonlyArray<{path: string; hash: string}>): void {
    const key = contentKey(files)
    this.writeEntry(`outputs-${key}`, {format: entryFormat, content: key, render: renderFingerprint(), outputs: [...outputs]} satisfies OutputsEntry)
  }

  /** A render's memory: for each part, what the last build kept to take from and a fresh map of what this render uses (for `keepSerialized`). */
  serializedMemory(): BuildMemory {
    const memory = (part: SerializedPart) => ({texts: new Map<string, string>(), kept: this.getSerialized(part)})
    return {markdown: memory('markdown'), page: memory('page')}
  }

  /** Keep what a render serialized and used of each part, in place of what the last one kept. */
  keepSerialized(memory: BuildMemory): void {
    for (const part of serializedParts) this.setSerialized(part, memory[part].texts)
  }

  /** The pieces of a part that the last build by this very renderer serialized and used, for the next render to take from (`SerializedMemory`'s `kept`). */
  getSerialized(part: SerializedPart): Map<string, string> | undefined {
    const render = renderFingerprint()
    // Pieces are taken as they are (page rows as HTML): an entry with anything but pairs of strings is foreign.
    const strings = (pair: unknown) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string'
    const entry = this.readEntry<SerializedEntry>(serializedEntry(part), (read) => read.render === render && Array.isArray(read.texts) && read.texts.every(strings))
    return entry && new Map(entry.texts)
  }

  /** Keep what this render serialized and used of a part, in place of what the last one kept. */
  setSerialized(part: SerializedPart, texts: SerializedTexts): void {
    this.writeTextsEntry(serializedEntry(part), {format: entryFormat, render: renderFingerprint(), texts: [...texts]})
  }

  /** The key of a file's findings entry: the rules' fingerprint, the path the rules see, the text, and the configuration. */
  private findingsKey(path: string, text: string, settings: LintSettings): string {
    return sha256(JSON.stringify([lintFingerprint(), path, sha256(text), settings.rules ?? {}]))
  }

  /**
   * The findings the rules made on a file with this path and text, under this configuration, when
   * the data they read (the part the file looked up, for a rule that reads a part) was what it is now.
   */
  getFindings(path: string, text: string, settings: LintSettings): FindingJson[] | undefined {
    const key = this.findingsKey(path, text, settings)
    const entry = this.readEntry<FindingsEntry>(`findings-${key}`, (read) => read.key === key && typeof read.inputs === 'string' && typeof read.lookups === 'object' && read.lookups !== null && Array.isArray(read.findings))
    if (!entry || entry.inputs !== this.inputsHash(settings, entry.lookups)) return undefined
    this.used.add(`findings-${key}`)
    return entry.findings
  }

  setFindings(path: string, text: string, settings: LintSettings, lookups: Lookups, findings: FindingJson[]): void {
    const key = this.findingsKey(path, text, settings)
    this.writeEntry(`findings-${key}`, {format: entryFormat, key, lookups, inputs: this.inputsHash(settings, lookups), findings} satisfies FindingsEntry)
  }

  /** The last inputs hashed: a file whose findings were not kept is linted, then kept with the same lookups, mostly. */
  private lastInputs: {settings: LintSettings; lookups: string; hash: string} | undefined

  /** The hash of a file's findings inputs (a file's part of the survey takes a while to make at 10,000 rows). */
  private inputsHash(settings: LintSettings, lookups: Lookups): string {
    const written = JSON.stringify(lookups)
    if (this.lastInputs?.settings !== settings || this.lastInputs.lookups !== written) this.lastInputs = {settings, lookups: written, hash: sha256(findingsInputs(settings, lookups))}
    return this.lastInputs.hash
  }

  /** Keep the trees of texts that were not read (their file's findings or read were kept instead): a run that needs them later reads them. */
  keep(texts: readonly string[]): void {
    for (const text of texts) this.used.add(sha256(text))
  }

  /** How many trees were read from the cache and how many parsed (and written). */
  get counts(): {hits: number; parsed: number} {
    const trees = [...this.used].filter((name) => !/^(content|outputs|findings|read|serialized)-/.test(name)).length
    return {hits: trees - this.added.size, parsed: this.added.size}
  }

  /**
   * Drop what no run will read again: the folders of other fingerprints; after a run that read
   * content/, the surveys, kept reads and outputs records of any other content/ (each edit made new
   * ones, and a run given files, or a build, would otherwise keep them all); and (`prune`, after a run
   * that read every file it lints) every entry this run did not use. Rejects with the first write
   * that failed.
   */
  async save({prune = false}: {prune?: boolean} = {}): Promise<void> {
    if (!this.write) return
    if (this.failure) throw this.failure
    const base = join(this.root, treeCacheFolder)
    for (const name of await namesIn(base)) if (name !== this.fingerprint) await rm(join(base, name), {recursive: true, force: true})
    if (!prune && !this.readContent) return
    const kept = (file: string) => {
      const name = file.replace(/\.json$/, '')
      // The serialized pieces stay: lint renders nothing, and the next build takes from them; so does the list of the files last read, which only the next kept read replaces.
      if (this.used.has(name) || name === lastReadEntry || serializedParts.some((part) => name === serializedEntry(part))) return true
      // Without `prune`, only whole entries of another content/ go: a temporary file may be another run's, being written.
      return !prune && !(file.endsWith('.json') && supersededByContent.test(name))
    }
    for (const name of await namesIn(this.folder)) if (!kept(name)) await rm(join(this.folder, name), {force: true})
  }

  /** The file of an entry. */
  private pathOf(name: string): string {
    return join(this.folder, `${name}.json`)
  }

  private read(key: string): Entry | undefined {
    return this.readEntry<Entry>(key, (entry) => entry.text === key && entry.tree?.type === 'root')
  }

  /** An entry of this format that `fits`, or undefined for a missing, unreadable, truncated or foreign one. */
  private readEntry<T extends {format: number}>(name: string, fits: (entry: Partial<T>) => boolean): T | undefined {
    try {
      const entry = JSON.parse(readFileSync(this.pathOf(name), 'utf8')) as Partial<T>
      return entry.format === entryFormat && fits(entry) ? (entry as T) : undefined
    } catch {
      return undefined
    }
  }

  /**
   * Write an entry now, through a temporary file renamed into place (a run stopped mid-write leaves
   * a temporary file, which the next pruning run removes, never a torn entry). Whether it was written:
   * after the first failure nothing more is tried, and `save` reports it.
   */
  private writeEntry(name: string, entry: Entry | ContentEntry | OutputsEntry | FindingsEntry | ReadEntry | LastReadEntry): boolean {
    return this.writeEntryText(name, [JSON.stringify(entry)])
  }

  /**
   * An entry whose `texts` may be large (`SerializedEntry`), written a few thousand pairs at a time:
   * the JSON `writeEntry` writes, without making it one string (at 50,000 rows the Markdown pieces are
   * about 120 MB of JSON, a string twice that in memory).
   */
  private writeTextsEntry(name: string, entry: SerializedEntry): boolean {
    // `texts` last, so that the head without its `[]}` is where the pairs go.
    const head = JSON.stringify({format: entry.format, render: entry.render, texts: []} satisfies SerializedEntry)
    // Made one part at a time, as they are written.
    const parts = function* () {
      yield head.slice(0, -2)
      for (let start = 0; start < entry.texts.length; start += 4096) {
        yield `${start === 0 ? '' : ','}${entry.texts.slice(start, start + 4096).map((pair) => JSON.stringify(pair)).join(',')}`
      }
      yield head.slice(-2)
    }
    return this.writeEntryText(name, parts())
  }

  /** Write an entry's text, given in parts, as `writeEntry` describes. */
  private writeEntryText(name: string, parts: Iterable<string>): boolean {
    if (!this.write || this.failure) return false
    const path = this.pathOf(name)
    // Helper threads of this process write too: the thread is part of the name.
    const temporary = `${path}.${process.pid}-${threadId}.tmp`
    try {
      mkdirSync(this.folder, {recursive: true})
      const descriptor = openSync(temporary, 'w')
      try {
        for (const part of parts) {
          const bytes = Buffer.from(part)
          for (let offset = 0; offset < bytes.length; ) offset += writeSync(descriptor, bytes, offset)
        }
      } finally {
        closeSync(descriptor)
      }
      renameSync(temporary, path)
    } catch (error) {
      this.failure = error as NodeJS.ErrnoException
      try {
        rmSync(temporary, {force: true})
      } catch {
        // Where the folder could not be made there is no temporary file either.
      }
      return false
    }
    this.used.add(name)
    return true
  }
}

/**
 * Save the cache at the end of a run. A cache that cannot be written changes no result: it is said,
 * with what stands (`unchanged`: lint's findings, build's outputs), and the next run does the work again.
 */
export async function saveTreeCache(cache: FileTreeCache, options: {prune?: boolean; unchanged: string}, io: Io, cwd: string): Promise<void> {
  await cache.save(options).catch((error: NodeJS.ErrnoException) => {
    const where = typeof error.path === 'string' ? ` on \`${relative(cwd, error.path)}\`` : ''
    io.err(`fmrl: the parse cache was not written (${error.code ?? error.message}${where}); ${options.unchanged}`)
  })
}

/**
 * How many characters of content/ a read hands back the trees of (`keepTrees`), in the order the files
 * are read, and past that, the tree of a larger file when it is the only one parsed (after an edit, the
 * others' kept reads are taken); lint parses the others again, or reads their trees from the cache, as
 * it lints them. A tree takes about 46 bytes a character, and its rows are read again in a fifth of a
 * second a megabyte (table-rows.ts): so a small content/ (ours is 33,000 characters) is read once, and
 * a large one is not held whole (at 10,000 rows, 3.3 million characters, holding every tree saved a cold
 * lint 0.1 to 0.8 s and raised its peak from about 378 to 435 MB; bench/README.md). Handing back the one
 * file parsed after an edit saves the 10k re-lint the second read of its 720,000 characters.
 */
const handedTreesBudget = 250_000

/**
 * parseContent through the cache: the survey read before from the same content files when there is
 * one, else a read (each tree from the cache where it can be, the rest parsed ahead on helper threads
 * as `threads` allows) that is then kept; with `keepTrees`, the trees of the files read, up to
 * `handedTreesBudget` (lint parses or reads from the cache the others', and those of the files whose
 * kept read was taken, as it lints them). Without a cache, the read parseContent gives, with the same budget.
 */
export async function parseContentCached(files: VFile[], cache: FileTreeCache | undefined, options: Pick<ContentOptions, 'keepTrees'> & {threads?: Threads | undefined} = {}): Promise<CachedContent> {
  const {threads = 'auto', keepTrees} = options
  const budget = keepTrees === true ? handedTreesBudget : keepTrees
  if (!cache) return contentRead(parseContent(files, {keepTrees: budget}))
  const cached = cache.getContent(files)
  if (cached) return cached
  // Loaded only on a miss.
  if (threads !== 'off') await (await import('./parse-ahead.js')).parseAhead(cache, files, threads)
  const read = contentRead(parseContent(files, {cache, keepTrees: budget}))
  cache.setContent(files, read)
  return read
}

/**
 * Only what a command uses of a read. The rest of it is the draft: a second copy of every method, as
 * read before validation (the survey's are the schema's copies). A caller that awaits the read holds
 * the object it was given as long as its own frame is suspended, which is the whole build, so the
 * draft is not in it: at 50,000 rows about 90 MB.
 */
function contentRead({survey, sources, trees}: CachedContent): CachedContent {
  return {survey, sources, trees}
}
