import {join} from 'node:path'
import {classOf, isFresh, nextEntry, onlineTargets, planRequest, reportLinkResult, reportLocalUrl, summarizeLinks, type HttpTarget, type LinkResult, type LinkSummary, type RequestPlan} from '@fmrl/lint'
import type {LinkCache} from '@fmrl/model'
import {parseMarkdown} from '@fmrl/parser'
import type {VFile} from 'vfile'
import type {Io} from '../../io.js'
import {CacheWriter, readLinkCache} from './cache-file.js'
import {checkUrls, type CheckEnvironment} from './checker.js'
import type {LinkRun} from './options.js'
import type {Progress} from './progress.js'

/** What a link check of files needs besides the files. */
export interface LinkCheckContext {
  root: string
  run: LinkRun
  environment: CheckEnvironment
  progress?: Progress | undefined
  /** Per file, the URLs it had at the `--changed-since` ref: links to them are not checked. */
  unchanged?: Map<string, Set<string>> | undefined
}

/** A cached entry as a result: no request made. */
function fromCache(cache: LinkCache, plan: RequestPlan, deadAfter: number): LinkResult {
  const entry = cache.entries[plan.url]!
  const {checked: _checked, ...observation} = entry
  return {...observation, url: plan.url, host: new URL(plan.url).host, class: classOf(entry, deadAfter), cached: true, requests: 0, retries: 0, ms: 0}
}

/**
 * Check the external links of files (each holding its lint data, for the ignored URLs) and add the
 * findings to them, positioned at each URL: one request per URL whatever the number of links to
 * it, none for a URL whose cached result is fresh. Returns the run's summary.
 */
export async function checkLinksOf(files: readonly VFile[], context: LinkCheckContext, io: Io): Promise<LinkSummary> {
  const started = context.environment.now()
  const {options} = context.run
  const targets = new Map<VFile, HttpTarget[]>()
  for (const file of files) {
    const {http, local} = onlineTargets(parseMarkdown(String(file.value)), file)
    for (const target of local) reportLocalUrl(file, target)
    const before = context.unchanged?.get(file.path)
    targets.set(file, before ? http.filter((target) => !before.has(target.request)) : http)
  }
  const plans = new Map<string, RequestPlan>()
  for (const target of [...targets.values()].flat()) {
    const plan = planRequest(target.request)
    plans.set(plan.url, plan)
  }
  const read = context.run.useCache ? await readLinkCache(context.root, options.cache) : {cache: {version: 1 as const, entries: {}}}
  if (read.note) io.err(read.note)
  const {cache} = read
  const policy = {maxAge: options.maxAge, deadAfter: options.deadAfter}
  const results = new Map<string, LinkResult>()
  const due: RequestPlan[] = []
  for (const plan of plans.values()) {
    const entry = cache.entries[plan.url]
    if (entry && isFresh(entry, started, policy)) results.set(plan.url, fromCache(cache, plan, options.deadAfter))
    else due.push(plan)
  }
  const writer = context.run.useCache ? new CacheWriter(join(context.root, options.cache), cache, 1000, context.environment.now) : undefined
  context.progress?.start(due.length)
  try {
    await checkUrls(due, options, context.environment, (checked) => {
      // A URL the run never got to ask keeps the entry it had.
      if (checked.requests > 0 || checked.refused) cache.entries[checked.url] = nextEntry(cache.entries[checked.url], checked, context.environment.now())
      const failures = cache.entries[checked.url]?.failures ?? 0
      results.set(checked.url, {...checked, failures, class: classOf({outcome: checked.outcome, failures}, options.deadAfter), cached: false})
      writer?.touch()
      context.progress?.tick()
    })
  } finally {
    context.progress?.stop()
    await writer?.flush()
  }
  for (const [file, list] of targets) {
    for (const target of list) reportLinkResult(file, target, results.get(planRequest(target.request).url)!, {reportUnknown: context.run.reportUnknown, deadAfter: options.deadAfter})
  }
  return summarizeLinks([...results.values()], context.environment.now() - started)
}
