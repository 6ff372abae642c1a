import type {LinkCacheEntry} from '@fmrl/model'
import {LinkCache} from '@fmrl/model'
import {describe, expect, test} from 'vitest'
import {classOf, emptyLinkCache, isFresh, nextEntry, type Observation} from '../../src/online/cache.js'

const day = 86_400_000
const start = Date.UTC(2026, 0, 1)
const policy = {maxAge: 7 * day, deadAfter: 2}
const ok: Observation = {outcome: 'ok', reason: '200 OK', status: 200}
const dead: Observation = {outcome: 'dead', reason: '404 Not Found', status: 404}
const unknown: Observation = {outcome: 'unknown', reason: 'no answer within 10 s'}

/** The entries after a run per observation, a day apart. */
function runs(...observations: Observation[]): LinkCacheEntry[] {
  const entries: LinkCacheEntry[] = []
  observations.forEach((observation, index) => entries.push(nextEntry(entries.at(-1), observation, start + index * day)))
  return entries
}

describe('dead only after N consecutive failing runs', () => {
  test('one failing run is unknown, the second makes it dead; ok clears the count', () => {
    expect(runs(dead, dead, ok, dead).map((entry) => [classOf(entry, 2), entry.failures])).toEqual([['unknown', 1], ['dead', 2], ['ok', 0], ['unknown', 1]])
  })

  test('an unknown run between two failing ones neither counts nor clears', () => {
    expect(runs(dead, unknown, dead).map((entry) => [classOf(entry, 2), entry.failures])).toEqual([['unknown', 1], ['unknown', 1], ['dead', 2]])
  })

  test('with deadAfter 1 the first failing run is dead; with 3 the third', () => {
    const [first, second, third] = runs(dead, dead, dead)
    expect([classOf(first!, 1), classOf(second!, 3), classOf(third!, 3)]).toEqual(['dead', 'unknown', 'dead'])
  })

  test('the entry keeps a permanent redirect and is valid against the schema', () => {
    const entry = nextEntry(undefined, {...ok, redirect: 'https://x.org/new', redirectStatus: 308}, start)
    expect(entry).toEqual({outcome: 'ok', checked: '2026-01-01T00:00:00.000Z', status: 200, reason: '200 OK', failures: 0, redirect: 'https://x.org/new', redirectStatus: 308})
    expect(LinkCache.parse({...emptyLinkCache(), entries: {'https://x.org/old': entry}}).entries['https://x.org/old']).toEqual(entry)
  })
})

describe('isFresh: within max-age, and settled', () => {
  const [okEntry] = runs(ok)
  const [pending, confirmed] = runs(dead, dead)
  const [unknownEntry] = runs(unknown)

  test('ok stands for max-age, and no longer', () => {
    expect(isFresh(okEntry!, start + 7 * day - 1, policy)).toBe(true)
    expect(isFresh(okEntry!, start + 7 * day, policy)).toBe(false)
  })

  test('unknown is never fresh: it is never cached as ok', () => {
    expect(isFresh(unknownEntry!, start + 1, policy)).toBe(false)
  })

  test('a dead outcome stands only once it counts as dead', () => {
    expect(isFresh(pending!, start + 2 * day, policy)).toBe(false)
    expect(isFresh(confirmed!, start + 2 * day, policy)).toBe(true)
  })

  test('an entry from the future (a clock set back) is stale', () => {
    expect(isFresh(okEntry!, start - 1, policy)).toBe(false)
  })
})
