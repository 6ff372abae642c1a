#!/usr/bin/env node
import {main} from './main.js'

main(process.argv.slice(2), {out: (text) => console.log(text), err: (text) => console.error(text)}, process.cwd()).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    // A bug, not bad input: say so in one line and keep the exit code apart from user errors.
    console.error(`fmrl: internal error: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 70
  }
)
