import {arxivAbsUrl, bareHost, parseHttpUrl} from '../util/urls.js'

/** How to request a link: the URL to ask for, and whether a redirect is itself the answer. */
export interface RequestPlan {
  url: string
  /** doi.org answers a registered DOI with a redirect to the publisher: the redirect is the answer. */
  redirectIsAnswer: boolean
  /** Why the URL requested differs from the link, or how its answer is read. */
  note?: string
}

/** Politeness limits of a host, on top of the run's own (the stricter wins). */
export interface HostLimits {
  concurrency?: number
  interval?: number
}

/**
 * The request for a link, with the handling its host needs:
 * - arXiv: `/pdf/…` and `/html/…` are checked at their abstract page (`/abs/<id>[vN]`): a small page
 *   that exists exactly when the paper (and that version) does, instead of a large PDF.
 * - DOI (`doi.org`, `dx.doi.org`, http or https): the resolver is asked, and not followed: a
 *   registered DOI redirects to its publisher (ok, whatever the publisher's bot wall says), an
 *   unregistered one is a 404 (dead). A DOI link is never "fixed" to the publisher's URL.
 * - everything else, GitHub included, is requested as written (without its fragment).
 */
export function planRequest(url: string): RequestPlan {
  const abs = arxivAbsUrl(url)
  if (abs) return abs === url ? {url, redirectIsAnswer: false} : {url: abs, redirectIsAnswer: false, note: 'checked at its arXiv abstract page'}
  const parsed = parseHttpUrl(url)
  if (parsed && (bareHost(parsed.hostname) === 'doi.org' || bareHost(parsed.hostname) === 'dx.doi.org') && /^\/10\.\d+\//.test(parsed.pathname)) {
    return {url: `https://doi.org${parsed.pathname}${parsed.search}`, redirectIsAnswer: true, note: 'checked at the DOI resolver'}
  }
  return {url, redirectIsAnswer: false}
}

// GitHub answers bursts of unauthenticated requests with 429; arXiv asks automated clients to go slowly.
const limits: Readonly<Record<string, HostLimits>> = {
  'github.com': {concurrency: 2},
  'arxiv.org': {concurrency: 1, interval: 1000}
}

/** The host's own limits (`github.com`, `arxiv.org`), or none. */
export function hostLimits(hostname: string): HostLimits {
  return limits[bareHost(hostname)] ?? {}
}
