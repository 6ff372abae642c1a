import type {Survey} from '@fmrl/model'
import {parseContent, type SourceMap} from '@fmrl/parser'
import {renderOutputs, type Output} from '@fmrl/render'
import type {VFile} from 'vfile'
import {readContentFiles} from './content-files.js'
import {UsageError, type Io} from './io.js'
import {formatHuman, hasErrors} from './report.js'

/** The rendered outputs with the model and where its values came from, or the content files carrying the messages that stopped rendering. */
export type Rendered =
  | {outputs: Output[]; files: VFile[]; survey: Survey; sources: SourceMap}
  | {outputs: undefined; files: VFile[]; survey: undefined; sources: undefined}

/** Read and parse content/, then render every output in memory; nothing is written here. */
export async function renderFromContent(root: string, contentDirectory: string): Promise<Rendered> {
  const files = await readContentFiles(root, contentDirectory)
  const failed = {outputs: undefined, files, survey: undefined, sources: undefined}
  if (files.length === 0) return failed
  const {survey, sources} = parseContent(files)
  if (!survey || hasErrors(files)) return failed
  return {outputs: renderOutputs(survey), files, survey, sources}
}

/** Render from content/; on content errors print them, then `outcome`, and return undefined. */
export async function renderOrReport(options: {root: string; content: string}, io: Io, outcome: string): Promise<Extract<Rendered, {survey: Survey}> | undefined> {
  const rendered = await renderFromContent(options.root, options.content)
  if (rendered.files.length === 0) throw new UsageError(`No Markdown files in \`${options.content}\`, expected the content folder (see --content)`)
  if (rendered.outputs) return rendered
  io.err(`${formatHuman(rendered.files)}\n${outcome}`)
  return undefined
}
