#!/usr/bin/env node
/**
 * pnpm mutation: break the lint rules, the parser and the column codec one line at a time, in a
 * scratch copy of the repository, and count how many breakages the tests notice. A test suite that
 * passes with the code broken guards nothing there.
 *
 *   pnpm mutation                 every mutation (after a baseline run of the unbroken copy)
 *   pnpm mutation --only a,b      the mutations with these ids
 *   pnpm mutation --check         only check that every mutation still matches the code
 *   pnpm mutation --no-baseline   skip the baseline run
 *
 * Exit codes: 0 at least `--threshold` (default 0.9) killed, 1 below it, 2 a mutation that no longer
 * matches its file (the list must follow the code, never pass vacuously) or a baseline that fails.
 * Raw results go to .mutation/results.json (git-ignored).
 */
import {spawn, spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, relative, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {mutations} from './mutations.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const args = process.argv.slice(2)
const flag = (name) => args.includes(name)
const value = (name) => {
  const index = args.indexOf(name)
  return index === -1 ? undefined : args[index + 1]
}
const threshold = Number(value('--threshold') ?? 0.9)
const only = value('--only')?.split(',')
const testTimeout = 10 * 60_000

function occurrences(text, find) {
  let count = 0
  for (let at = text.indexOf(find); at !== -1; at = text.indexOf(find, at + 1)) count++
  return count
}

/** Every mutation whose `find` is not in its file exactly once: the list has drifted from the code. */
function staleMutations(list) {
  const ids = new Set()
  return list.flatMap((mutation) => {
    const problems = []
    if (ids.has(mutation.id)) problems.push('a second mutation with this id')
    ids.add(mutation.id)
    let text
    try {
      text = readFileSync(join(root, mutation.file), 'utf8')
    } catch {
      return [`${mutation.id}: ${mutation.file} does not exist`]
    }
    const count = occurrences(text, mutation.find)
    if (count !== 1) problems.push(`\`find\` occurs ${count} times in ${mutation.file}, expected once`)
    if (mutation.find === mutation.replace) problems.push('`replace` equals `find`')
    return problems.map((problem) => `${mutation.id}: ${problem}`)
  })
}

class Interrupted extends Error {}

const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*m/g, '')

// Set by Ctrl-C: the test run it cut short is no verdict on the mutation.
let interrupted = false
let running
process.on('SIGINT', () => {
  interrupted = true
  running?.kill('SIGINT')
})

/** Run one package's tests in the scratch copy; the first failing test, if any. */
async function runTests(scratch, pkg) {
  const started = Date.now()
  // Generous per-test timeouts: on a busy machine a slow test must not pass for a kill.
  const child = spawn(process.execPath, [join(scratch, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--bail', '1', '--testTimeout', '180000', '--hookTimeout', '180000'], {
    cwd: join(scratch, 'packages', pkg),
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: '1'}
  })
  running = child
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  let timedOut = false
  // A suite that hangs on a mutation has noticed it too (an endless loop is a failure).
  const timer = setTimeout(() => {
    timedOut = true
    child.kill('SIGTERM')
  }, testTimeout)
  const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)))
  clearTimeout(timer)
  running = undefined
  if (interrupted) throw new Interrupted('SIGINT')
  const seconds = (Date.now() - started) / 1000
  if (timedOut) return {passed: false, seconds, failure: `timed out after ${testTimeout / 1000} s`}
  if (status === 0) return {passed: true, seconds}
  const text = stripAnsi(output)
  const failure = /(?:FAIL|×)\s+(test\/[^\n]+)/.exec(text)?.[1]?.trim() ?? text.trim().split('\n').slice(-5).join(' | ')
  return {passed: false, seconds, failure}
}

/** Compile the package that holds `file` in the scratch copy (other packages read its dist/). */
function build(scratch, file) {
  const pkg = file.split('/')[1]
  const result = spawnSync(process.execPath, [join(scratch, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(scratch, 'packages', pkg, 'tsconfig.json')], {encoding: 'utf8'})
  return {ok: result.status === 0, output: stripAnsi(`${result.stdout}${result.stderr}`).trim()}
}

const ownerOf = (file) => file.split('/')[1]

async function runMutation(scratch, mutation) {
  const path = join(scratch, mutation.file)
  const original = readFileSync(path, 'utf8')
  writeFileSync(path, original.replace(mutation.find, () => mutation.replace))
  const started = Date.now()
  const needsBuild = mutation.packages.some((pkg) => pkg !== ownerOf(mutation.file))
  try {
    if (needsBuild) {
      const built = build(scratch, mutation.file)
      // The type checker caught it: the slip cannot reach a build, so the tests are not asked.
      if (!built.ok) return {status: 'killed', by: 'tsc', failure: built.output.split('\n')[0], seconds: (Date.now() - started) / 1000}
    }
    for (const pkg of mutation.packages) {
      const run = await runTests(scratch, pkg)
      if (!run.passed) return {status: 'killed', by: pkg, failure: run.failure, seconds: (Date.now() - started) / 1000}
    }
    return {status: 'survived', by: undefined, failure: undefined, seconds: (Date.now() - started) / 1000}
  } finally {
    writeFileSync(path, original)
    if (needsBuild && !build(scratch, mutation.file).ok) throw new Error(`the unmutated ${mutation.file} no longer builds in the scratch copy`)
  }
}

/**
 * A copy of the working tree (uncommitted tests included) to break. The workspace links in
 * node_modules stay relative, so they point into the copy; the installed third-party packages
 * (node_modules/.pnpm, hundreds of MB) are linked, not copied: nothing breaks them.
 */
function makeScratch() {
  const scratch = mkdtempSync(join(tmpdir(), 'fmrl-mutation-'))
  const store = join('node_modules', '.pnpm')
  const skipped = new Set(['.git', '.turbo', '.mutation', store, join('bench', 'results'), join('packages', 'e2e', 'report')])
  cpSync(root, scratch, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => {
      const path = relative(root, source)
      return !skipped.has(path) && !path.split(sep).includes('.turbo')
    }
  })
  symlinkSync(join(root, store), join(scratch, store), 'dir')
  return {
    path: scratch,
    remove() {
      // The link first: removing the copy must never reach the real packages behind it.
      unlinkSync(join(scratch, store))
      rmSync(scratch, {recursive: true, force: true})
    }
  }
}

function pad(text, width) {
  const string = String(text)
  return string.length >= width ? string : string + ' '.repeat(width - string.length)
}

function printTable(results) {
  const rows = results.map((result) => [result.id, result.file.replace(/^packages\//, ''), result.status, result.by ?? '', `${result.seconds.toFixed(1)} s`])
  const widths = [0, 1, 2, 3, 4].map((column) => Math.max(...[['mutation', 'file', 'status', 'killed by', 'time'], ...rows].map((row) => row[column].length)))
  const line = (row) => `| ${row.map((cell, column) => pad(cell, widths[column])).join(' | ')} |`
  console.log(line(['mutation', 'file', 'status', 'killed by', 'time']))
  console.log(`| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`)
  for (const row of rows) console.log(line(row))
}

async function main() {
  const selected = only ? mutations.filter((mutation) => only.includes(mutation.id)) : mutations
  if (only && selected.length !== only.length) {
    console.error(`mutation: unknown id in --only: ${only.filter((id) => !mutations.some((mutation) => mutation.id === id)).join(', ')}`)
    return 2
  }
  const stale = staleMutations(mutations)
  if (stale.length > 0) {
    console.error(`mutation: ${stale.length} mutation(s) no longer match the code; update scripts/mutation/mutations.mjs:\n${stale.map((line) => `  ${line}`).join('\n')}`)
    return 2
  }
  if (flag('--check')) {
    console.log(`mutation: all ${mutations.length} mutations match the code`)
    return 0
  }
  const copy = makeScratch()
  const scratch = copy.path
  try {
    if (!flag('--no-baseline')) {
      for (const pkg of [...new Set(selected.flatMap((mutation) => mutation.packages))]) {
        const run = await runTests(scratch, pkg)
        console.log(`baseline ${pkg}: ${run.passed ? 'passed' : `FAILED (${run.failure})`} in ${run.seconds.toFixed(1)} s`)
        if (!run.passed) {
          console.error('mutation: the unbroken tests fail, so no mutation can be judged; fix them first')
          return 2
        }
      }
    }
    const results = []
    for (const mutation of selected) {
      const result = {id: mutation.id, file: mutation.file, why: mutation.why, packages: mutation.packages, ...(await runMutation(scratch, mutation))}
      results.push(result)
      console.log(`${result.status === 'killed' ? 'killed  ' : 'SURVIVED'} ${mutation.id} (${result.seconds.toFixed(1)} s)${result.by ? ` by ${result.by}: ${result.failure}` : ''}`)
    }
    const killed = results.filter((result) => result.status === 'killed').length
    const score = killed / results.length
    console.log('')
    printTable(results)
    console.log(`\nmutation score: ${killed}/${results.length} killed (${(score * 100).toFixed(1)}%), threshold ${(threshold * 100).toFixed(0)}%`)
    for (const result of results.filter((result) => result.status === 'survived')) console.log(`  survived ${result.id}: ${result.why}`)
    mkdirSync(join(root, '.mutation'), {recursive: true})
    writeFileSync(join(root, '.mutation', 'results.json'), `${JSON.stringify({date: new Date().toISOString(), killed, total: results.length, score, results}, null, 2)}\n`)
    return score >= threshold ? 0 : 1
  } catch (error) {
    if (!(error instanceof Interrupted)) throw error
    console.error(`mutation: interrupted (${error.message}); nothing recorded`)
    return 130
  } finally {
    copy.remove()
  }
}

process.exitCode = await main()
