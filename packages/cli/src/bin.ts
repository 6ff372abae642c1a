#!/usr/bin/env node
import {main} from './main.js'
import {streamIo} from './io.js'

main(process.argv.slice(2), streamIo(process.stdout, process.stderr), process.cwd()).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // A bug, not bad input: say so in one line and keep the exit code apart from user errors.
    process.stderr.write(`fmrl: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 70
  }
)
