import {describe, expect, test} from 'vitest'
import {hostLimits, planRequest} from '../../src/online/hosts.js'
import {nextHop, permanentRedirect, withFragment} from '../../src/online/redirects.js'

describe('planRequest: the handling each host needs', () => {
  test.each([
    ['https://arxiv.org/abs/2502.15214', {url: 'https://arxiv.org/abs/2502.15214', redirectIsAnswer: false}],
    ['https://arxiv.org/pdf/2502.15214', {url: 'https://arxiv.org/abs/2502.15214', redirectIsAnswer: false, note: 'checked at its arXiv abstract page'}],
    ['http://www.arxiv.org/pdf/2502.15214v2.pdf', {url: 'https://arxiv.org/abs/2502.15214v2', redirectIsAnswer: false, note: 'checked at its arXiv abstract page'}],
    ['https://arxiv.org/html/2411.16489v1', {url: 'https://arxiv.org/abs/2411.16489v1', redirectIsAnswer: false, note: 'checked at its arXiv abstract page'}],
    ['https://arxiv.org/pdf/hep-th/9901001v1', {url: 'https://arxiv.org/abs/hep-th/9901001v1', redirectIsAnswer: false, note: 'checked at its arXiv abstract page'}],
    ['https://arxiv.org/list/cs.LG/recent', {url: 'https://arxiv.org/list/cs.LG/recent', redirectIsAnswer: false}],
    ['https://doi.org/10.1038/nature14236', {url: 'https://doi.org/10.1038/nature14236', redirectIsAnswer: true, note: 'checked at the DOI resolver'}],
    ['http://dx.doi.org/10.1145/3290605.3300857', {url: 'https://doi.org/10.1145/3290605.3300857', redirectIsAnswer: true, note: 'checked at the DOI resolver'}],
    ['https://doi.org/', {url: 'https://doi.org/', redirectIsAnswer: false}],
    ['https://github.com/MineDojo/MineDojo/tree/main/x', {url: 'https://github.com/MineDojo/MineDojo/tree/main/x', redirectIsAnswer: false}]
  ])('%s', (url, plan) => {
    expect(planRequest(url)).toEqual(plan)
  })

  test('hostLimits: GitHub and arXiv are asked more gently', () => {
    expect([hostLimits('github.com'), hostLimits('www.github.com'), hostLimits('arxiv.org'), hostLimits('example.org')]).toEqual([{concurrency: 2}, {concurrency: 2}, {concurrency: 1, interval: 1000}, {}])
  })
})

describe('redirects', () => {
  const hop = (from: string, status: number, to: string) => ({from: `https://x.org${from}`, status, to: `https://x.org${to}`})

  test('nextHop resolves a relative Location and drops its fragment', () => {
    expect(nextHop('https://x.org/a/b', '../c#top', [], 10)).toEqual({url: 'https://x.org/c'})
  })

  test('nextHop stops at a loop, past the limit, at another scheme or without a Location', () => {
    expect(nextHop('https://x.org/b', '/a', [hop('/a', 302, '/b')], 10)).toEqual({verdict: {class: 'unknown', reason: 'a redirect loop (https://x.org/a → https://x.org/b → https://x.org/a)', retry: false}})
    expect(nextHop('https://x.org/a', '/a', [], 10)).toEqual({verdict: {class: 'unknown', reason: 'a redirect loop (https://x.org/a → https://x.org/a)', retry: false}})
    expect(nextHop('https://x.org/c', '/d', [hop('/a', 302, '/b'), hop('/b', 302, '/c')], 2)).toEqual({verdict: {class: 'unknown', reason: 'more than 2 redirects', retry: false}})
    expect(nextHop('https://x.org/a', 'file:///etc/passwd', [], 10)).toEqual({verdict: {class: 'unknown', reason: 'a redirect to a `file:` URL', retry: false}})
    expect(nextHop('https://x.org/a', undefined, [], 10)).toEqual({verdict: {class: 'unknown', reason: 'a redirect without a Location', retry: false}})
  })

  test('permanentRedirect: the URL after the permanent hops that come first', () => {
    expect(permanentRedirect([hop('/a', 301, '/b'), hop('/b', 308, '/c'), hop('/c', 302, '/d')])).toEqual({url: 'https://x.org/c', status: 301})
    expect(permanentRedirect([hop('/a', 302, '/b'), hop('/b', 301, '/c')])).toBeUndefined()
    expect(permanentRedirect([])).toBeUndefined()
  })

  test('withFragment keeps the link’s fragment unless the new URL has its own', () => {
    expect(withFragment('https://x.org/a#usage', 'https://x.org/b')).toBe('https://x.org/b#usage')
    expect(withFragment('https://x.org/a#usage', 'https://x.org/b#top')).toBe('https://x.org/b#top')
    expect(withFragment('https://x.org/a', 'https://x.org/b')).toBe('https://x.org/b')
  })
})
