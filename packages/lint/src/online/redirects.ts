import {permanentRedirectStatuses, type Verdict} from './classify.js'

/** One redirect followed: the URL that answered with `status`, and where it sent us. */
export interface Hop {
  from: string
  status: number
  to: string
}

/**
 * Where a redirect leads, or why it is not followed: no or an unreadable `Location`, a scheme other
 * than http(s), a URL already visited (a loop), or more than `maxRedirects` hops.
 */
export function nextHop(current: string, location: string | undefined, hops: readonly Hop[], maxRedirects: number): {url: string} | {verdict: Verdict} {
  const stop = (reason: string): {verdict: Verdict} => ({verdict: {class: 'unknown', reason, retry: false}})
  if (location === undefined || location.trim() === '') return stop('a redirect without a Location')
  let next: URL
  try {
    next = new URL(location.trim(), current)
  } catch {
    return stop(`a redirect to an unreadable Location \`${location}\``)
  }
  next.hash = ''
  if (next.protocol !== 'http:' && next.protocol !== 'https:') return stop(`a redirect to a \`${next.protocol}\` URL`)
  const visited = [hops[0]?.from ?? current, ...hops.map((hop) => hop.to)]
  if (visited.includes(next.href) || next.href === current) return stop(`a redirect loop (${[...visited, next.href].join(' → ')})`)
  if (hops.length + 1 > maxRedirects) return stop(`more than ${maxRedirects} redirects`)
  return {url: next.href}
}

/**
 * Where a URL's redirects lead when they start with permanent ones (301, 308): the URL after the
 * last of them. A temporary redirect (302, 303, 307) first means the link is as it should be.
 */
export function permanentRedirect(hops: readonly Hop[]): {url: string; status: number} | undefined {
  let last: Hop | undefined
  for (const hop of hops) {
    if (!permanentRedirectStatuses.has(hop.status)) break
    last = hop
  }
  return last && {url: last.to, status: hops[0]!.status}
}

/** A redirect's new URL for a written link: the link's fragment goes along when the new URL has none. */
export function withFragment(written: string, url: string): string {
  const fragment = /#.*$/.exec(written)?.[0] ?? ''
  return fragment !== '' && !url.includes('#') ? `${url}${fragment}` : url
}
