import {messageSource} from '@fmrl/parser'
import type {VFile} from 'vfile'
import type {Fix, LintMessage} from '../rule.js'
import type {Target} from '../util/links.js'
import {statusText} from './classify.js'
import {withFragment} from './redirects.js'
import type {LinkResult} from './result.js'
import type {HttpTarget} from './targets.js'

/** Where the link checks are documented, one section each by id. */
export const linkDocs = 'packages/cli/README.md'

/** The ids of the link check's findings. */
export const linkCheckIds = ['dead-link', 'permanent-redirect', 'local-url', 'private-address', 'unknown-link'] as const
export type LinkCheckId = (typeof linkCheckIds)[number]

/** What to report besides dead links, redirects, local URLs and refused addresses. */
export interface FindingOptions {
  /** Report unknown results (bot walls, rate limits, timeouts) as warnings too. */
  reportUnknown: boolean
  /** Consecutive failing runs before a URL counts as dead, for the message of one not there yet. */
  deadAfter: number
}

function add(file: VFile, target: Target, id: LinkCheckId, reason: string, fatal: boolean, fix?: Fix): LintMessage {
  const message: LintMessage = file.message(reason, {place: target.position, ruleId: id, source: messageSource})
  message.fatal = fatal
  message.url = `${linkDocs}#${id}`
  if (fix) message.fix = fix
  return message
}

/**
 * The findings of one target, on its file, positioned at its URL: a dead link (an error), a URL
 * that was dead in fewer runs than make it dead, a permanent redirect with the new URL as its fix,
 * a refused private address, and (with `reportUnknown`) any other unknown result.
 */
export function reportLinkResult(file: VFile, target: HttpTarget, result: LinkResult, options: FindingOptions): LintMessage | undefined {
  const url = `\`${target.url}\``
  if (result.class === 'dead') {
    const runs = result.failures > 1 ? ` in ${result.failures} runs in a row` : ''
    return add(file, target, 'dead-link', `Unexpected dead link ${url} (${result.reason}${runs}), expected a URL that answers: update or remove it`, true)
  }
  if (result.outcome === 'dead') {
    return add(file, target, 'dead-link', `Unexpected ${result.reason} from ${url} (failing run ${result.failures} of the ${options.deadAfter} that make it dead), expected a URL that answers`, false)
  }
  // Only a link requested as written moves with its redirect (an arXiv PDF checked at its abstract page does not).
  if (result.class === 'ok' && result.redirect && target.request === result.url) {
    const replacement = withFragment(target.url, result.redirect)
    const fix = target.offset === undefined ? undefined : {start: target.offset, end: target.offset + target.url.length, replacement}
    return add(file, target, 'permanent-redirect', `Unexpected permanent redirect (${statusText(result.redirectStatus ?? 301)}) from ${url}, expected its new URL \`${replacement}\``, false, fix)
  }
  if (result.refused) return add(file, target, 'private-address', `Unexpected request of ${url} to a private address (${result.reason.replace(/^refused: /, '')}), expected a public address (pass --allow-private to check it)`, false)
  if (result.class === 'unknown' && options.reportUnknown) return add(file, target, 'unknown-link', `Unexpected ${result.reason} from ${url}, expected an answer that shows whether it works (not counted as dead)`, false)
  return undefined
}

/** The finding of a `file:`, `javascript:` or other local URL: never opened, always reported. */
export function reportLocalUrl(file: VFile, target: Target): LintMessage {
  const scheme = /^[a-z][a-z\d+.-]*:/i.exec(target.url.trim())?.[0].toLowerCase() ?? ''
  return add(file, target, 'local-url', `Unexpected \`${scheme}\` URL \`${target.url}\`, expected an http(s) URL (it opens on the reader's own machine; fmrl links never opens it)`, true)
}
