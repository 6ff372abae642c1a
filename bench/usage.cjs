// Preloaded into every node process a benchmark starts (NODE_OPTIONS=--require): on exit, append the
// process's own peak RSS and CPU time to the file FMRL_BENCH_USAGE names, so the harness reads each
// child's peak exactly instead of sampling it. A process killed by a signal (a timeout) or aborted
// (out of memory) writes nothing, and the harness reports its status instead.
'use strict'
const {appendFileSync} = require('node:fs')

const file = process.env.FMRL_BENCH_USAGE
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    appendFileSync(file, `${JSON.stringify({pid: process.pid, maxRssKb: usage.maxRSS, userUs: usage.userCPUTime, systemUs: usage.systemCPUTime})}\n`)
  })
}
