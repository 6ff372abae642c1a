import {parentPort, workerData} from 'node:worker_threads'
import type {Survey} from '@fmrl/model'
import {renderOtherOutputs} from '@fmrl/render'

// A helper thread of `renderOutputsOnThreads`: the outputs that are not Markdown, from a copy of the survey.
parentPort?.postMessage(renderOtherOutputs(workerData as Survey))
