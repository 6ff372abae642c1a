import type {Survey} from '@fmrl/model'
import {renderDataOutputs, renderMarkdownOutputs, renderOutputs, renderPageOutput, type Output, type OutputMemory, type SerializedTexts} from '@fmrl/render'
import {runOnThread, threadsFor, type Threads} from './threads.js'

/** The helper thread's module. */
export const renderWorker = new URL('render-worker.js', import.meta.url)

/** What the helper is given: the survey, and the page's rows an earlier render made. */
export interface RenderTask {
  survey: Survey
  kept?: ReadonlyMap<string, string> | undefined
}

/** What the helper gives back: the page, and the rows of its table it made and used (for `memory.page.texts`). */
export interface RenderResult {
  output: Output
  texts: SerializedTexts
}

/**
 * Every output, as `renderOutputs` gives them. From a survey read from `bytes` of content that
 * `threads` allows a helper for, the web page (the last output, and the largest) is rendered on a
 * helper thread while this one renders the others (the Markdown, the LaTeX, the JSON): the same
 * functions on a copy of the survey (and of the page's kept rows), so the same bytes. A page the
 * helper does not give back (it failed to load, or crashed) this thread renders after its own.
 * `memory` is filled as `renderOutputs` fills it, wherever each part was rendered.
 */
export async function renderOutputsOnThreads(survey: Survey, threads: Threads, bytes: number, {worker = renderWorker, memory = {}}: {worker?: URL; memory?: OutputMemory} = {}): Promise<Output[]> {
  if (threadsFor(threads, bytes) === 0) return renderOutputs(survey, memory)
  const page = runOnThread<RenderResult>(worker, {survey, kept: memory.page?.kept} satisfies RenderTask)
  const others = [...renderMarkdownOutputs(survey, memory.markdown), ...renderDataOutputs(survey)]
  const helped = await page
  if (!helped) return [...others, renderPageOutput(survey, memory.page)]
  for (const [key, value] of helped.texts) memory.page?.texts?.set(key, value)
  return [...others, helped.output]
}
