import {addressPolicy, planRequest} from '@fmrl/lint'
import {LinksOptions} from '@fmrl/model'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {checkUrls, type CheckEnvironment, type CheckSettings, type CheckedUrl} from '../src/commands/links/checker.js'
import type {Resolver} from '../src/commands/links/guard.js'
import {startLinkServer, type LinkServer} from './link-server.js'

/** A clock that only moves when the checker waits: every wait is recorded, none is slept. */
function fakeClock(start = Date.UTC(2026, 0, 5, 12, 0, 0)) {
  let now = start
  const waits: number[] = []
  return {
    waits,
    now: () => now,
    sleep: async (ms: number) => {
      waits.push(ms)
      now += ms
    }
  }
}

// No name resolves here but the ones a test lists: no DNS query leaves the machine.
const table = (names: Record<string, string>): Resolver => async (hostname) => {
  const address = names[hostname]
  if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {code: 'ENOTFOUND'})
  return [{address, family: address.includes(':') ? 6 : 4}]
}

const fast: CheckSettings = {...LinksOptions.parse({timeout: '400ms', runTimeout: '20s', retries: '2', hostConcurrency: '2'})}

let server: LinkServer
let clock: ReturnType<typeof fakeClock>

beforeEach(async () => {
  clock = fakeClock()
  server = await startLinkServer({now: clock.now})
})
afterEach(async () => {
  await server.close()
})

function environment(overrides: Partial<CheckEnvironment> = {}): CheckEnvironment {
  return {now: clock.now, sleep: clock.sleep, random: () => 0.5, resolve: table({}), policy: addressPolicy({allowPrivate: false, allow: ['127.0.0.1']}), ...overrides}
}

async function check(paths: string[], settings: CheckSettings = fast, env = environment()): Promise<Record<string, Omit<CheckedUrl, 'url' | 'host' | 'ms'>>> {
  const results = await checkUrls(paths.map((path) => planRequest(`${server.origin}${path}`)), settings, env)
  return Object.fromEntries(results.map(({url, host: _host, ms: _ms, ...rest}) => [url.slice(server.origin.length), rest]))
}

describe('each answer lands in its class', () => {
  test('success, HEAD refused or lying, dead, gone', async () => {
    expect(await check(['/no-head'])).toEqual({'/no-head': {outcome: 'ok', reason: '200 OK', status: 200, requests: 2, retries: 0}})
    expect(await check(['/ok', '/head-lies', '/missing', '/gone'])).toEqual({
      '/ok': {outcome: 'ok', reason: '200 OK', status: 200, requests: 1, retries: 0},
      '/head-lies': {outcome: 'ok', reason: '200 OK', status: 200, requests: 2, retries: 0},
      '/missing': {outcome: 'dead', reason: '404 Not Found', status: 404, requests: 2, retries: 0},
      '/gone': {outcome: 'dead', reason: '410 Gone', status: 410, requests: 2, retries: 0}
    })
  })

  test('a host that refused HEAD once gets GET from then on', async () => {
    await checkUrls(['/no-head', '/ok', '/ok-2'].map((path) => planRequest(`${server.origin}${path}`)), {...fast, hostConcurrency: 1}, environment())
    expect(server.log).toEqual(['HEAD /no-head', 'GET /ok', 'GET /ok-2', 'GET /no-head'])
  })

  test('redirects: permanent ones carry the new URL, temporary ones do not; chains, loops and limits', async () => {
    expect(await check(['/moved-301', '/moved-308', '/found-302', '/temporary-307', '/chain', '/moved-dead', '/loop-a', '/endless'])).toEqual({
      '/moved-301': {outcome: 'ok', reason: `200 OK at \`${server.origin}/new\` after 1 redirect`, status: 200, redirect: `${server.origin}/new`, redirectStatus: 301, requests: 2, retries: 0},
      '/moved-308': {outcome: 'ok', reason: `200 OK at \`${server.origin}/new\` after 1 redirect`, status: 200, redirect: `${server.origin}/new`, redirectStatus: 308, requests: 2, retries: 0},
      '/found-302': {outcome: 'ok', reason: `200 OK at \`${server.origin}/ok\` after 1 redirect`, status: 200, requests: 2, retries: 0},
      '/temporary-307': {outcome: 'ok', reason: `200 OK at \`${server.origin}/ok\` after 1 redirect`, status: 200, requests: 2, retries: 0},
      // 301 then 308 are permanent, the 302 after them is not: the link's new URL is the 302's.
      '/chain': {outcome: 'ok', reason: `200 OK at \`${server.origin}/ok\` after 3 redirects`, status: 200, redirect: `${server.origin}/chain-3`, redirectStatus: 301, requests: 4, retries: 0},
      '/moved-dead': {outcome: 'dead', reason: `404 Not Found at \`${server.origin}/missing\` after 1 redirect`, status: 404, requests: 3, retries: 0},
      '/loop-a': {outcome: 'unknown', reason: `a redirect loop (${server.origin}/loop-a → ${server.origin}/loop-b → ${server.origin}/loop-a)`, requests: 2, retries: 0},
      '/endless': {outcome: 'unknown', reason: 'more than 10 redirects', requests: 11, retries: 0}
    })
  })

  test('429 with Retry-After in seconds and as an HTTP date: waited as asked, then ok', async () => {
    expect(await check(['/rate-seconds'])).toEqual({'/rate-seconds': {outcome: 'ok', reason: '200 OK', status: 200, requests: 2, retries: 1}})
    expect(clock.waits).toEqual([1000, 1000])
    clock.waits.length = 0
    expect(await check(['/rate-date'])).toEqual({'/rate-date': {outcome: 'ok', reason: '200 OK', status: 200, requests: 2, retries: 1}})
    // The pause of the host and the retry of the URL both wait the 2 s the date asks for.
    expect(clock.waits).toEqual([2000, 2000])
  })

  test('a Retry-After longer than the run allows leaves the URL unknown at once', async () => {
    expect(await check(['/rate-forever'])).toEqual({'/rate-forever': {outcome: 'unknown', reason: '429 Too Many Requests the host asks to wait 3600 s', status: 429, requests: 1, retries: 0}})
    expect(clock.waits).toEqual([])
  })

  test('503 then 200: retried with backoff; a server that stays down is unknown after the retries', async () => {
    expect(await check(['/flaky', '/down'])).toEqual({
      '/flaky': {outcome: 'ok', reason: '200 OK', status: 200, requests: 3, retries: 1},
      '/down': {outcome: 'unknown', reason: '503 Service Unavailable after 2 retries', status: 503, requests: 6, retries: 2}
    })
    // Equal jitter with random 0.5: 3/4 of 1 s, then of 2 s (the two URLs' waits interleave).
    expect(clock.waits.sort((a, b) => a - b)).toEqual([750, 750, 1500])
  })

  test('no answer, a reset, a drip, a huge body and a bot wall, each within the time bound', async () => {
    const started = performance.now()
    expect(await check(['/silent', '/reset', '/drip', '/drip-403', '/huge', '/huge-403', '/bot-wall'], {...fast, retries: 1})).toEqual({
      '/silent': {outcome: 'unknown', reason: 'no answer within 400 ms after 1 retry', requests: 2, retries: 1},
      '/reset': {outcome: 'unknown', reason: 'connection reset after 1 retry', requests: 2, retries: 1},
      '/drip': {outcome: 'ok', reason: '200 OK', status: 200, requests: 1, retries: 0},
      '/drip-403': {outcome: 'unknown', reason: '403 Forbidden', status: 403, requests: 2, retries: 0},
      '/huge': {outcome: 'ok', reason: '200 OK', status: 200, requests: 1, retries: 0},
      '/huge-403': {outcome: 'unknown', reason: '403 Forbidden', status: 403, requests: 2, retries: 0},
      '/bot-wall': {outcome: 'unknown', reason: '403 Forbidden (a bot-protection page)', status: 403, requests: 2, retries: 0}
    })
    // Two attempts of 400 ms for the silent route, the drip's 400 ms, and slack for a loaded machine.
    expect(performance.now() - started).toBeLessThan(2500)
  })

  test('the run bound leaves what it did not reach unknown, and returns on time', async () => {
    const started = performance.now()
    const results = await check(['/silent', '/ok'], {...fast, timeout: 5000, runTimeout: 300, hostConcurrency: 1})
    expect(performance.now() - started).toBeLessThan(1500)
    expect(results).toEqual({
      '/silent': {outcome: 'unknown', reason: "not checked: the run's time bound of 300 ms ran out", requests: 1, retries: 0},
      '/ok': {outcome: 'unknown', reason: "not checked: the run's time bound of 300 ms ran out", requests: 0, retries: 0}
    })
  })
})

describe('politeness', () => {
  test('never more requests in flight to one host than its limit', async () => {
    const paths = Array.from({length: 24}, (_, index) => `/slow?ms=30&i=${index}`)
    const results = await check(paths, {...fast, concurrency: 16, hostConcurrency: 3})
    expect(Object.values(results).every((result) => result.outcome === 'ok')).toBe(true)
    expect(server.maxInFlight()).toBe(3)
  })

  test('a minimum interval between the starts of two requests to one host', async () => {
    await check(['/ok?1', '/ok?2', '/ok?3', '/ok?4'], {...fast, hostConcurrency: 4, hostInterval: 150})
    const gaps = server.arrivals.slice(1).map((time, index) => time - server.arrivals[index]!)
    expect(gaps).toHaveLength(3)
    // The server sees a request after its connection is set up, and a loaded machine can delay one
    // arrival into the next gap: each gap keeps most of its 150 ms, and together they keep most of
    // 450 ms. Without the interval the gaps are a few milliseconds.
    for (const gap of gaps) expect(gap).toBeGreaterThan(60)
    expect(server.arrivals.at(-1)! - server.arrivals[0]!).toBeGreaterThan(330)
  })

  test('never more requests in flight over the whole run than its global limit', async () => {
    const paths = Array.from({length: 16}, (_, index) => `/slow?ms=30&i=${index}`)
    await check(paths, {...fast, concurrency: 3, hostConcurrency: 8})
    expect(server.maxInFlight()).toBe(3)
  })
})

describe('the address guard', () => {
  test('a URL at a private address is refused without a request; --allow-private lifts it', async () => {
    const blocked = await checkUrls([planRequest(`${server.origin}/ok`)], fast, environment({policy: addressPolicy({allowPrivate: false})}))
    expect(blocked.map(({outcome, reason, refused, requests}) => ({outcome, reason, refused, requests}))).toEqual([
      {outcome: 'unknown', reason: 'refused: 127.0.0.1 is a loopback address', refused: true, requests: 0}
    ])
    expect(server.log).toEqual([])
    const allowed = await checkUrls([planRequest(`${server.origin}/ok`)], fast, environment({policy: addressPolicy({allowPrivate: true})}))
    expect(allowed[0]!.outcome).toBe('ok')
  })

  test('a name that resolves to a private address is refused after resolution, before connecting', async () => {
    const results = await checkUrls([planRequest(`http://inside.test:${server.port}/ok`)], fast, environment({resolve: table({'inside.test': '127.0.0.2'})}))
    expect(results.map(({outcome, reason, refused}) => ({outcome, reason, refused}))).toEqual([
      {outcome: 'unknown', reason: 'refused: inside.test resolves to 127.0.0.2, a loopback address', refused: true}
    ])
  })

  test('a redirect to a private address is refused, and the private server never hears of it', async () => {
    const inside = await startLinkServer({host: '127.0.0.2'})
    const outside = await startLinkServer({host: '127.0.0.1', privateOrigin: inside.origin})
    try {
      const byAddress = await checkUrls([planRequest(`${outside.origin}/to-private`)], fast, environment())
      const byName = await checkUrls([planRequest(`${outside.origin}/to-private`)], fast, environment())
      expect(byAddress[0]).toMatchObject({outcome: 'unknown', reason: `refused: 127.0.0.2 is a loopback address (a redirect from \`${outside.origin}/to-private\`)`, refused: true})
      expect(byName[0]!.outcome).toBe('unknown')
      expect(inside.log).toEqual([])
    } finally {
      await inside.close()
      await outside.close()
    }
  })

  test('a name that does not resolve is dead', async () => {
    const results = await checkUrls([planRequest('http://nowhere.test/x')], fast, environment({policy: addressPolicy({allowPrivate: true})}))
    expect(results.map(({outcome, reason}) => ({outcome, reason}))).toEqual([{outcome: 'dead', reason: 'no such host (the name does not resolve)'}])
  })
})
