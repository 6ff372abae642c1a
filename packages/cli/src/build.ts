import {parseContent} from '@fmrl/parser'
import {renderOutputs, type Output} from '@fmrl/render'
import type {VFile} from 'vfile'
import {readContentFiles} from './content-files.js'
import {hasErrors} from './report.js'

/** The rendered outputs, or the content files carrying the messages that stopped rendering. */
export type Rendered = {outputs: Output[]; files: VFile[]} | {outputs: undefined; files: VFile[]}

/** Read and parse content/, then render every output in memory; nothing is written here. */
export async function renderFromContent(root: string, contentDirectory: string): Promise<Rendered> {
  const files = await readContentFiles(root, contentDirectory)
  if (files.length === 0) return {outputs: undefined, files}
  const {survey} = parseContent(files)
  if (!survey || hasErrors(files)) return {outputs: undefined, files}
  return {outputs: renderOutputs(survey), files}
}
