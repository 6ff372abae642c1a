import {
  classifyAnswer,
  classifyFailure,
  decideRetry,
  hostLimits,
  literalAddress,
  nextHop,
  parseRetryAfter,
  permanentRedirect,
  redirectStatuses,
  statusText,
  type AddressPolicy,
  type HttpAnswer,
  type Hop,
  type LinkResult,
  type RequestPlan,
  type Verdict
} from '@fmrl/lint'
import type {LinksOptions} from '@fmrl/model'
import {setMaxListeners} from 'node:events'
import PQueue from 'p-queue'
import type {Resolver} from './guard.js'
import {createAgent, formatDuration, requestOnce, type Attempt} from './http.js'

/** What a check reads from outside: the clock, waits, randomness, DNS and the address policy. */
export interface CheckEnvironment {
  now(): number
  /** Wait `ms`; resolves early (never rejects) when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>
  random(): number
  resolve: Resolver
  policy: AddressPolicy
}

export type CheckSettings = Pick<LinksOptions, 'timeout' | 'runTimeout' | 'concurrency' | 'hostConcurrency' | 'hostInterval' | 'retries' | 'maxRetryAfter' | 'maxRedirects' | 'maxBody'>

/** What a check found out about one URL, before the cache adds its history. */
export type CheckedUrl = Omit<LinkResult, 'class' | 'failures' | 'cached'>

// The first retry waits about a second: enough for a 503 to pass, short next to the request timeout.
const backoffBase = 1000
const backoffCap = 30_000

interface Host {
  queue: PQueue
  pausedUntil: number
}

/** One queue per host (its concurrency and interval), inside one queue for the whole run. */
class Scheduler {
  private readonly global: PQueue
  private readonly hosts = new Map<string, Host>()

  constructor(
    private readonly settings: CheckSettings,
    private readonly environment: CheckEnvironment,
    private readonly run: AbortSignal
  ) {
    this.global = new PQueue({concurrency: settings.concurrency})
  }

  private host(host: string): Host {
    let entry = this.hosts.get(host)
    if (!entry) {
      const own = hostLimits(host.replace(/:\d+$/, ''))
      const concurrency = Math.min(this.settings.hostConcurrency, own.concurrency ?? Infinity)
      const interval = Math.max(this.settings.hostInterval, own.interval ?? 0)
      entry = {queue: new PQueue(interval > 0 ? {concurrency, interval, intervalCap: 1} : {concurrency}), pausedUntil: 0}
      this.hosts.set(host, entry)
    }
    return entry
  }

  /** Run a request in its host's queue, then the run's: a host waiting on its limit holds no global slot. */
  schedule<T>(host: string, task: () => Promise<T>): Promise<T> {
    return this.host(host).queue.add(() => this.global.add(task) as Promise<T>) as Promise<T>
  }

  /** Start nothing more on `host` before `until` (a 429 or a Retry-After speaks for the whole host). */
  pause(host: string, until: number): void {
    const entry = this.host(host)
    entry.pausedUntil = Math.max(entry.pausedUntil, until)
    if (entry.queue.isPaused) return
    entry.queue.pause()
    void (async () => {
      while (!this.run.aborted && this.environment.now() < entry.pausedUntil) await this.environment.sleep(entry.pausedUntil - this.environment.now(), this.run)
      entry.queue.start()
    })()
  }
}

interface Walk {
  verdict: Verdict
  hops: Hop[]
  host: string
  retryAfter?: number
  refused?: boolean
}

const header = (answer: HttpAnswer, name: string): string | undefined => {
  const value = answer.headers[name]
  return Array.isArray(value) ? value[0] : (value as string | undefined)
}

const afterRedirects = (hops: readonly Hop[], url: string) => (hops.length === 0 ? '' : ` at \`${url}\` after ${hops.length} redirect${hops.length === 1 ? '' : 's'}`)

/**
 * Check URLs over the network: HEAD, then GET where HEAD is refused or answers anything but success
 * or a redirect; redirects followed (DOI resolver answers excepted) up to a limit, loops caught; the
 * address guard on every hop; retries with backoff, `Retry-After` pausing the host. Never throws for
 * a URL: every URL gets a result, within the run's bound.
 */
export async function checkUrls(plans: readonly RequestPlan[], settings: CheckSettings, environment: CheckEnvironment, onResult?: (result: CheckedUrl) => void): Promise<CheckedUrl[]> {
  const controller = new AbortController()
  const runTimer = setTimeout(() => controller.abort(), settings.runTimeout)
  const run = controller.signal
  // Every request in flight listens to the run's bound: as many listeners as the concurrency.
  setMaxListeners(0, run)
  const agent = createAgent({hostConcurrency: settings.hostConcurrency, timeout: settings.timeout, resolve: environment.resolve, policy: environment.policy})
  const scheduler = new Scheduler(settings, environment, run)
  // Hosts that refused HEAD (405, 501) get GET from then on: no second request per URL.
  const getOnly = new Set<string>()
  const backoff = {base: backoffBase, cap: backoffCap, random: environment.random}

  // The method is chosen when the request starts, so URLs queued before a host refused HEAD benefit too.
  async function attempt(url: string, host: string, method: () => 'HEAD' | 'GET', tally: {requests: number; ms: number}): Promise<Attempt & {method: 'HEAD' | 'GET'}> {
    return scheduler.schedule(host, async () => {
      const chosen = method()
      if (run.aborted) return {failure: {code: 'RUN_TIMEOUT', detail: formatDuration(settings.runTimeout)}, method: chosen}
      const start = environment.now()
      tally.requests++
      const result = await requestOnce(url, chosen, {agent, timeout: settings.timeout, maxBody: settings.maxBody, run})
      tally.ms += environment.now() - start
      if (chosen === 'HEAD' && (result.answer?.status === 405 || result.answer?.status === 501)) getOnly.add(host)
      return result.failure?.code === 'RUN_TIMEOUT' ? {failure: {code: 'RUN_TIMEOUT', detail: formatDuration(settings.runTimeout)}, method: chosen} : {...result, method: chosen}
    })
  }

  async function headThenGet(url: string, host: string, tally: {requests: number; ms: number}): Promise<Attempt> {
    const first = await attempt(url, host, () => (getOnly.has(host) ? 'GET' : 'HEAD'), tally)
    if (first.method === 'GET' || first.failure || first.answer.status < 400 || first.answer.status === 429) return first
    return attempt(url, host, () => 'GET', tally)
  }

  async function walk(plan: RequestPlan, tally: {requests: number; ms: number}): Promise<Walk> {
    let url = plan.url
    const hops: Hop[] = []
    for (;;) {
      const {hostname, host} = new URL(url)
      const via = hops.length > 0 ? ` (a redirect from \`${hops.at(-1)!.from}\`)` : ''
      const literal = literalAddress(hostname)
      const refusal = literal === undefined ? undefined : environment.policy(literal)
      if (refusal) return {verdict: {class: 'unknown', reason: `refused: ${literal} is ${refusal}${via}`, retry: false}, hops, host, refused: true}
      const result = await headThenGet(url, host, tally)
      if (result.failure) {
        const verdict = classifyFailure(result.failure)
        const refused = result.failure.code === 'REFUSED_ADDRESS'
        return {verdict: {...verdict, reason: `${verdict.reason}${refused ? via : afterRedirects(hops, url)}`}, hops, host, refused}
      }
      const {answer} = result
      if (redirectStatuses.has(answer.status)) {
        if (plan.redirectIsAnswer) return {verdict: {class: 'ok', reason: `${statusText(answer.status)} (the DOI resolves)`, retry: false, status: answer.status}, hops, host}
        const next = nextHop(url, header(answer, 'location'), hops, settings.maxRedirects)
        if ('verdict' in next) return {verdict: next.verdict, hops, host}
        hops.push({from: url, status: answer.status, to: next.url})
        url = next.url
        continue
      }
      const verdict = classifyAnswer(answer)
      const retryAfter = parseRetryAfter(header(answer, 'retry-after'), environment.now())
      return {verdict: {...verdict, reason: `${verdict.reason}${afterRedirects(hops, url)}`}, hops, host, ...(retryAfter === undefined ? {} : {retryAfter})}
    }
  }

  async function checkOne(plan: RequestPlan): Promise<CheckedUrl> {
    const tally = {requests: 0, ms: 0}
    let retries = 0
    let result: Walk
    for (;;) {
      result = await walk(plan, tally)
      if (!result.verdict.retry || run.aborted) break
      const decision = decideRetry(retries, settings, result.retryAfter, backoff)
      if (!decision.retry) {
        result.verdict = {...result.verdict, reason: `${result.verdict.reason} ${decision.reason}`}
        break
      }
      if (result.verdict.status === 429 || result.retryAfter !== undefined) scheduler.pause(result.host, environment.now() + decision.delay)
      await environment.sleep(decision.delay, run)
      retries++
    }
    const {verdict, hops} = result
    const redirect = verdict.class === 'ok' ? permanentRedirect(hops) : undefined
    const checked: CheckedUrl = {
      url: plan.url,
      host: new URL(plan.url).host,
      outcome: verdict.class,
      reason: verdict.reason,
      ...(verdict.status === undefined ? {} : {status: verdict.status}),
      ...(redirect ? {redirect: redirect.url, redirectStatus: redirect.status} : {}),
      ...(result.refused ? {refused: true} : {}),
      requests: tally.requests,
      retries,
      ms: tally.ms
    }
    onResult?.(checked)
    return checked
  }

  try {
    return await Promise.all(plans.map((plan) => checkOne(plan)))
  } finally {
    clearTimeout(runTimer)
    await agent.destroy().catch(() => {})
  }
}
