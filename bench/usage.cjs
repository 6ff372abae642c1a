// Preloaded into every node process a benchmark starts (NODE_OPTIONS=--require): on exit, append the
// process's own peak RSS and CPU time to the file FMRL_BENCH_USAGE names, so the harness reads each
// child's peak exactly instead of sampling it. A process killed by a signal (a timeout) or aborted
// (out of memory) writes nothing, and the harness reports its status instead.
'use strict'
const {appendFileSync} = require('node:fs')
const {isMainThread} = require('node:worker_threads')

const file = process.env.FMRL_BENCH_USAGE
// A worker thread loads this too, and its process's usage is the whole process's: only the main thread
// reports, once, when the process exits (each thread reporting counted the CPU time again per thread).
if (file && isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    appendFileSync(file, `${JSON.stringify({pid: process.pid, maxRssKb: usage.maxRSS, userUs: usage.userCPUTime, systemUs: usage.systemCPUTime})}\n`)
  })
}
