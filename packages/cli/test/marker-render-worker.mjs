// A helper thread that gives back outputs of its own (render-threads.test.ts): they show where the helper's outputs go.
import {parentPort, workerData} from 'node:worker_threads'

parentPort?.postMessage({output: {path: 'marker.txt', content: `rendered by the helper from ${workerData.survey.methods.length} methods`}, texts: new Map()})
