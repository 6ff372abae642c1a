import {parentPort, workerData} from 'node:worker_threads'
import {renderOtherOutputs} from '@fmrl/render'
import type {RenderResult, RenderTask} from './render-threads.js'

// A helper thread of `renderOutputsOnThreads`: the outputs that are not Markdown, from a copy of the survey.
const {survey, kept} = workerData as RenderTask
const texts = new Map<string, string>()
parentPort?.postMessage({outputs: renderOtherOutputs(survey, {texts, kept}), texts} satisfies RenderResult)
