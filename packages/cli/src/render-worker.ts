import {parentPort} from 'node:worker_threads'
import {renderPageOutput} from '@fmrl/render'
import type {RenderResult, RenderTask} from './render-threads.js'

// A helper thread of `renderOutputsOnThreads`: the web page, from a copy of the survey, posted once the renderer is loaded.
parentPort?.once('message', ({survey, kept}: RenderTask) => {
  const texts = new Map<string, string>()
  parentPort?.postMessage({output: renderPageOutput(survey, {texts, kept}), texts} satisfies RenderResult)
})
