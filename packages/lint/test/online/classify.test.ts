import {describe, expect, test} from 'vitest'
import {classifyAnswer, classifyFailure, isBotWall} from '../../src/online/classify.js'

describe('classifyAnswer: only 404 and 410 prove a link dead', () => {
  test.each([
    [200, {class: 'ok', reason: '200 OK', retry: false, status: 200}],
    [204, {class: 'ok', reason: '204 No Content', retry: false, status: 204}],
    [404, {class: 'dead', reason: '404 Not Found', retry: false, status: 404}],
    [410, {class: 'dead', reason: '410 Gone', retry: false, status: 410}],
    [400, {class: 'unknown', reason: '400 Bad Request', retry: false, status: 400}],
    [401, {class: 'unknown', reason: '401 Unauthorized', retry: false, status: 401}],
    [403, {class: 'unknown', reason: '403 Forbidden', retry: false, status: 403}],
    [429, {class: 'unknown', reason: '429 Too Many Requests', retry: true, status: 429}],
    [451, {class: 'unknown', reason: '451 Unavailable For Legal Reasons', retry: false, status: 451}],
    [500, {class: 'unknown', reason: '500 Internal Server Error', retry: true, status: 500}],
    [503, {class: 'unknown', reason: '503 Service Unavailable', retry: true, status: 503}],
    [520, {class: 'unknown', reason: '520', retry: false, status: 520}],
    [999, {class: 'unknown', reason: '999 (a bot-protection page)', retry: false, status: 999}]
  ])('%i', (status, verdict) => {
    expect(classifyAnswer({status, headers: {}})).toEqual(verdict)
  })

  test('a challenge page is unknown and not retried, whatever its status', () => {
    const body = '<html><head><title>Just a moment...</title></head><body>…</body></html>'
    expect(classifyAnswer({status: 503, headers: {}, body})).toEqual({class: 'unknown', reason: '503 Service Unavailable (a bot-protection page)', retry: false, status: 503})
    expect(classifyAnswer({status: 403, headers: {'cf-mitigated': 'challenge'}})).toEqual({class: 'unknown', reason: '403 Forbidden (a bot-protection page)', retry: false, status: 403})
  })
})

describe('isBotWall', () => {
  test.each([
    ['Cloudflare challenge', 403, '<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1"></script>', true],
    ['Cloudflare block', 403, '<title>Attention Required! | Cloudflare</title>', true],
    ['Imperva', 403, '<script src="/_Incapsula_Resource?SWJIYLWA=1"></script>', true],
    ['Akamai', 403, '<H1>Access Denied</H1> You don\'t have permission. Reference #18.2a3b4c5d', true],
    ['reCAPTCHA', 429, '<div class="g-recaptcha" data-sitekey="x"></div>', true],
    ['a plain 403', 403, '<h1>Forbidden</h1>', false],
    ['a 404 page that mentions captcha in passing', 200, 'captcha-delivery', false]
  ])('%s', (_name, status, body, wall) => {
    expect(isBotWall({status, headers: {}, body})).toBe(wall)
  })
})

describe('classifyFailure: only a name that does not resolve proves a link dead', () => {
  test.each([
    [{code: 'ENOTFOUND'}, {class: 'dead', reason: 'no such host (the name does not resolve)', retry: false}],
    [{code: 'EAI_AGAIN'}, {class: 'unknown', reason: 'no connection (EAI_AGAIN)', retry: true}],
    [{code: 'TIMEOUT', detail: '10 s'}, {class: 'unknown', reason: 'no answer within 10 s', retry: true}],
    [{code: 'ECONNRESET'}, {class: 'unknown', reason: 'connection reset', retry: true}],
    [{code: 'UND_ERR_SOCKET'}, {class: 'unknown', reason: 'connection reset', retry: true}],
    [{code: 'ECONNREFUSED'}, {class: 'unknown', reason: 'no connection (ECONNREFUSED)', retry: true}],
    [{code: 'CERT_HAS_EXPIRED'}, {class: 'unknown', reason: 'TLS certificate not accepted (CERT_HAS_EXPIRED)', retry: false}],
    [{code: 'REFUSED_ADDRESS', detail: 'x resolves to 10.0.0.1, a private address'}, {class: 'unknown', reason: 'refused: x resolves to 10.0.0.1, a private address', retry: false}],
    [{code: 'RUN_TIMEOUT', detail: '15 min'}, {class: 'unknown', reason: "not checked: the run's time bound of 15 min ran out", retry: false}],
    [{code: 'EWEIRD', detail: 'odd'}, {class: 'unknown', reason: 'EWEIRD: odd', retry: false}]
  ])('%o', (failure, verdict) => {
    expect(classifyFailure(failure)).toEqual(verdict)
  })
})
