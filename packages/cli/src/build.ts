import type {Survey} from '@fmrl/model'
import type {SourceMap} from '@fmrl/parser'
import type {Output} from '@fmrl/render'
import type {VFile} from 'vfile'
import {readContentFiles} from './content-files.js'
import {UsageError, type Io} from './io.js'
import {formatGithub, type LintFormat} from './lint-report.js'
import {collect, eachOutputOnThreads, startPageThread} from './render-threads.js'
import {formatHuman, hasErrors} from './report.js'
import type {Threads} from './threads.js'
import {parseContentCached, type FileTreeCache} from './tree-cache.js'
import {decodeOutput, type OutputFile} from './write.js'

/** content/ read with its outputs (`O`) and the model and where its values came from, or the content files carrying the messages that stopped rendering. */
type ContentRendered<O> =
  | {outputs: O; files: VFile[]; survey: Survey; sources: SourceMap}
  | {outputs: undefined; files: VFile[]; survey: undefined; sources: undefined}

/** The rendered outputs (see `ContentRendered`). */
export type Rendered = ContentRendered<Output[]>

/** As `Rendered`, with the outputs still to render, one at a time, as the files they are written as (`renderEach`). */
export type ReadyToRender = ContentRendered<AsyncIterable<OutputFile>>

/** Read and parse content/, then render every output in memory; nothing is written here. */
export async function renderFromContent(root: string, contentDirectory: string, cache?: FileTreeCache, threads?: Threads): Promise<Rendered> {
  return renderEach(root, contentDirectory, {cache, threads}, async (ready) => (ready.outputs ? {...ready, outputs: (await collect(ready.outputs)).map(decodeOutput)} : ready))
}

/**
 * Read and parse content/, and give `use` its outputs to render one at a time, each when it is asked
 * for (`eachOutputOnThreads`): a build that writes each before asking for the next holds one. What
 * the render serialized is kept in the cache once `use` is done, if it took every output. The page's
 * helper thread stops when `use` is done, whether it took every output or not.
 */
export async function renderEach<T>(root: string, contentDirectory: string, {cache, threads}: {cache?: FileTreeCache | undefined; threads?: Threads | undefined}, use: (ready: ReadyToRender) => Promise<T>): Promise<T> {
  const files = await readContentFiles(root, contentDirectory)
  const failed = {outputs: undefined, files, survey: undefined, sources: undefined}
  if (files.length === 0) return use(failed)
  const bytes = files.reduce((sum, file) => sum + String(file.value).length, 0)
  const pageThread = startPageThread(threads ?? 'auto', bytes)
  try {
    const {survey, sources} = await parseContentCached(files, cache, {threads})
    if (!survey || hasErrors(files)) return await use(failed)
    // What the last build serialized: a row edited since serializes its cells and its page row again, the others' are taken.
    const memory = cache?.serializedMemory()
    let rendered = false
    async function* outputs(): AsyncGenerator<OutputFile> {
      yield* eachOutputOnThreads(survey!, pageThread, {memory})
      rendered = true
    }
    const result = await use({outputs: outputs(), files, survey, sources})
    // Once `use` is done, so that no output it held is held while the pieces are written.
    if (rendered && cache && memory) cache.keepSerialized(memory)
    return result
  } finally {
    pageThread?.stop()
  }
}

/** The options every command that renders content/ takes. */
export interface ContentOptions {
  root: string
  content: string
  /** How content errors print: `human` on stderr (the default), or `github` annotations on stdout as well. */
  format?: Extract<LintFormat, 'human' | 'github'> | undefined
  /** The parse cache: what earlier runs read of the content files, read instead of parsing them again. */
  cache?: FileTreeCache | undefined
  /** `--threads`: helper threads that parse content/ into the cache first (default `auto`). */
  threads?: Threads | undefined
}

/** Render from content/; on content errors print them, then `outcome`, and return undefined. */
export async function renderOrReport(options: ContentOptions, io: Io, outcome: string): Promise<Extract<Rendered, {survey: Survey}> | undefined> {
  const rendered = await renderFromContent(options.root, options.content, options.cache, options.threads)
  if (rendered.outputs) return rendered
  reportNotRendered(rendered.files, options, io, outcome)
  return undefined
}

/** `renderEach` from content/ for `use`; on content errors print them, then `outcome`, and give undefined without calling `use`. */
export async function renderEachOrReport<T>(options: ContentOptions, io: Io, outcome: string, use: (ready: Extract<ReadyToRender, {survey: Survey}>) => Promise<T>): Promise<T | undefined> {
  return renderEach(options.root, options.content, options, async (ready) => {
    if (ready.outputs) return use(ready)
    reportNotRendered(ready.files, options, io, outcome)
    return undefined
  })
}

/** Why content/ did not render: no files (a usage error), or the content errors, printed with `outcome`. */
function reportNotRendered(files: readonly VFile[], options: ContentOptions, io: Io, outcome: string): void {
  if (files.length === 0) throw new UsageError(`No Markdown files in \`${options.content}\`, expected the content folder (see --content)`)
  reportContentErrors(files, options, io, outcome)
}

/** Content errors, then what was not done: on stderr, and with `--format github` as annotations on stdout too. */
export function reportContentErrors(files: readonly VFile[], options: Pick<ContentOptions, 'format'>, io: Io, outcome: string): void {
  if (options.format === 'github') io.out(formatGithub(files))
  io.err(`${formatHuman(files, {color: io.color?.err})}\n${outcome}`)
}
