import type {Survey} from '@fmrl/model'
import type {SourceMap} from '@fmrl/parser'
import type {Output} from '@fmrl/render'
import type {VFile} from 'vfile'
import {readContentFiles} from './content-files.js'
import {UsageError, type Io} from './io.js'
import {formatGithub, type LintFormat} from './lint-report.js'
import {renderOutputsOnThreads, startPageThread} from './render-threads.js'
import {formatHuman, hasErrors} from './report.js'
import type {Threads} from './threads.js'
import {parseContentCached, type FileTreeCache} from './tree-cache.js'

/** The rendered outputs with the model and where its values came from, or the content files carrying the messages that stopped rendering. */
export type Rendered =
  | {outputs: Output[]; files: VFile[]; survey: Survey; sources: SourceMap}
  | {outputs: undefined; files: VFile[]; survey: undefined; sources: undefined}

/** Read and parse content/, then render every output in memory; nothing is written here. */
export async function renderFromContent(root: string, contentDirectory: string, cache?: FileTreeCache, threads?: Threads): Promise<Rendered> {
  const files = await readContentFiles(root, contentDirectory)
  const failed = {outputs: undefined, files, survey: undefined, sources: undefined}
  if (files.length === 0) return failed
  const bytes = files.reduce((sum, file) => sum + String(file.value).length, 0)
  const pageThread = startPageThread(threads ?? 'auto', bytes)
  try {
    const {survey, sources} = await parseContentCached(files, cache, {threads})
    if (!survey || hasErrors(files)) return failed
    // What the last build serialized: a row edited since serializes its cells and its page row again, the others' are taken.
    const memory = cache?.serializedMemory()
    const outputs = await renderOutputsOnThreads(survey, pageThread, {memory})
    if (cache && memory) cache.keepSerialized(memory)
    return {outputs, files, survey, sources}
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
  if (rendered.files.length === 0) throw new UsageError(`No Markdown files in \`${options.content}\`, expected the content folder (see --content)`)
  if (rendered.outputs) return rendered
  reportContentErrors(rendered.files, options, io, outcome)
  return undefined
}

/** Content errors, then what was not done: on stderr, and with `--format github` as annotations on stdout too. */
export function reportContentErrors(files: readonly VFile[], options: Pick<ContentOptions, 'format'>, io: Io, outcome: string): void {
  if (options.format === 'github') io.out(formatGithub(files))
  io.err(`${formatHuman(files, {color: io.color?.err})}\n${outcome}`)
}
