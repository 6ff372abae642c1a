import type {Survey} from '@fmrl/model'
import {eachDataOutput, eachMarkdownOutput, renderPageParts, type Output, type OutputMemory, type SerializedMemory, type SerializedTexts} from '@fmrl/render'
import {startThread, threadsFor, type StartedThread, type Threads} from './threads.js'
import {decodeOutput, encodeOutput, encodeParts, type OutputFile} from './write.js'

/** The helper thread's module. */
export const renderWorker = new URL('render-worker.js', import.meta.url)

/** What the helper is given: the survey, and the page's rows an earlier render made. */
export interface RenderTask {
  survey: Survey
  kept?: ReadonlyMap<string, string> | undefined
}

/** What the helper gives back: the page as bytes (transferred, not copied), and the rows of its table it made and used (for `memory.page.texts`). */
export interface RenderResult {
  output: OutputFile
  texts: SerializedTexts
}

/**
 * The helper thread that renders the web page, started now so that it loads the renderer while this
 * thread reads content/: for `bytes` of content that `threads` allows a helper for, else undefined.
 * Whoever starts it stops it (`stop`), rendered or not.
 */
export function startPageThread(threads: Threads, bytes: number, worker = renderWorker): StartedThread<RenderResult> | undefined {
  return threadsFor(threads, bytes) === 0 ? undefined : startThread<RenderResult>(worker)
}

/**
 * Every output, as `renderOutputs` gives them. With a page thread (`startPageThread`), the web page
 * (the last output, and the largest) is rendered on it while this thread renders the others (the
 * Markdown, the LaTeX, the JSON): the same functions on a copy of the survey (and of the page's kept
 * rows), so the same bytes. A page the helper does not give back (it failed to load, or crashed) this
 * thread renders after its own. `memory` is filled as `renderOutputs` fills it, wherever each part
 * was rendered.
 */
export async function renderOutputsOnThreads(survey: Survey, pageThread: StartedThread<RenderResult> | undefined, options: {memory?: OutputMemory} = {}): Promise<Output[]> {
  return (await collect(eachOutputOnThreads(survey, pageThread, options))).map(decodeOutput)
}

/** Every item of `items`, in order (Node 20 has no `Array.fromAsync`). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}

/**
 * `renderOutputsOnThreads` one output at a time, as the files it writes (`OutputFile`), each of this
 * thread's rendered and encoded when it is asked for (`eachOutput`): a caller that writes each before
 * asking for the next holds one of them, and the page's bytes once the helper gives them. The helper
 * is given its task when the first output is asked for.
 */
export async function* eachOutputOnThreads(survey: Survey, pageThread: StartedThread<RenderResult> | undefined, {memory = {}}: {memory?: OutputMemory} = {}): AsyncGenerator<OutputFile> {
  const page = pageThread?.run({survey, kept: memory.page?.kept} satisfies RenderTask)
  for (const output of eachMarkdownOutput(survey, memory.markdown)) yield encodeOutput(output)
  for (const output of eachDataOutput(survey)) yield encodeOutput(output)
  const helped = await page
  if (!helped) {
    yield renderPageFile(survey, memory.page)
    return
  }
  for (const [key, value] of helped.texts) memory.page?.texts?.set(key, value)
  yield helped.output
}

/** The web page as the file it is written as, encoded from its parts (`renderPageParts`), wherever it is rendered. */
export function renderPageFile(survey: Survey, memory?: SerializedMemory): OutputFile {
  return encodeParts(renderPageParts(survey, memory))
}
