/**
 * The wait a `Retry-After` header asks for, in milliseconds: delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`, measured from `now`). Undefined when absent or unreadable; a
 * date in the past is no wait.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // RFC 9110 HTTP-date in any of its three forms; all name a weekday or month in letters.
  if (!/[a-z]{3}/i.test(text)) return undefined
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** How retries back off: the first delay, its cap, and the random source for jitter (in [0, 1)). */
export interface Backoff {
  base: number
  cap: number
  random: () => number
}

/**
 * The delay before retry number `retry` (0 for the first): exponential, capped, with "equal jitter"
 * (half fixed, half random) so retries of many URLs spread out but never come back at once.
 */
export function backoffDelay(retry: number, backoff: Backoff): number {
  const ceiling = Math.min(backoff.cap, backoff.base * 2 ** retry)
  return Math.round(ceiling / 2 + backoff.random() * (ceiling / 2))
}

/** What to do after an attempt that may be retried. */
export type RetryDecision = {retry: true; delay: number} | {retry: false; reason: string}

/**
 * Whether and when to try again: never past `retries`, never when the server asks for a wait
 * longer than `maxRetryAfter` (its URLs stay unknown rather than stall the run); a `Retry-After`
 * is honoured as given, and without one the backoff decides.
 */
export function decideRetry(retry: number, limits: {retries: number; maxRetryAfter: number}, retryAfter: number | undefined, backoff: Backoff): RetryDecision {
  if (retry >= limits.retries) return {retry: false, reason: `after ${limits.retries} ${limits.retries === 1 ? 'retry' : 'retries'}`}
  if (retryAfter !== undefined && retryAfter > limits.maxRetryAfter) return {retry: false, reason: `the host asks to wait ${Math.ceil(retryAfter / 1000)} s`}
  return {retry: true, delay: retryAfter ?? backoffDelay(retry, backoff)}
}
