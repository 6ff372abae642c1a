import type {LinkClass} from '@fmrl/model'
import type {LinkResult} from './result.js'

/** A run in numbers, for the summary on stderr. */
export interface LinkSummary {
  urls: number
  counts: Record<LinkClass, number>
  cached: number
  requests: number
  retries: number
  /** Hosts by the time their requests took, slowest first (at most three). */
  slowest: Array<{host: string; ms: number; urls: number}>
  ms: number
}

/** Count a run's results: per class, from the cache, requests and retries, and the slowest hosts. */
export function summarizeLinks(results: readonly LinkResult[], ms: number): LinkSummary {
  const counts: Record<LinkClass, number> = {ok: 0, dead: 0, unknown: 0}
  const hosts = new Map<string, {ms: number; urls: number}>()
  let cached = 0
  let requests = 0
  let retries = 0
  for (const result of results) {
    counts[result.class]++
    if (result.cached) cached++
    requests += result.requests
    retries += result.retries
    if (result.requests === 0) continue
    const host = hosts.get(result.host) ?? {ms: 0, urls: 0}
    hosts.set(result.host, {ms: host.ms + result.ms, urls: host.urls + 1})
  }
  const slowest = [...hosts].map(([host, time]) => ({host, ...time})).sort((a, b) => b.ms - a.ms || a.host.localeCompare(b.host)).slice(0, 3)
  return {urls: results.length, counts, cached, requests, retries, slowest, ms}
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

/** The summary as printed on stderr: one line of counts, one of the slowest hosts. */
export function formatLinkSummary(summary: LinkSummary): string {
  const {counts} = summary
  const lines = [
    `fmrl links: ${plural(summary.urls, 'URL')}: ${counts.ok} ok, ${counts.dead} dead, ${counts.unknown} unknown (${summary.cached} from the cache); ${plural(summary.requests, 'request')}, ${plural(summary.retries, 'retry').replace(/retrys$/, 'retries')} in ${seconds(summary.ms)}`
  ]
  if (summary.slowest.length > 0) lines.push(`slowest hosts (time in requests): ${summary.slowest.map((host) => `${host.host} ${seconds(host.ms)} (${plural(host.urls, 'URL')})`).join(', ')}`)
  return lines.join('\n')
}
