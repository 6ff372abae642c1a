import type {Survey} from '@fmrl/model'
import {renderMarkdownOutputs, renderOtherOutputs, renderOutputs, type Output, type SerializedMemory} from '@fmrl/render'
import {runOnThread, threadsFor, type Threads} from './threads.js'

/** The helper thread's module. */
export const renderWorker = new URL('render-worker.js', import.meta.url)

/**
 * Every output, as `renderOutputs` gives them. From a survey read from `bytes` of content that
 * `threads` allows a helper for, the outputs that are not Markdown (LaTeX, JSON, the web page) are
 * rendered on a helper thread while this one renders the Markdown: the same functions on a copy of
 * the survey, so the same bytes. What the helper does not give back (it failed to load, or crashed)
 * this thread renders after its own. The Markdown is rendered with `memory` (on this thread, always).
 */
export async function renderOutputsOnThreads(survey: Survey, threads: Threads, bytes: number, {worker = renderWorker, memory}: {worker?: URL; memory?: SerializedMemory | undefined} = {}): Promise<Output[]> {
  if (threadsFor(threads, bytes) === 0) return renderOutputs(survey, memory)
  const other = runOnThread<Output[]>(worker, survey)
  const markdown = renderMarkdownOutputs(survey, memory)
  return [...markdown, ...((await other) ?? renderOtherOutputs(survey))]
}
