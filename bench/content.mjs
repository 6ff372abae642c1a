// The content suite: what a maintainer and a contributor wait for on the real content/ (lint, the
// pre-commit hook, a no-change pnpm build), each against the node + modules floor of the same run.
import {spawnSync} from 'node:child_process'
import {appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {cli, editRow, repositoryRoot} from './fixtures.mjs'
import {benchEnvironment, measure, ratiosTo, rowsPerSecond} from './measure.mjs'

const node = process.execPath

/**
 * A throw-away git repository holding the real content/ and outputs, with the hook installed by
 * simple-git-hooks from the real package.json and every content file staged: the hook's worst case.
 */
function hookRepository(environment) {
  const directory = mkdtempSync(join(tmpdir(), 'fmrl-bench-hook-'))
  // Every output the check compares (site/ since the web page became one), or the hook reports it stale.
  for (const path of ['content', 'README.md', 'tables', 'export', 'site', 'package.json']) cpSync(join(repositoryRoot, path), join(directory, path), {recursive: true})
  symlinkSync(join(repositoryRoot, 'packages'), join(directory, 'packages'), 'dir')
  spawnSync('git', ['init', '--quiet'], {cwd: directory, env: environment})
  appendFileSync(join(directory, '.git/info/exclude'), '/packages\n/package.json\n/.cache\n')
  // As a commit follows a build: the build's record of what it wrote is what the hook's check compares.
  const built = spawnSync(node, [cli, 'build'], {cwd: directory, env: environment, encoding: 'utf8'})
  if (built.status !== 0) throw new Error(`fmrl build failed in the hook's repository:\n${built.stdout}${built.stderr}`)
  const installed = spawnSync(node, [join(repositoryRoot, 'node_modules/simple-git-hooks/cli.js')], {cwd: directory, env: environment, encoding: 'utf8'})
  if (!existsSync(join(directory, '.git/hooks/pre-commit'))) throw new Error(`simple-git-hooks did not install the hook:\n${installed.stdout}${installed.stderr}`)
  spawnSync('git', ['add', '--all'], {cwd: directory, env: environment})
  return directory
}

/** Run the content suite; `smoke` runs each command once. Returns the measurements and the problems found. */
export function runContent({runs, smoke, timeoutMs, log, progress = () => {}}) {
  const environment = benchEnvironment()
  const measurements = []
  const problems = []
  const rows = countRows()
  const run = (step, options = {}) => {
    const result = measure({...step, env: environment, timeoutMs}, {runs: smoke ? 1 : runs, warmups: smoke ? 0 : 1, ...options})
    measurements.push({suite: 'content', size: 'content', rows, id: step.id, input: 'content', label: step.label, ...(step.floor ? {floor: true} : {}), ...result})
    progress(addFloorRatios(measurements))
    log(`content ${step.label}: ${result.status} ${Math.round(result.wallMs)} ms`)
    if (result.status !== 'ok') problems.push(`content ${step.label}: ${result.status} (exit ${result.exitCode})\n${result.output ?? ''}`)
  }
  run({id: 'floor-modules', label: 'floor: node + modules', command: node, args: [join(repositoryRoot, 'bench/floor.mjs'), 'modules'], cwd: repositoryRoot, floor: true})
  // Cold: --no-cache parses everything. Cached: the runs before left the parse cache (.cache/fmrl/trees/) warm, as a second `pnpm lint` finds it.
  run({id: 'fmrl-lint', label: 'fmrl lint --no-cache (content/ and the generated Markdown, as pnpm lint)', command: node, args: [cli, 'lint', '--no-cache'], cwd: repositoryRoot})
  run({id: 'fmrl-lint-cached', label: 'fmrl lint, parse cache warm', command: node, args: [cli, 'lint'], cwd: repositoryRoot})
  // A contributor's lint after an edit: every file the survey is data for is linted again. On a copy,
  // never the live content/; the warm-up run fills the parse cache, each measured run edits a row first.
  const edited = mkdtempSync(join(tmpdir(), 'fmrl-bench-edited-'))
  try {
    cpSync(join(repositoryRoot, 'content'), join(edited, 'content'), {recursive: true})
    run({id: 'fmrl-lint-edited', label: 'fmrl lint content/, one row edited, parse cache warm', command: node, args: [cli, 'lint', '--root', edited, 'content'], cwd: edited}, {before: (index) => editRow(join(edited, 'content'), index)})
  } finally {
    rmSync(edited, {recursive: true, force: true})
  }
  run({id: 'fmrl-check', label: 'fmrl check --no-cache', command: node, args: [cli, 'check', '--no-cache'], cwd: repositoryRoot})
  run({id: 'fmrl-check-cached', label: 'fmrl check, parse cache warm', command: node, args: [cli, 'check'], cwd: repositoryRoot})
  const repository = hookRepository(environment)
  try {
    run({id: 'pre-commit', label: 'pre-commit hook (every content file staged after fmrl build; its lint keeps the parse cache warm)', command: 'git', args: ['hook', 'run', 'pre-commit'], cwd: repository, check: (output) => output.includes('generated files match content/')})
  } finally {
    rmSync(repository, {recursive: true, force: true})
  }
  // Two warm-up builds: turbo hashes the committed outputs as inputs of generate, so right after a
  // build that rewrote them one more run is needed before the cache hits.
  run({id: 'pnpm-build', label: 'pnpm build, no change (turbo FULL TURBO)', command: 'pnpm', args: ['build'], cwd: repositoryRoot, check: (output) => output.includes('FULL TURBO')}, {warmups: 2})
  return {measurements: addFloorRatios(measurements), problems}
}

/** The number of method rows in the real content (for rows per second), from the committed export. */
function countRows() {
  return JSON.parse(readFileSync(join(repositoryRoot, 'export/survey.json'), 'utf8')).methods.length
}

function addFloorRatios(measurements) {
  const base = measurements.find((measurement) => measurement.id === 'floor-modules')
  return measurements.map((measurement) => ({...measurement, rowsPerSecond: rowsPerSecond(measurement), ratios: ratiosTo(measurement, base)}))
}
