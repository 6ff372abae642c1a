import {parentPort, workerData} from 'node:worker_threads'
import {renderPageOutput} from '@fmrl/render'
import type {RenderResult, RenderTask} from './render-threads.js'

// A helper thread of `renderOutputsOnThreads`: the web page, from a copy of the survey.
const {survey, kept} = workerData as RenderTask
const texts = new Map<string, string>()
parentPort?.postMessage({output: renderPageOutput(survey, {texts, kept}), texts} satisfies RenderResult)
