// The helper thread a large lint runs on (lint-thread.ts): the run of lintCommand, its printing handed back.
import {parentPort, workerData} from 'node:worker_threads'
import {lintCommand} from './commands/lint.js'
import type {Io} from './io.js'
import type {LintTask, LintThreadResult, PrintedLine} from './lint-thread.js'

const {options, cwd, color} = workerData as LintTask
const lines: PrintedLine[] = []
// Printed by the caller once the run is done: a run that fails here leaves it nothing to take back.
const io: Io = {out: (text) => lines.push({stream: 'out', text}), err: (text) => lines.push({stream: 'err', text}), color}
const code = await lintCommand({...options, onThread: true}, io, cwd)
parentPort?.postMessage({lines, code} satisfies LintThreadResult)
