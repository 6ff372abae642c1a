import {setTimeout as delay} from 'node:timers/promises'
import {addressPolicy, formatLinkSummary} from '@fmrl/lint'
import type {VFile} from 'vfile'
import type {Io} from '../../io.js'
import {checkLinksOf} from './check-files.js'
import type {CheckEnvironment} from './checker.js'
import {systemResolver} from './guard.js'
import type {LinkRun} from './options.js'
import type {Progress} from './progress.js'

/** The real clock, waits, randomness and DNS; only public addresses unless `allowPrivate`. */
export function systemEnvironment(allowPrivate: boolean): CheckEnvironment {
  return {
    now: Date.now,
    sleep: (ms, signal) => delay(ms, undefined, {signal}).catch(() => {}),
    random: Math.random,
    resolve: systemResolver,
    policy: addressPolicy({allowPrivate})
  }
}

/** Check the links of files already read (and linted, for `fmrl lint --online`); the summary goes to stderr. */
export async function runLinkCheck(files: readonly VFile[], root: string, run: LinkRun, io: Io, extra: {progress?: Progress | undefined; unchanged?: Map<string, Set<string>> | undefined} = {}): Promise<void> {
  const summary = await checkLinksOf(files, {root, run, environment: systemEnvironment(run.options.allowPrivate), ...extra}, io)
  io.err(formatLinkSummary(summary))
}

