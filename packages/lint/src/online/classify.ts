import type {LinkClass} from '@fmrl/model'

/** What a server answered, as far as a link check reads it. */
export interface HttpAnswer {
  status: number
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>
  /** A bounded prefix of the body, when one was read (GET only). */
  body?: string
}

/** What one request showed about a URL, and whether asking again could change it. */
export interface Verdict {
  class: LinkClass
  /** Why, as a message would say it: `404 Not Found`, `no answer within 10 s`. */
  reason: string
  /** A rate limit, a server error, a timeout or a reset: another attempt may answer. */
  retry: boolean
  status?: number
}

const statusNames: Readonly<Record<number, string>> = {
  200: 'OK', 203: 'Non-Authoritative Information', 204: 'No Content', 206: 'Partial Content',
  301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  408: 'Request Timeout', 410: 'Gone', 429: 'Too Many Requests', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout'
}

/** A status as a message names it: `404 Not Found`, or the bare number for rarer codes. */
export function statusText(status: number): string {
  const name = statusNames[status]
  return name ? `${status} ${name}` : String(status)
}

/** Redirect statuses whose `Location` is followed; 301 and 308 are permanent (the link should change). */
export const redirectStatuses: ReadonlySet<number> = new Set([301, 302, 303, 307, 308])
export const permanentRedirectStatuses: ReadonlySet<number> = new Set([301, 308])

const retriedStatuses = new Set([408, 429, 500, 502, 503, 504])

// What the challenge pages of common bot protections (Cloudflare, Akamai, Imperva, DDoS-Guard,
// PerimeterX, DataDome) carry: such a page says nothing about whether the link works for a reader.
const botWallBody = /challenge-platform|cf-chl|<title>\s*just a moment|attention required! \| cloudflare|_incapsula_resource|ddos-guard|px-captcha|captcha-delivery|g-recaptcha|h-captcha|verify you are (?:a )?human|access denied.{0,200}reference #/is

function header(answer: HttpAnswer, name: string): string {
  const value = answer.headers[name]
  return Array.isArray(value) ? value.join(', ') : ((value as string | undefined) ?? '')
}

/** Whether an answer is a bot-protection page rather than the resource (or its absence). */
export function isBotWall(answer: HttpAnswer): boolean {
  if (answer.status === 999) return true
  if (answer.status < 400 && answer.status !== 202) return false
  if (header(answer, 'cf-mitigated').toLowerCase() === 'challenge') return true
  return answer.body !== undefined && botWallBody.test(answer.body)
}

/**
 * The class of a final (non-redirect) answer. Only 404 and 410 prove a link dead; 401, 403, 429,
 * 5xx and bot walls prove nothing about what a reader sees, so they are unknown.
 */
export function classifyAnswer(answer: HttpAnswer): Verdict {
  const {status} = answer
  if (isBotWall(answer)) return {class: 'unknown', reason: `${statusText(status)} (a bot-protection page)`, retry: false, status}
  if (status >= 200 && status < 300) return {class: 'ok', reason: statusText(status), retry: false, status}
  if (status === 404 || status === 410) return {class: 'dead', reason: statusText(status), retry: false, status}
  return {class: 'unknown', reason: statusText(status), retry: retriedStatuses.has(status), status}
}

/** Why a request got no answer: a network error code (Node's or undici's), or one of ours. */
export interface RequestFailure {
  code: string
  /** The refused address, the time bound, or the error's own text. */
  detail?: string
}

const resets = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED', 'HPE_INVALID_CONSTANT', 'UND_ERR_RESPONSE_STATUS_CODE'])
const retriedFailures = new Set(['EAI_AGAIN', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])

/** The class of a request that got no answer. Only a name that does not resolve proves a link dead. */
export function classifyFailure(failure: RequestFailure): Verdict {
  const {code, detail} = failure
  if (code === 'ENOTFOUND' || code === 'EAI_NONAME') return {class: 'dead', reason: 'no such host (the name does not resolve)', retry: false}
  if (code === 'TIMEOUT') return {class: 'unknown', reason: `no answer within ${detail ?? 'the time bound'}`, retry: true}
  if (code === 'RUN_TIMEOUT') return {class: 'unknown', reason: `not checked: the run's time bound of ${detail ?? ''} ran out`, retry: false}
  if (code === 'REFUSED_ADDRESS') return {class: 'unknown', reason: `refused: ${detail ?? 'a private address'}`, retry: false}
  if (resets.has(code)) return {class: 'unknown', reason: 'connection reset', retry: true}
  if (retriedFailures.has(code)) return {class: 'unknown', reason: `no connection (${code})`, retry: true}
  if (/CERT|SSL|TLS|SELF_SIGNED/.test(code)) return {class: 'unknown', reason: `TLS certificate not accepted (${code})`, retry: false}
  return {class: 'unknown', reason: detail ? `${code}: ${detail}` : code, retry: false}
}
