#!/usr/bin/env node
// `pnpm bench`: wall time of the pre-commit hook on the real content and of a no-change `pnpm build`
// (a turbo cache hit), each against a baseline: starting node and loading the same modules.
// Usage: pnpm bench [--runs N] | pnpm bench links   (run `pnpm build` first: the hook runs the built CLI)
import {spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, appendFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
// `pnpm bench links`: the link checker against linkinator and markdown-link-check (bench/links.mjs).
if (process.argv[2] === 'links') {
  const {run} = await import('./links.mjs')
  await run()
  process.exit(0)
}
const runsFlag = process.argv.indexOf('--runs')
const runs = runsFlag === -1 ? 7 : Number(process.argv[runsFlag + 1])
if (!Number.isInteger(runs) || runs < 1) fail('Unexpected --runs, expected a whole number of at least 1')
if (!existsSync(join(root, 'packages/cli/dist/bin.js'))) fail('Unexpected missing packages/cli/dist/bin.js, expected a build: run `pnpm build` first')

const environment = {...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@fmrl.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@fmrl.invalid'}
delete environment.SKIP_SIMPLE_GIT_HOOKS

function fail(message) {
  console.error(`bench: ${message}`)
  process.exit(2)
}

/** Run a command once; its wall time in milliseconds, and its output. */
function time(command, args, cwd) {
  const start = process.hrtime.bigint()
  const result = spawnSync(command, args, {cwd, env: environment, encoding: 'utf8'})
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  return {ms, status: result.status, output: `${result.stdout}${result.stderr}`}
}

/** Median wall time of `runs` runs after `warmups` unmeasured runs; every measured run must exit 0 and pass `check`. */
function measure(label, command, args, cwd, check = () => true, warmups = 1) {
  for (let run = 0; run < warmups; run++) {
    const warm = time(command, args, cwd)
    if (warm.status !== 0) fail(`${label} failed (exit ${warm.status}):\n${warm.output}`)
  }
  const times = []
  for (let run = 0; run < runs; run++) {
    const result = time(command, args, cwd)
    if (result.status !== 0 || !check(result.output)) fail(`${label} did not run as expected (exit ${result.status}):\n${result.output}`)
    times.push(result.ms)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

/**
 * A throw-away git repository holding the real content/ and outputs, with the hook installed by
 * simple-git-hooks from the real package.json and every content file staged: the hook's worst case.
 */
function hookRepository() {
  const directory = mkdtempSync(join(tmpdir(), 'fmrl-bench-'))
  for (const path of ['content', 'README.md', 'tables', 'export', 'package.json']) cpSync(join(root, path), join(directory, path), {recursive: true})
  symlinkSync(join(root, 'packages'), join(directory, 'packages'), 'dir')
  spawnSync('git', ['init', '--quiet'], {cwd: directory, env: environment})
  appendFileSync(join(directory, '.git/info/exclude'), '/packages\n/package.json\n')
  const installed = spawnSync(process.execPath, [join(root, 'node_modules/simple-git-hooks/cli.js')], {cwd: directory, env: environment, encoding: 'utf8'})
  if (!existsSync(join(directory, '.git/hooks/pre-commit'))) fail(`simple-git-hooks did not install the hook:\n${installed.stdout}${installed.stderr}`)
  spawnSync('git', ['add', '--all'], {cwd: directory, env: environment})
  return directory
}

const format = (ms) => `${Math.round(ms)} ms`
const ratio = (ms, base) => `${(ms / base).toFixed(1)}×`

const baseline = measure('baseline', process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(join(root, 'packages/cli/dist/index.js'))})`], root)
const repository = hookRepository()
let hook
try {
  hook = measure('pre-commit hook', 'git', ['hook', 'run', 'pre-commit'], repository, (output) => output.includes('generated files match content/'))
} finally {
  rmSync(repository, {recursive: true, force: true})
}
// Two warm-up builds: turbo hashes the committed outputs as inputs of generate, so right after a
// build that rewrote them one more run is needed before the cache hits.
const build = measure('pnpm build', 'pnpm', ['build'], root, (output) => output.includes('FULL TURBO'), 2)

// Parsing must stay linear in the input on the shapes micromark has been quadratic on (nested
// lists: micromark 4.0.3; emphasis and brackets: bounded by the parser's limits): twice the
// text should take about twice as long (a ratio near 4 means quadratic).
const parser = join(root, 'packages/parser/dist/index.js')
const shapes = {'nested lists': "'- x\\n  - y\\n'", 'emphasis and links in rows': "'| *a* [b](c) _d_ | e |\\n'"}
const scaling = Object.entries(shapes).map(([label, unit]) => {
  const parse = (count) => measure(`parse ${label}`, process.execPath, ['--input-type=module', '-e', `const {parseMarkdown} = await import(${JSON.stringify(parser)}); parseMarkdown(${unit}.repeat(${count}))`], root)
  const small = parse(4000)
  const large = parse(8000)
  return `parse ${label}, 8,000 against 4,000 (each less the baseline): ${((large - baseline) / (small - baseline)).toFixed(1)}× (medians ${format(large)} and ${format(small)})`
})

console.log(`fmrl bench: median of ${runs} runs each, after warm-up runs`)
console.log(`baseline (start node, load @fmrl/cli and its modules): ${format(baseline)}`)
console.log(`pre-commit hook (lint every content file, check every output): ${ratio(hook, baseline)} baseline (median ${format(hook)} vs ${format(baseline)})`)
console.log(`pnpm build, no change (turbo FULL TURBO): ${ratio(build, baseline)} baseline (median ${format(build)} vs ${format(baseline)})`)
for (const line of scaling) console.log(line)
