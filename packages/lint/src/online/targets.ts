import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {linkTargets, type Target} from '../util/links.js'
import {hasScheme} from '../util/urls.js'

/** A link target `fmrl links` requests: an absolute http(s) URL, and the URL it requests for it. */
export interface HttpTarget extends Target {
  /** The URL without its fragment, normalized by the URL parser: one request per resource. */
  request: string
}

/** What to do with the link targets of a file. */
export interface OnlineTargets {
  /** http(s) targets, to request. */
  http: HttpTarget[]
  /** `file:`, `javascript:` and other schemes a reader's browser would open on their own machine: reported, never opened. */
  local: Target[]
}

// Schemes that point into the reader's own machine or run code: always a broken link in a published list.
const localSchemes = new Set(['file:', 'javascript:', 'vbscript:', 'data:'])

/**
 * The targets of a document `fmrl links` deals with (after the configuration's ignored URLs). Paths
 * and anchors are the offline rules' business; `mailto:` and other schemes are not fetched and not
 * reported; a malformed URL is `no-malformed-url`'s.
 */
export function onlineTargets(tree: Root, file: VFile): OnlineTargets {
  const http: HttpTarget[] = []
  const local: Target[] = []
  for (const target of linkTargets(tree, file)) {
    const url = target.url.trim()
    if (!hasScheme(url)) continue
    const scheme = /^[a-z][a-z\d+.-]*:/i.exec(url)![0].toLowerCase()
    if (localSchemes.has(scheme)) local.push(target)
    if (scheme !== 'http:' && scheme !== 'https:') continue
    const request = requestUrl(url)
    if (request) http.push({...target, request})
  }
  return {http, local}
}

/** The URL to request for a link: parsed, without its fragment; undefined when it does not parse. */
export function requestUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    parsed.hash = ''
    return parsed.href
  } catch {
    return undefined
  }
}
