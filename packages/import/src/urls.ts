import {arxivId, canonicalUrl} from '@fmrl/lint'

/**
 * A link target as content/ keeps it: trimmed, percent-encoded as Markdown readers write it, an arXiv
 * link as its abstract page without a version (`…/pdf/2411.16489v1` is `…/abs/2411.16489`), and a
 * GitHub UI variant (`?tab=readme-ov-file`, `www.`) as its plain URL.
 */
export function normalizeUrl(url: string): string {
  const encoded = url.trim().replace(/%(?![\da-fA-F]{2})|[^!#$&-;=?-Z_a-z~%]/gu, (character) => encodeURIComponent(character))
  const arxiv = arxivId(encoded)
  if (arxiv) return `https://arxiv.org/abs/${arxiv}`
  return canonicalUrl(encoded) ?? encoded
}

/** A web link; anything else (`javascript:`, `file:`, a relative path) is never kept as a paper's link. */
export const isHttp = (url: string) => /^https?:\/\//i.test(url.trim())
