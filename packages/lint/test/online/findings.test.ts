import {parseMarkdown} from '@fmrl/parser'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {reportLinkResult, reportLocalUrl} from '../../src/online/findings.js'
import type {LinkResult} from '../../src/online/result.js'
import {formatLinkSummary, summarizeLinks} from '../../src/online/summary.js'
import {onlineTargets} from '../../src/online/targets.js'
import {formatMessage} from '../helpers.js'

const markdown = [
  '# List',
  '',
  '- [Dead](https://x.org/dead) and [again](https://x.org/dead#part)',
  '- [Moved](https://x.org/old#usage), [paper](https://arxiv.org/pdf/2502.15214)',
  '- [Mail](mailto:a@b.c), [script](javascript:void(0)), [disk](file:///home/me/notes.md), [here](#list), [path](docs/a.md)',
  '- <img src="https://x.org/badge.svg"> [slow](https://x.org/slow) [ignored](https://ignored.org/x)',
  ''
].join('\n')

function file(): VFile {
  const vfile = new VFile({path: 'list.md', value: markdown})
  vfile.data.fmrl = {ignoreUrls: ['https://ignored.org/*']}
  return vfile
}

const result = (url: string, fields: Partial<LinkResult>): LinkResult => ({url, host: new URL(url).host, outcome: 'ok', class: 'ok', reason: '200 OK', failures: 0, cached: false, requests: 1, retries: 0, ms: 10, ...fields})

describe('onlineTargets', () => {
  test('http(s) URLs to request (one per resource), local URLs to report; the rest is left to the offline rules', () => {
    const {http, local} = onlineTargets(parseMarkdown(markdown), file())
    expect(http.map((target) => [target.url, target.request])).toEqual([
      ['https://x.org/dead', 'https://x.org/dead'],
      ['https://x.org/dead#part', 'https://x.org/dead'],
      ['https://x.org/old#usage', 'https://x.org/old'],
      ['https://arxiv.org/pdf/2502.15214', 'https://arxiv.org/pdf/2502.15214'],
      ['https://x.org/badge.svg', 'https://x.org/badge.svg'],
      ['https://x.org/slow', 'https://x.org/slow']
    ])
    expect(local.map((target) => target.url)).toEqual(['javascript:void(0)', 'file:///home/me/notes.md'])
  })
})

describe('findings, positioned at each URL', () => {
  test('dead, failing once, redirected, refused, unknown, local', () => {
    const vfile = file()
    const {http, local} = onlineTargets(parseMarkdown(markdown), vfile)
    const results: Record<string, LinkResult> = {
      'https://x.org/dead': result('https://x.org/dead', {outcome: 'dead', class: 'dead', reason: '404 Not Found', failures: 2}),
      'https://x.org/old': result('https://x.org/old', {redirect: 'https://x.org/new', redirectStatus: 308}),
      'https://arxiv.org/pdf/2502.15214': result('https://arxiv.org/abs/2502.15214', {redirect: 'https://arxiv.org/abs/2502.15214v2', redirectStatus: 301}),
      'https://x.org/badge.svg': result('https://x.org/badge.svg', {outcome: 'unknown', class: 'unknown', reason: 'refused: x.org resolves to 10.0.0.7, a private address', refused: true}),
      'https://x.org/slow': result('https://x.org/slow', {outcome: 'unknown', class: 'unknown', reason: 'no answer within 10 s after 2 retries'})
    }
    for (const target of http) reportLinkResult(vfile, target, results[target.request]!, {reportUnknown: true, deadAfter: 2})
    for (const target of local) reportLocalUrl(vfile, target)
    expect(vfile.messages.map(formatMessage)).toEqual([
      '3:10-3:28: Unexpected dead link `https://x.org/dead` (404 Not Found in 2 runs in a row), expected a URL that answers: update or remove it (dead-link)',
      '3:42-3:65: Unexpected dead link `https://x.org/dead#part` (404 Not Found in 2 runs in a row), expected a URL that answers: update or remove it (dead-link)',
      '4:11-4:34: Unexpected permanent redirect (308 Permanent Redirect) from `https://x.org/old#usage`, expected its new URL `https://x.org/new#usage` (permanent-redirect)',
      "6:13-6:36: Unexpected request of `https://x.org/badge.svg` to a private address (x.org resolves to 10.0.0.7, a private address), expected a public address (pass --allow-private to check it) (private-address)",
      '6:46-6:64: Unexpected no answer within 10 s after 2 retries from `https://x.org/slow`, expected an answer that shows whether it works (not counted as dead) (unknown-link)',
      "5:34-5:52: Unexpected `javascript:` URL `javascript:void(0)`, expected an http(s) URL (it opens on the reader's own machine; fmrl links never opens it) (local-url)",
      "5:62-5:86: Unexpected `file:` URL `file:///home/me/notes.md`, expected an http(s) URL (it opens on the reader's own machine; fmrl links never opens it) (local-url)"
    ])
    expect(vfile.messages.map((message) => message.fatal)).toEqual([true, true, false, false, false, true, true])
    const fix = (vfile.messages[2] as {fix?: unknown}).fix
    expect(fix).toEqual({start: markdown.indexOf('https://x.org/old#usage'), end: markdown.indexOf('https://x.org/old#usage') + 'https://x.org/old#usage'.length, replacement: 'https://x.org/new#usage'})
    expect(vfile.messages[0]!.url).toBe('packages/cli/README.md#dead-link')
  })

  test('a URL dead in fewer runs than make it dead is a warning that says how far it is; unknown is silent by default', () => {
    const vfile = file()
    const [dead, , , , , slow] = onlineTargets(parseMarkdown(markdown), vfile).http
    reportLinkResult(vfile, dead!, result('https://x.org/dead', {outcome: 'dead', class: 'unknown', reason: '404 Not Found', failures: 1}), {reportUnknown: false, deadAfter: 2})
    reportLinkResult(vfile, slow!, result('https://x.org/slow', {outcome: 'unknown', class: 'unknown', reason: '503 Service Unavailable after 2 retries'}), {reportUnknown: false, deadAfter: 2})
    expect(vfile.messages.map((message) => `${formatMessage(message)} ${message.fatal ? 'error' : 'warning'}`)).toEqual([
      '3:10-3:28: Unexpected 404 Not Found from `https://x.org/dead` (failing run 1 of the 2 that make it dead), expected a URL that answers (dead-link) warning'
    ])
  })
})

describe('summary', () => {
  test('counts per class, the cache, requests, retries and the slowest hosts', () => {
    const summary = summarizeLinks(
      [
        result('https://a.org/1', {ms: 900}),
        result('https://a.org/2', {ms: 300, retries: 2, requests: 3, outcome: 'unknown', class: 'unknown'}),
        result('https://b.org/1', {ms: 1500, outcome: 'dead', class: 'dead'}),
        result('https://c.org/1', {ms: 0, requests: 0, cached: true}),
        result('https://d.org/1', {ms: 100})
      ],
      2345
    )
    expect(formatLinkSummary(summary)).toBe(
      ['fmrl links: 5 URLs: 3 ok, 1 dead, 1 unknown (1 from the cache); 6 requests, 2 retries in 2.3 s', 'slowest hosts (time in requests): b.org 1.5 s (1 URL), a.org 1.2 s (2 URLs), d.org 0.1 s (1 URL)'].join('\n')
    )
  })
})
