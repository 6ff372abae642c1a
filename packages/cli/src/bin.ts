#!/usr/bin/env node
import {streamIo} from './io.js'
import {main} from './main.js'
import {colorEnabled, interruptedCode, isInterrupt, readStandardInput} from './terminal.js'

// Ctrl-C stops the run where it is: outputs are written as one set (a killed write is rolled forward or back by the next run).
process.once('SIGINT', () => process.exit(interruptedCode))

const io = {
  ...streamIo(process.stdout, process.stderr),
  color: {out: colorEnabled(process.stdout.isTTY === true, process.env), err: colorEnabled(process.stderr.isTTY === true, process.env)},
  readStdin: readStandardInput
}

main(process.argv.slice(2), io, process.cwd()).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (isInterrupt(error)) {
      process.exitCode = interruptedCode
      return
    }
    // A bug, not bad input: say so in one line and keep the exit code apart from user errors.
    process.stderr.write(`fmrl: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 70
  }
)
