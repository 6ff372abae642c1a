// The scale suite: fmrl on generated survey-shaped content of each size, against floors measured on
// the same text in the same run, with markdownlint-cli2 and remark-cli as peers.
import {mkdtempSync, realpathSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {cli, editRow, writeSize, markdownFiles, repositoryRoot} from './fixtures.mjs'
import {sizes} from './generate.mjs'
import {markdownLimits} from '../packages/parser/dist/index.js'
import {benchEnvironment, measure, ratiosTo, rowsPerSecond} from './measure.mjs'

const node = process.execPath
const floor = join(repositoryRoot, 'bench/floor.mjs')
const parseContent = join(repositoryRoot, 'bench/parse-content.mjs')
const modules = join(repositoryRoot, 'node_modules')
const outputs = ['README.md', 'tables', 'export']

/** The peers, run with node directly so the usage preload sees them; exit 1 means "found problems". */
function peers(readmeDirectory) {
  return [
    {id: 'markdownlint-cli2', label: 'markdownlint-cli2 (default rules)', command: node, args: [join(modules, 'markdownlint-cli2/markdownlint-cli2-bin.mjs'), 'README.md'], cwd: readmeDirectory, accept: [0, 1]},
    {
      id: 'remark-validate-links',
      label: 'remark-cli + remark-gfm + remark-validate-links',
      command: node,
      // Plugins by path: the generated folder is outside the repository, where names do not resolve.
      args: [join(modules, 'remark-cli/cli.js'), '--no-config', '--no-ignore', '--no-stdout', '--use', join(modules, 'remark-gfm/index.js'), '--use', `${join(modules, 'remark-validate-links/index.js')}=repository:false`, 'README.md'],
      cwd: readmeDirectory,
      accept: [0, 1]
    }
  ]
}

/** The floors use the root's copies of the Markdown and schema modules: they must be the ones fmrl loads. */
export function checkSameModules() {
  const pairs = [['unified', 'parser'], ['remark-parse', 'parser'], ['remark-gfm', 'parser'], ['remark-stringify', 'render'], ['zod', 'model']]
  return pairs
    .filter(([name, owner]) => realpathSync(join(modules, name)) !== realpathSync(join(repositoryRoot, 'packages', owner, 'node_modules', name)))
    .map(([name, owner]) => `Unexpected ${name} at the root that is not the copy @fmrl/${owner} loads, expected one version (run pnpm install, align the ranges)`)
}

/** The commands for one size, in the order they run (build before check, which needs the outputs). */
function plan(fixture) {
  const {site, content, readme, readmeFile} = fixture
  const contentPaths = markdownFiles(content)
  const fmrl = (...args) => ({command: node, args: [cli, ...args], cwd: site})
  const readmeLint = {id: 'fmrl-lint', input: 'readme', label: 'fmrl lint --no-cache README.md', command: node, args: [cli, 'lint', '--no-cache', '--root', readme, 'README.md'], cwd: readme}
  // A cold build: no outputs, and no parse cache of an earlier run to read.
  const resetOutputs = () => {
    for (const path of [...outputs, '.cache']) rmSync(join(site, path), {recursive: true, force: true})
  }
  const floors = (input, paths) => [
    {id: 'floor-read', input, label: 'floor: + read the files', command: node, args: [floor, 'read', ...paths], floor: true},
    {id: 'floor-parse', input, label: 'floor: + remark parse (remark-parse + remark-gfm)', command: node, args: [floor, 'parse', ...paths], floor: true, check: (output) => !output.includes(' 0 blocks')},
    {id: 'floor-stringify', input, label: 'floor: + remark stringify', command: node, args: [floor, 'stringify', ...paths], floor: true}
  ]
  return [
    {id: 'floor-modules', input: 'content', label: 'floor: node + modules', command: node, args: [floor, 'modules'], floor: true},
    ...floors('content', contentPaths),
    {id: 'fmrl-parse', input: 'content', label: 'fmrl parse (parseContent, no command of its own)', command: node, args: [parseContent, site], check: (output) => output.includes(`${fixture.rows} methods, 0 errors`)},
    {id: 'fmrl-build', input: 'content', label: 'fmrl build (cold: no outputs or parse cache yet)', ...fmrl('build', '--root', site), before: resetOutputs},
    {id: 'fmrl-check', input: 'content', label: 'fmrl check --no-cache (parse + render + compare)', ...fmrl('check', '--no-cache', '--root', site)},
    {id: 'fmrl-lint', input: 'content', label: 'fmrl lint --no-cache content/', ...fmrl('lint', '--no-cache', '--root', site, 'content')},
    // The default command: with the parse cache, which it writes as it parses (and lints from), emptied first.
    {id: 'fmrl-lint-default', input: 'content', label: 'fmrl lint content/ (the default: parse cache empty, written as it parses)', ...fmrl('lint', '--root', site, 'content'), before: () => rmSync(join(site, '.cache'), {recursive: true, force: true})},
    {id: 'fmrl-lint-warm', input: 'content', label: 'fmrl lint --no-cache content/, one row edited', ...fmrl('lint', '--no-cache', '--root', site, 'content'), before: (run) => editRow(content, run), warm: 'fmrl-lint'},
    // The warm-up run fills the parse cache; each measured run edits another row first.
    {id: 'fmrl-lint-cached', input: 'content', label: 'fmrl lint content/, one row edited, parse cache warm', ...fmrl('lint', '--root', site, 'content'), before: (run) => editRow(content, 2000 + run), warm: 'fmrl-lint', warmups: 1},
    // Likewise a build after a build: the warm-up run keeps what a build keeps (the lint runs above emptied the cache).
    {id: 'fmrl-build-warm', input: 'content', label: 'fmrl build, one row edited', ...fmrl('build', '--root', site), before: (run) => editRow(content, 1000 + run), warm: 'fmrl-build', warmups: 1},
    ...floors('readme', [readmeFile]),
    // A README past the parser's file-size limit (50k rows) is refused at its place, as the limits document: a
    // run of its own id, which no lint target reads.
    statSync(readmeFile).size > markdownLimits.maxBytes
      ? {...readmeLint, id: 'fmrl-lint-refused', refused: true, label: `${readmeLint.label} (past the 8 MiB limit: refused)`, accept: [1], check: (output) => output.includes('(max-file-size)')}
      : readmeLint,
    ...peers(readme).map((peer) => ({...peer, input: 'readme', peer: true}))
  ]
}

/**
 * Run the scale suite; `runsFor(size)` is the number of measured runs. `smoke` runs each command
 * once (no warm runs) and only checks that all succeed; `log` receives progress lines and
 * `progress` the measurements so far, after each one; `only` (ids) limits the commands run. Returns the measurements and the problems found.
 */
export function runScale({sizeNames, runsFor, smoke, timeoutMs, keep, only, log, progress = () => {}}) {
  const measurements = []
  const problems = [...checkSameModules()]
  const environment = benchEnvironment()
  for (const sizeName of sizeNames) {
    const rows = sizes[sizeName]
    const directory = mkdtempSync(join(tmpdir(), `fmrl-bench-${sizeName}-`))
    try {
      const fixture = writeSize(directory, rows)
      if (smoke) {
        const again = mkdtempSync(join(tmpdir(), `fmrl-bench-${sizeName}-again-`))
        try {
          if (writeSize(again, rows).hash !== fixture.hash) problems.push(`Unexpected different content from two runs of the generator (${sizeName}), expected the same bytes for the same seed`)
        } finally {
          rmSync(again, {recursive: true, force: true})
        }
      }
      log(`${sizeName}: ${rows} rows written to ${directory}${keep ? ' (kept)' : ''}`)
      for (const step of plan(fixture)) {
        if ((smoke && step.warm) || (only && !only.includes(step.id))) continue
        const cold = step.warm && measurements.find((measurement) => measurement.size === sizeName && measurement.input === step.input && measurement.id === step.warm)
        // A warm run after a cold one that did not finish would only time out again.
        const result = cold && cold.status !== 'ok' ? {status: `skipped (cold: ${cold.status})`, runs: [], wallMs: null, cpuMs: null, peakRssBytes: null} : measure({...step, env: environment, timeoutMs}, {runs: smoke ? 1 : runsFor(sizeName), warmups: smoke ? 0 : (step.warmups ?? 0), before: step.before})
        const measurement = {suite: 'scale', size: sizeName, rows, ...pick(step), ...result}
        measurements.push(measurement)
        progress(addRatios(measurements))
        log(`${sizeName} ${step.input} ${step.label}: ${result.status}${result.wallMs === null ? '' : ` ${Math.round(result.wallMs)} ms`}${result.peakRssBytes ? `, ${Math.round(result.peakRssBytes / 2 ** 20)} MB` : ''}`)
        // Outside a smoke run, fmrl running out of time or memory is a finding for the table, not a harness error.
        const finding = ['timeout', 'oom'].includes(result.status) || result.status.startsWith('skipped')
        if (result.status !== 'ok' && !step.peer && (smoke || !finding)) problems.push(`${sizeName} ${step.input} ${step.label}: ${result.status} (exit ${result.exitCode})\n${result.output ?? ''}`)
      }
    } finally {
      if (!keep) rmSync(directory, {recursive: true, force: true})
    }
  }
  return {measurements: addRatios(measurements), problems}
}

function pick({id, input, label, floor, peer, warm, refused}) {
  return {id, input, label, ...(floor ? {floor: true} : {}), ...(peer ? {peer: true} : {}), ...(warm ? {warmOf: warm} : {}), ...(refused ? {refused: true} : {})}
}

/** Each measurement as a ratio to the remark-parse floor of the same size and input; warm runs also to their cold run. */
export function addRatios(measurements) {
  const find = (measurement, id) => measurements.find((candidate) => candidate.size === measurement.size && candidate.input === measurement.input && candidate.id === id)
  return measurements.map((measurement) => {
    const cold = measurement.warmOf && find(measurement, measurement.warmOf)
    return {
      ...measurement,
      rowsPerSecond: rowsPerSecond(measurement),
      ratios: {...ratiosTo(measurement, find(measurement, 'floor-parse')), ...(cold ? {ofCold: ratiosTo(measurement, cold).wall, ofColdCpu: ratiosTo(measurement, cold).cpu} : {})}
    }
  })
}
