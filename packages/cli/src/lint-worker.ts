import {parentPort, workerData} from 'node:worker_threads'
import {lintCommand, type LintOptions} from './commands/lint.js'
import type {Io} from './io.js'
import type {LintThreadResult, PrintedLine} from './lint-thread.js'

/** What the helper thread is given: the run's options, its working directory and whether each stream takes colour. */
export interface LintTask {
  options: LintOptions
  cwd: string
  color: Io['color']
}

const {options, cwd, color} = workerData as LintTask
const lines: PrintedLine[] = []
// Printed by the caller once the run is done: a run that fails here leaves it nothing to take back.
const io: Io = {out: (text) => lines.push({stream: 'out', text}), err: (text) => lines.push({stream: 'err', text}), color}
const code = await lintCommand({...options, onThread: true}, io, cwd)
parentPort?.postMessage({lines, code} satisfies LintThreadResult)
