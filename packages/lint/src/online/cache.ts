import type {LinkCache, LinkCacheEntry, LinkClass} from '@fmrl/model'

/** What one run learned about a URL. */
export interface Observation {
  outcome: LinkClass
  reason: string
  status?: number
  /** Where a permanent redirect leads, and its status. */
  redirect?: string
  redirectStatus?: number
}

/** How cached results are used: their max-age, and the failing runs that make a URL dead. */
export interface CachePolicy {
  maxAge: number
  deadAfter: number
}

/** A cache with nothing in it. */
export function emptyLinkCache(): LinkCache {
  return {version: 1, entries: {}}
}

/**
 * The class of a URL from its entry: a dead outcome counts as dead only once it has come up in
 * `deadAfter` consecutive runs; before that it is unknown, so one flaky night does not fail CI.
 */
export function classOf(entry: Pick<LinkCacheEntry, 'outcome' | 'failures'>, deadAfter: number): LinkClass {
  if (entry.outcome === 'dead') return entry.failures >= deadAfter ? 'dead' : 'unknown'
  return entry.outcome
}

/**
 * Whether an entry stands in for a request: checked less than `maxAge` ago, and settled (ok, or dead
 * in enough runs). Unknown results are always asked again, so they never pass for ok; an entry
 * dated in the future (a clock that moved back) is stale.
 */
export function isFresh(entry: LinkCacheEntry, now: number, policy: CachePolicy): boolean {
  const age = now - Date.parse(entry.checked)
  if (!(age >= 0 && age < policy.maxAge)) return false
  return entry.outcome === 'ok' || (entry.outcome === 'dead' && entry.failures >= policy.deadAfter)
}

/**
 * The entry after a run's observation: a dead outcome adds a failing run, ok clears them, and
 * unknown leaves the count as it was (it proves neither), so runs that fail are counted even when
 * a timeout comes between them.
 */
export function nextEntry(previous: LinkCacheEntry | undefined, observation: Observation, now: number): LinkCacheEntry {
  const before = previous?.failures ?? 0
  const failures = observation.outcome === 'dead' ? before + 1 : observation.outcome === 'ok' ? 0 : before
  return {
    outcome: observation.outcome,
    checked: new Date(now).toISOString(),
    ...(observation.status === undefined ? {} : {status: observation.status}),
    reason: observation.reason,
    failures,
    ...(observation.redirect === undefined ? {} : {redirect: observation.redirect, redirectStatus: observation.redirectStatus ?? 301})
  }
}
