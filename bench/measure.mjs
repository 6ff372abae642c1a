// Run a command as a child and measure it: wall time, CPU time and peak RSS of every node process it
// starts (through the usage.cjs preload), and how it ended. A timeout, an out-of-memory abort or a
// non-zero exit is a result to report, not a crash of the harness.
import {spawnSync} from 'node:child_process'
import {closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const usagePreload = fileURLToPath(new URL('usage.cjs', import.meta.url))

/** The environment every measured command gets: no telemetry, a fixed git identity, the usage preload. */
export function benchEnvironment(extra = {}) {
  const environment = {
    ...process.env,
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'bench',
    GIT_AUTHOR_EMAIL: 'bench@fmrl.invalid',
    GIT_COMMITTER_NAME: 'bench',
    GIT_COMMITTER_EMAIL: 'bench@fmrl.invalid',
    ...extra
  }
  delete environment.SKIP_SIMPLE_GIT_HOOKS
  // A heap limit inherited from the caller would change what "completes on the default heap" means.
  environment.NODE_OPTIONS = `${(environment.NODE_OPTIONS ?? '').replace(/--max-old-space-size=\S+/g, '')} --require "${usagePreload}"`.trim()
  return environment
}

const tail = (path, bytes = 8192) => {
  const text = readFileSync(path, 'utf8')
  return text.length > bytes ? text.slice(-bytes) : text
}

/** Tell how a run ended from its exit and what it printed last. */
function classify(result, accept, output) {
  if (result.error?.code === 'ETIMEDOUT') return 'timeout'
  if (/heap out of memory|Allocation failed|Reached heap limit|FATAL ERROR: .*memory/i.test(output)) return 'oom'
  if (result.error) return 'failed'
  if (result.signal) return result.signal === 'SIGKILL' ? 'killed' : 'crashed'
  return accept.includes(result.status) ? 'ok' : 'failed'
}

/**
 * Run `command args` once in `cwd`; `accept` lists the exit codes that count as success and `check`
 * may also look at the output. Output goes to files (a large report would overflow a pipe buffer).
 */
export function runOnce({command, args, cwd, env, accept = [0], check, timeoutMs = 15 * 60_000}) {
  const scratch = mkdtempSync(join(tmpdir(), 'fmrl-bench-run-'))
  const usageFile = join(scratch, 'usage.jsonl')
  const stdoutFile = join(scratch, 'stdout')
  const stderrFile = join(scratch, 'stderr')
  const out = openSync(stdoutFile, 'w')
  const err = openSync(stderrFile, 'w')
  try {
    const start = process.hrtime.bigint()
    const result = spawnSync(command, args, {cwd, env: {...(env ?? benchEnvironment()), FMRL_BENCH_USAGE: usageFile}, stdio: ['ignore', out, err], timeout: timeoutMs, killSignal: 'SIGKILL'})
    const wallMs = Number(process.hrtime.bigint() - start) / 1e6
    closeSync(out)
    closeSync(err)
    const output = `${tail(stdoutFile)}${tail(stderrFile)}`
    let status = classify(result, accept, output)
    if (status === 'ok' && check && !check(output)) status = 'unexpected output'
    const usages = existsSync(usageFile) ? readFileSync(usageFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)) : []
    return {
      status,
      exitCode: result.status,
      signal: result.signal,
      wallMs,
      // The node processes ran one after another (or one contained the others): the peak is the largest.
      peakRssBytes: usages.length > 0 ? Math.max(...usages.map((usage) => usage.maxRssKb)) * 1024 : null,
      cpuMs: usages.length > 0 ? usages.reduce((sum, usage) => sum + usage.userUs + usage.systemUs, 0) / 1000 : null,
      nodeProcesses: usages.length,
      output: status === 'ok' ? undefined : output.slice(-2000)
    }
  } finally {
    rmSync(scratch, {recursive: true, force: true})
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/**
 * Measure a command: `warmups` unmeasured runs, then `runs` measured ones (`before(run)` prepares
 * each, untimed). The first run that does not succeed ends the measurement and is its result, so a
 * timeout is paid once, not `runs` times.
 */
export function measure(spec, {runs, warmups = 0, before = () => {}}) {
  const results = []
  for (let run = 0; run < warmups + runs; run++) {
    before(run)
    const result = runOnce(spec)
    if (result.status !== 'ok') return {status: result.status, runs: [result], exitCode: result.exitCode, output: result.output, wallMs: result.wallMs, peakRssBytes: result.peakRssBytes, cpuMs: result.cpuMs}
    if (run >= warmups) results.push(result)
  }
  const known = (key) => results.map((result) => result[key]).filter((value) => value !== null)
  return {
    status: 'ok',
    runs: results.map(({status, exitCode, wallMs, peakRssBytes, cpuMs, nodeProcesses}) => ({status, exitCode, wallMs, peakRssBytes, cpuMs, nodeProcesses})),
    wallMs: median(results.map((result) => result.wallMs)),
    cpuMs: known('cpuMs').length > 0 ? median(known('cpuMs')) : null,
    peakRssBytes: known('peakRssBytes').length > 0 ? Math.max(...known('peakRssBytes')) : null
  }
}

/** Method rows per wall second of a measurement that succeeded (none for a file refused at the limits: it read no rows). */
export const rowsPerSecond = (measurement) => (measurement.status === 'ok' && !measurement.refused ? measurement.rows / (measurement.wallMs / 1000) : null)

/** A measurement as ratios to its floor (null where either did not succeed or a figure is missing). */
export function ratiosTo(measurement, base) {
  const ok = base?.status === 'ok' && measurement.status === 'ok'
  const ratio = (key) => (ok && base[key] && measurement[key] ? measurement[key] / base[key] : null)
  // Same rows on both sides: the speed ratio is the floor's time over the command's.
  return {wall: ratio('wallMs'), cpu: ratio('cpuMs'), peakRss: ratio('peakRssBytes'), rowsPerSecond: ok && rowsPerSecond(measurement) !== null ? base.wallMs / measurement.wallMs : null}
}
