#!/usr/bin/env node
// `pnpm bench [suite] [options]`: fmrl's speed and memory as ratios to floors measured in the same run.
// Suites (bench/README.md says what each measures):
//   content   the real content/: fmrl lint and check, the pre-commit hook, a no-change pnpm build
//   scale     generated survey-shaped content (1k, 10k, 50k rows): fmrl parse, build, check, lint,
//             warm re-lint and rebuild, the floors, markdownlint-cli2 and remark-cli as peers
//   all       content, then scale (the default)
//   profile   CPU profiles of fmrl lint on our content and on the 10k README-style file, summarised
//   links     bench/links.mjs's run(args), given the arguments after `links`
//   generate  write the generated inputs of --sizes below --out, to look at or run by hand
//   report    print the tables of saved records again: pnpm bench report <bench/results/….json>...
// Options: --sizes 1k,10k  --runs N  --json <file>  --smoke  --timeout <seconds>  --keep  --out <dir>
//          --only floor-parse,fmrl-lint (scale: only the commands with these ids, e.g. for 50k)
// Run `pnpm build` first: every suite runs the built CLI.
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {cpus, loadavg, release, totalmem} from 'node:os'
import {join, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {runContent} from './content.mjs'
import {cli, missingBuild, repositoryRoot, writeSize} from './fixtures.mjs'
import {sizes} from './generate.mjs'
import {contentTable, scaleTable, targetTable} from './report.mjs'

const suites = ['content', 'scale', 'all', 'profile', 'links', 'generate', 'report']

function fail(message) {
  console.error(`bench: ${message}`)
  process.exit(2)
}

const [first, ...rest] = process.argv.slice(2)
const suite = first === undefined || first.startsWith('-') ? 'all' : first
if (!suites.includes(suite)) fail(`Unexpected suite \`${suite}\`, expected one of ${suites.join(', ')}`)
const argv = first === suite ? rest : process.argv.slice(2)

if (suite === 'links') {
  const links = new URL('links.mjs', import.meta.url)
  if (!existsSync(links)) fail('Unexpected suite `links` without bench/links.mjs, expected the link checker\'s benchmark there (exporting run)')
  const {run} = await import(links.href)
  await run(argv)
  process.exit(process.exitCode ?? 0)
}

if (suite === 'report') {
  if (argv.length === 0) fail('Unexpected report without files, expected JSON records such as bench/results/<timestamp>.json')
  const {addRatios} = await import('./scale.mjs')
  const records = argv.map((path) => JSON.parse(readFileSync(resolve(path), 'utf8')))
  const measurements = records.flatMap((record) => record.measurements)
  const content = measurements.filter((measurement) => measurement.suite === 'content')
  // Ratios stay within a record's own run: each size's floors come from the run that measured it.
  const scale = records.flatMap((record) => addRatios(record.measurements.filter((measurement) => measurement.suite === 'scale')))
  if (content.length > 0) console.log(`## content\n\n${contentTable(content)}\n`)
  if (scale.length > 0) console.log(`## scale\n\n${scaleTable(scale)}\n`)
  const targets = targetTable([...content, ...scale])
  if (targets) console.log(`## targets\n\n${targets}\n`)
  for (const record of records) console.log(`${record.started}: ${record.suite} ${record.options.sizes.join(',')}, ${record.finished ? `finished ${record.finished}` : 'stopped before the end'}, commit ${record.commit?.slice(0, 10)}${record.dirty ? ' (with changes)' : ''}, load average ${record.loadAverageAtStart?.map((average) => average.toFixed(1)).join(' ')} at the start`)
  process.exit(0)
}

let options
try {
  options = parseArgs({
    args: argv,
    options: {
      sizes: {type: 'string'},
      runs: {type: 'string'},
      json: {type: 'string'},
      smoke: {type: 'boolean', default: false},
      timeout: {type: 'string', default: '900'},
      keep: {type: 'boolean', default: false},
      out: {type: 'string'},
      only: {type: 'string'}
    }
  }).values
} catch (error) {
  fail(`${error.message}; usage: pnpm bench [${suites.join('|')}] [--sizes 1k,10k] [--runs N] [--json <file>] [--smoke] [--timeout <seconds>] [--keep] [--only <ids>]`)
}
const sizeNames = (options.sizes ?? '1k,10k').split(',').map((size) => size.trim())
for (const size of sizeNames) if (!(size in sizes)) fail(`Unexpected size \`${size}\`, expected some of ${Object.keys(sizes).join(', ')}`)
const runs = options.runs === undefined ? undefined : Number(options.runs)
if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) fail('Unexpected --runs, expected a whole number of at least 1')
const timeoutMs = Number(options.timeout) * 1000
if (!(timeoutMs > 0)) fail('Unexpected --timeout, expected seconds greater than 0')
if (!existsSync(cli)) fail(missingBuild)

const log = (line) => console.error(`bench: ${line}`)

if (suite === 'generate') {
  if (!options.out) fail('Unexpected generate without --out, expected a folder to write the inputs into')
  for (const size of sizeNames) {
    const fixture = writeSize(resolve(options.out, size), sizes[size])
    console.log(`${size}: ${fixture.site} (fmrl build --root), ${fixture.readmeFile}; sha256 ${fixture.hash}`)
  }
  process.exit(0)
}

const machine = {cpus: cpus().length, cpu: cpus()[0]?.model, memoryBytes: totalmem(), node: process.version, platform: `${process.platform} ${release()}`}
const git = (...args) => {
  try {
    return execFileSync('git', args, {cwd: repositoryRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim()
  } catch {
    return null
  }
}
const started = new Date()
// Other processes on the machine stretch wall times (CPU times less so): the load says how busy it was.
const record = {started: started.toISOString(), finished: null, loadAverageAtStart: loadavg(), loadAverageAtEnd: null, suite, options: {sizes: sizeNames, runs: runs ?? null, smoke: options.smoke, timeoutSeconds: timeoutMs / 1000}, machine, commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain') !== '', measurements: [], problems: []}

const results = join(repositoryRoot, 'bench/results')
const file = join(results, `${started.toISOString().replace(/[:.]/g, '-')}.json`)
/** Write the record (after every measurement too, so a run stopped half way keeps what it measured). */
function save(current = []) {
  const text = `${JSON.stringify({...record, measurements: [...record.measurements, ...current]}, null, 2)}\n`
  mkdirSync(results, {recursive: true})
  writeFileSync(file, text)
  if (options.json) writeFileSync(resolve(options.json), text)
}

if (suite === 'profile') {
  const {runProfile} = await import('./profile.mjs')
  record.profiles = runProfile({sizeNames: options.sizes ? sizeNames : ['10k'], log})
  for (const profile of record.profiles) console.log(`${profile.text}\n`)
} else {
  if (suite === 'content' || suite === 'all') {
    const content = runContent({runs: runs ?? 7, smoke: options.smoke, timeoutMs, log, progress: save})
    record.measurements.push(...content.measurements)
    record.problems.push(...content.problems)
    console.log(`## content (median of ${options.smoke ? 1 : runs ?? 7} runs after warm-up runs)\n\n${contentTable(content.measurements)}\n`)
  }
  if (suite === 'scale' || suite === 'all') {
    const {runScale} = await import('./scale.mjs')
    // 50k rows takes minutes a command: one run unless asked for more.
    const {measurements: scale, problems} = runScale({sizeNames, runsFor: (size) => runs ?? (sizes[size] >= 50000 ? 1 : 3), smoke: options.smoke, timeoutMs, keep: options.keep, only: options.only?.split(',').map((id) => id.trim()), log, progress: save})
    record.measurements.push(...scale)
    record.problems.push(...problems)
    console.log(`## scale (${options.smoke ? 'smoke: one run each' : `median of ${runs ?? '3 (1 at 50k)'} runs`}; ratios to the remark-parse floor of the same text)\n\n${scaleTable(scale)}\n`)
  }
  const targets = targetTable(record.measurements)
  if (targets && !options.smoke) console.log(`## targets\n\n${targets}\n`)
}

record.finished = new Date().toISOString()
record.loadAverageAtEnd = loadavg()
save()
const load = (averages) => averages.map((average) => average.toFixed(1)).join(' ')
console.log(`machine: ${machine.cpus} cores (${machine.cpu}), ${Math.round(machine.memoryBytes / 2 ** 30)} GiB, Node ${machine.node}; load average ${load(record.loadAverageAtStart)} at the start, ${load(record.loadAverageAtEnd)} at the end; ${Math.round((Date.parse(record.finished) - started.getTime()) / 1000)} s; raw numbers: ${file}`)
for (const problem of record.problems) console.error(`bench: ${problem}`)
process.exitCode = record.problems.length > 0 ? 1 : 0
