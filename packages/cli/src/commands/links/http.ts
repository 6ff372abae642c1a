import type {HttpAnswer, RequestFailure} from '@fmrl/lint'
import {Agent, request, type Dispatcher} from 'undici'
import {guardedLookup, type Resolver} from './guard.js'
import type {AddressPolicy} from '@fmrl/lint'

/** How requests are made: one keep-alive pool per origin, each at most `hostConcurrency` connections. */
export function createAgent(options: {hostConcurrency: number; timeout: number; resolve: Resolver; policy: AddressPolicy}): Agent {
  return new Agent({
    connections: options.hostConcurrency,
    pipelining: 1,
    keepAliveTimeout: 4_000,
    headersTimeout: options.timeout,
    bodyTimeout: options.timeout,
    connect: {timeout: options.timeout, lookup: guardedLookup(options.resolve, options.policy)}
  })
}

const headers = {
  'user-agent': 'Mozilla/5.0 (compatible; fmrl-links/0.1; link checker)',
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'accept-language': 'en'
}

/** An answer, or why there was none. */
export type Attempt = {answer: HttpAnswer; failure?: undefined} | {answer?: undefined; failure: RequestFailure}

// Statuses whose body may be a bot wall's challenge page: only these bodies are read.
const readsBody = (status: number) => status >= 400 || status === 202

/** The first `limit` bytes of a body as text; the rest is not read (the connection is dropped). */
async function readPrefix(body: Dispatcher.ResponseData['body'], limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    chunks.push(chunk as Buffer)
    size += (chunk as Buffer).length
    if (size >= limit) break
  }
  if (size >= limit) body.destroy()
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8')
}

export const formatDuration = (ms: number) => (ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`)

/**
 * One request, no redirect followed: the status and headers, and for GET a bounded prefix of a body
 * that may be a bot wall. `timeout` bounds it whole (connecting, headers, the prefix read); `run`
 * aborts it when the run's own bound runs out.
 */
export async function requestOnce(url: string, method: 'HEAD' | 'GET', options: {agent: Agent; timeout: number; maxBody: number; run: AbortSignal}): Promise<Attempt> {
  if (options.run.aborted) return {failure: {code: 'RUN_TIMEOUT'}}
  // One controller per request, aborted by its own timer or by the run's bound.
  const timer = new AbortController()
  let timedOut = false
  const timeout = setTimeout(() => {
    timedOut = true
    timer.abort()
  }, options.timeout)
  const onRunAbort = () => timer.abort()
  options.run.addEventListener('abort', onRunAbort, {once: true})
  try {
    const response = await request(url, {dispatcher: options.agent, method, headers, signal: timer.signal})
    const answer: HttpAnswer = {status: response.statusCode, headers: response.headers}
    // Dropping a body we do not read aborts it; that abort is expected, not an error.
    response.body.on('error', () => {})
    if (method === 'GET' && readsBody(response.statusCode) && options.maxBody > 0) {
      // A body that drips past the time bound still leaves its status standing.
      answer.body = await readPrefix(response.body, options.maxBody).catch(() => '')
    } else if (method === 'HEAD') await response.body.dump()
    else response.body.destroy()
    return {answer}
  } catch (error) {
    if (options.run.aborted) return {failure: {code: 'RUN_TIMEOUT'}}
    if (timedOut) return {failure: {code: 'TIMEOUT', detail: formatDuration(options.timeout)}}
    return {failure: failureOf(error)}
  } finally {
    clearTimeout(timeout)
    options.run.removeEventListener('abort', onRunAbort)
  }
}

/** The code of a request error: the error's own, or its cause's (undici wraps socket errors). */
function failureOf(error: unknown): RequestFailure {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as NodeJS.ErrnoException).code
    if (code && code !== 'UND_ERR_CONNECT' && code !== 'UND_ERR_ABORTED') return {code, detail: current.message}
    current = current.cause
  }
  return {code: 'ERROR', detail: error instanceof Error ? error.message : String(error)}
}
