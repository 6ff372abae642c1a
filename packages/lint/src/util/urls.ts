/** Whether a link target has a scheme (`https:`, `mailto:`), as opposed to a path or an anchor. */
export function hasScheme(url: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(url)
}

/**
 * Whether a link target is a URL that lost its scheme: `://github.com/x`, `www.example.com`,
 * `github.com/x/y` (a host with a common top-level domain, then a path). It reads as a file path.
 */
export function lacksScheme(url: string): boolean {
  return url.startsWith('://') || /^www\./i.test(url) || /^(?:[a-z\d-]+\.)+(?:com|org|net|io|ai|edu|gov|dev|app|co|me|cn)\//i.test(url)
}

/** Whether a link target is a repository-relative path (not a URL, an anchor or a protocol-relative URL). */
export function isRelativePath(url: string): boolean {
  return url !== '' && !hasScheme(url) && !url.startsWith('#') && !url.startsWith('//') && !lacksScheme(url)
}

/** The URL parsed, or undefined when it is not a valid absolute http(s) URL. */
export function parseHttpUrl(url: string): URL | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

/** A host without a leading `www.`. */
export function bareHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, '')
}

const arxivPath = /^\/(?:abs|pdf|html)\/((?:\d{4}\.\d{4,5})|(?:[a-z-]+(?:\.[a-z]{2})?\/\d{7}))(v\d+)?(?:\.pdf)?\/?$/i

/** The arXiv id a URL points at (`https://arxiv.org/pdf/2502.15214v2` is `2502.15214`). */
export function arxivId(url: string): string | undefined {
  const parsed = parseHttpUrl(url)
  if (!parsed || bareHost(parsed.hostname) !== 'arxiv.org') return undefined
  return arxivPath.exec(parsed.pathname)?.[1]
}

/**
 * The abstract page of an arXiv URL (`/pdf/2502.15214v2.pdf` is `https://arxiv.org/abs/2502.15214v2`):
 * the small page that says whether a paper (and that version) exists. Undefined for other URLs.
 */
export function arxivAbsUrl(url: string): string | undefined {
  const parsed = parseHttpUrl(url)
  if (!parsed || bareHost(parsed.hostname) !== 'arxiv.org') return undefined
  const match = arxivPath.exec(parsed.pathname)
  return match ? `https://arxiv.org/abs/${match[1]}${match[2] ?? ''}` : undefined
}

// Hosts whose pages are papers: preprint servers, DOIs, review sites and proceedings.
const paperHosts = ['arxiv.org', 'doi.org', 'dx.doi.org', 'openreview.net', 'aclanthology.org', 'proceedings.neurips.cc', 'papers.nips.cc', 'proceedings.mlr.press', 'openaccess.thecvf.com', 'ojs.aaai.org', 'dl.acm.org', 'ieeexplore.ieee.org', 'link.springer.com', 'semanticscholar.org', 'biorxiv.org', 'ijcai.org', 'jmlr.org']

/** Whether a URL points at a paper (a preprint, a DOI, a review or proceedings page). */
export function isPaperUrl(url: string): boolean {
  const parsed = parseHttpUrl(url)
  if (!parsed) return false
  const host = bareHost(parsed.hostname)
  return paperHosts.some((known) => host === known || host.endsWith(`.${known}`)) || /\.pdf$/i.test(parsed.pathname)
}

/** The year a new-style arXiv id was posted in (`2502.15214` is 2025), or undefined for old-style ids. */
export function arxivYear(id: string): number | undefined {
  const match = /^(\d\d)(\d\d)\.\d{4,5}$/.exec(id)
  return match ? 2000 + Number(match[1]) : undefined
}

/**
 * One key per thing a URL points at, for finding duplicates: scheme, `www.`, trailing slashes and
 * queries GitHub only uses for its UI do not matter; an arXiv URL is its id, a DOI URL its DOI. A
 * GitHub repository is one thing however its root is written (`.git`, `/tree/<branch>`, `#readme`),
 * while its issues, pulls, sub-folders and files stay apart, and so do fragments (sections of a page).
 */
export function urlKey(url: string): string {
  const arxiv = arxivId(url)
  if (arxiv) return `arxiv:${arxiv.toLowerCase()}`
  const parsed = parseHttpUrl(url)
  if (!parsed) return url.trim()
  const host = bareHost(parsed.hostname)
  if (host === 'doi.org' || host === 'dx.doi.org') return `doi:${decodeURIComponent(parsed.pathname.slice(1)).toLowerCase()}`
  const query = [...parsed.searchParams].filter(([name]) => name !== 'tab').map(([name, value]) => `${name}=${value}`).join('&')
  const path = host === 'github.com' ? githubPath(parsed) : parsed.pathname.replace(/\/+$/, '')
  const fragment = host === 'github.com' && parsed.hash.toLowerCase() === '#readme' ? '' : parsed.hash.replace(/^#$/, '')
  return `${host}${path}${query ? `?${query}` : ''}${fragment}`
}

/**
 * A GitHub path as compared: owner and repository in any case and without `.git`, the root of a
 * branch (`/tree/main`) as the repository itself, and `blob` and `tree` alike (GitHub redirects one
 * to the other).
 */
function githubPath(parsed: URL): string {
  const [owner, repository, view, branch, ...rest] = parsed.pathname.split('/').filter(Boolean)
  if (!owner || !repository) return parsed.pathname.replace(/\/+$/, '').toLowerCase()
  const root = `/${owner.toLowerCase()}/${repository.toLowerCase().replace(/\.git$/, '')}`
  if (view === undefined) return root
  if ((view === 'tree' || view === 'blob') && branch !== undefined) return rest.length === 0 ? root : `${root}/tree/${branch}/${rest.join('/')}`
  return `${root}/${[view, branch, ...rest].filter((part) => part !== undefined).join('/')}`
}

/**
 * The canonical spelling of a URL where it has an equivalent plainer one: GitHub's
 * `?tab=readme-ov-file` (a UI tab, not a page), `www.github.com`, `dx.doi.org`; an `http:` variant
 * becomes `https:` too (these hosts all serve it), so one URL gets one fix. Undefined when the URL
 * is already canonical or only its scheme differs (prefer-https reports that).
 */
export function canonicalUrl(url: string): string | undefined {
  const parsed = parseHttpUrl(url)
  if (!parsed) return undefined
  let canonical = url
  const host = parsed.hostname.toLowerCase()
  if (host === 'www.github.com' || host === 'www.arxiv.org') canonical = canonical.replace(/^(https?:\/\/)www\./i, '$1')
  if (host === 'dx.doi.org') canonical = canonical.replace(/^(https?:\/\/)dx\.doi\.org/i, '$1doi.org')
  if (bareHost(host) === 'github.com') canonical = canonical.replace(/([?&])tab=[a-z\d-]+-ov-file(?:&|(?=#)|$)/i, '$1').replace(/[?&](?=#|$)/, '')
  return canonical === url ? undefined : canonical.replace(/^http:/i, 'https:')
}
