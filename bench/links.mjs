#!/usr/bin/env node
// `pnpm bench links` (or `node bench/links.mjs`): fmrl links against linkinator and markdown-link-check
// on the same list in the same run. 2,000 links over 20 local hosts (127.0.0.1 … 127.0.0.20), each
// answering after 20 ms; 5% dead (404), 5% permanently redirected; a host with more than 8 requests in
// flight answers 429 with Retry-After: 1. Reports wall time and correctness (the exact dead set, no
// false dead) per tool, and the request count of a second fmrl run with a warm cache (must be 0).
// Run `pnpm build` first: it runs the built CLI. Nothing leaves the machine: every host is loopback.
import {spawn} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {createServer} from 'node:http'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {cli, missingBuild, repositoryRoot} from './fixtures.mjs'

const hostCount = 20
const linksPerHost = 100
const delayMs = 20
const maxInFlight = 8

/** Start one host: 20 ms per answer, a 429 past 8 requests in flight; counts what it is asked. */
async function startHost(address) {
  const stats = {requests: 0, throttled: 0}
  let inFlight = 0
  const server = createServer((request, response) => {
    stats.requests++
    inFlight++
    response.on('close', () => inFlight--)
    if (inFlight > maxInFlight) {
      stats.throttled++
      response.writeHead(429, {'retry-after': '1', 'content-length': '0'})
      return response.end()
    }
    setTimeout(() => {
      const match = /^\/page\/(\d+)(\/new)?$/.exec(request.url ?? '')
      const index = match ? Number(match[1]) : -1
      const [status, headers] = !match || index % 20 === 0 ? [404, {}] : index % 20 === 1 && !match[2] ? [301, {location: `/page/${index}/new`}] : [200, {}]
      const body = status === 200 ? '<!doctype html><title>ok</title><p>ok</p>' : ''
      response.writeHead(status, {'content-type': 'text/html', 'content-length': String(Buffer.byteLength(body)), ...headers})
      response.end(request.method === 'HEAD' ? undefined : body)
    }, delayMs)
  })
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, address, resolve))
  return {origin: `http://${address}:${server.address().port}`, stats, close: () => new Promise((resolve) => server.close(resolve)), server}
}

/** Run a command; its wall time, exit code and output. */
function time(command, args, cwd) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint()
    const child = spawn(command, args, {cwd, env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'}})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (code) => resolve({ms: Number(process.hrtime.bigint() - start) / 1e6, code, stdout, stderr}))
  })
}

/** The correctness of a reported dead set against the true one. */
function score(reported, expected) {
  const falseDead = [...reported].filter((url) => !expected.has(url))
  const missed = [...expected].filter((url) => !reported.has(url))
  return {exact: falseDead.length === 0 && missed.length === 0, falseDead: falseDead.length, missed: missed.length}
}

/** Run the benchmark once; resolves to the figures it prints. */
export async function run({log = console.log} = {}) {
  if (!existsSync(cli)) throw new Error(missingBuild)
  const hosts = []
  const directory = mkdtempSync(join(tmpdir(), 'fmrl-bench-links-'))
  try {
    for (let host = 1; host <= hostCount; host++) hosts.push(await startHost(`127.0.0.${host}`))
    const lines = ['# Bench list', '']
    const expected = new Set()
    for (let index = 0; index < hostCount * linksPerHost; index++) {
      const url = `${hosts[index % hostCount].origin}/page/${index}`
      lines.push(`- [Link ${index}](${url})`)
      if (index % 20 === 0) expected.add(url)
    }
    writeFileSync(join(directory, 'list.md'), `${lines.join('\n')}\n`)
    const requests = () => hosts.reduce((sum, host) => sum + host.stats.requests, 0)
    const throttled = () => hosts.reduce((sum, host) => sum + host.stats.throttled, 0)
    const reset = () => hosts.forEach((host) => Object.assign(host.stats, {requests: 0, throttled: 0}))
    const results = []

    // fmrl: dead on the first failing run (--dead-after 1), as the other tools report; a cache of its own.
    const fmrlArgs = [cli, 'links', 'list.md', '--allow-private', '--dead-after', '1', '--format', 'json', '--cache', 'fmrl-links.json']
    const fmrl = await time(process.execPath, fmrlArgs, directory)
    const fmrlDead = new Set(JSON.parse(fmrl.stdout || '[]').filter((finding) => finding.ruleId === 'dead-link' && finding.severity === 'error').map((finding) => /\]\((.*)\)$/.exec(lines[finding.line - 1])[1]))
    results.push({tool: 'fmrl links', ms: fmrl.ms, requests: requests(), throttled: throttled(), ...score(fmrlDead, expected)})
    reset()
    const warm = await time(process.execPath, fmrlArgs, directory)
    const warmDead = new Set(JSON.parse(warm.stdout || '[]').filter((finding) => finding.ruleId === 'dead-link' && finding.severity === 'error').map((finding) => /\]\((.*)\)$/.exec(lines[finding.line - 1])[1]))
    const warmRun = {ms: warm.ms, requests: requests(), ...score(warmDead, expected)}
    reset()

    const linkinator = await time(process.execPath, [join(repositoryRoot, 'node_modules/linkinator/build/src/cli.js'), 'list.md', '--markdown', '--retry', '--format', 'JSON'], directory)
    const linkinatorDead = new Set((JSON.parse(linkinator.stdout || '{"links":[]}').links ?? []).filter((link) => link.state === 'BROKEN').map((link) => link.url))
    results.push({tool: 'linkinator', ms: linkinator.ms, requests: requests(), throttled: throttled(), ...score(linkinatorDead, expected)})
    reset()

    const mlc = await time(process.execPath, [join(repositoryRoot, 'node_modules/markdown-link-check/markdown-link-check'), '--retry', '--quiet', 'list.md'], directory)
    const mlcDead = new Set([...`${mlc.stdout}${mlc.stderr}`.matchAll(/\[✖\] (\S+)/g)].map((match) => match[1]))
    results.push({tool: 'markdown-link-check', ms: mlc.ms, requests: requests(), throttled: throttled(), ...score(mlcDead, expected)})

    const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`
    log(`fmrl bench links: ${hostCount * linksPerHost} links over ${hostCount} hosts, ${expected.size} dead, ${hostCount * linksPerHost / 20} redirected; answers after ${delayMs} ms; 429 past ${maxInFlight} in flight per host`)
    for (const result of results) {
      log(`${result.tool.padEnd(20)} ${seconds(result.ms).padStart(8)}  ${result.exact ? 'exact dead set' : `NOT exact: ${result.falseDead} false dead, ${result.missed} missed`}; ${result.requests} requests, ${result.throttled} answered 429`)
    }
    const linkinatorResult = results.find((result) => result.tool === 'linkinator')
    log(`fmrl links, second run (warm cache): ${seconds(warmRun.ms)}, ${warmRun.requests} requests, ${warmRun.exact ? 'exact dead set' : 'NOT exact'}`)
    log(`fmrl / linkinator wall time: ${(results[0].ms / linkinatorResult.ms).toFixed(2)}×`)
    return {results, warm: warmRun}
  } finally {
    await Promise.all(hosts.map((host) => host.close()))
    rmSync(directory, {recursive: true, force: true})
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const {results, warm} = await run()
  // The goal: the exact dead set with no false dead, a warm run asking nothing, faster than linkinator.
  const fmrl = results[0]
  const linkinator = results.find((result) => result.tool === 'linkinator')
  if (!fmrl.exact || warm.requests !== 0 || !warm.exact || fmrl.ms >= linkinator.ms) process.exitCode = 1
}
