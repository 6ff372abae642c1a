import {parentPort} from 'node:worker_threads'
import {renderPageFile, type RenderResult, type RenderTask} from './render-threads.js'

// A helper thread of `renderOutputsOnThreads`: the web page, from a copy of the survey, posted once the renderer is loaded.
parentPort?.once('message', ({survey, kept}: RenderTask) => {
  const texts = new Map<string, string>()
  const output = renderPageFile(survey, {texts, kept})
  // The bytes move to the main thread, not copied: encodeParts gives them a buffer of their own.
  parentPort?.postMessage({output, texts} satisfies RenderResult, [output.bytes.buffer as ArrayBuffer])
})
