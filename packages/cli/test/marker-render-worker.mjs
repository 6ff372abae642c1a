// A helper thread that gives back outputs of its own (render-threads.test.ts): they show where the helper's outputs go,
// and whether the thread had loaded before its task was posted.
import {parentPort} from 'node:worker_threads'

let loaded = false
setTimeout(() => (loaded = true), 50)
parentPort?.once('message', (task) => {
  const first = loaded ? ', loaded first' : ''
  const bytes = Buffer.from(`rendered by the helper from ${task.survey.methods.length} methods${first}`)
  parentPort?.postMessage({output: {path: 'marker.txt', bytes}, texts: new Map()})
})
