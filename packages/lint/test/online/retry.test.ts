import {describe, expect, test} from 'vitest'
import {backoffDelay, decideRetry, parseRetryAfter} from '../../src/online/retry.js'

const now = Date.UTC(2026, 9, 21, 7, 28, 0)

describe('parseRetryAfter', () => {
  test.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Wed, 21 Oct 2026 07:28:30 GMT', 30_000],
    ['Wednesday, 21-Oct-26 07:29:00 GMT', 60_000],
    ['Wed Oct 21 07:28:05 2026', 5_000],
    ['Wed, 21 Oct 2026 07:00:00 GMT', 0],
    ['-5', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined]
  ])('%s', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms)
  })
})

describe('backoff', () => {
  const backoff = (random: number) => ({base: 1000, cap: 8000, random: () => random})

  test('exponential with equal jitter, capped', () => {
    expect([0, 1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, backoff(0)))).toEqual([500, 1000, 2000, 4000, 4000, 4000])
    expect([0, 1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, backoff(0.999999)))).toEqual([1000, 2000, 4000, 8000, 8000, 8000])
  })

  test('decideRetry: Retry-After as asked, backoff without one, never past the limits', () => {
    const limits = {retries: 2, maxRetryAfter: 60_000}
    expect(decideRetry(0, limits, 3000, backoff(0))).toEqual({retry: true, delay: 3000})
    expect(decideRetry(1, limits, undefined, backoff(0.5))).toEqual({retry: true, delay: 1500})
    expect(decideRetry(2, limits, undefined, backoff(0.5))).toEqual({retry: false, reason: 'after 2 retries'})
    expect(decideRetry(0, {retries: 1, maxRetryAfter: 60_000}, undefined, backoff(0)).retry).toBe(true)
    expect(decideRetry(1, {retries: 1, maxRetryAfter: 60_000}, undefined, backoff(0))).toEqual({retry: false, reason: 'after 1 retry'})
    expect(decideRetry(0, limits, 120_000, backoff(0))).toEqual({retry: false, reason: 'the host asks to wait 120 s'})
  })
})
