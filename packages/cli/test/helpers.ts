import {spawn} from 'node:child_process'
import {cp, mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseTableRows, parseWhole} from '@fmrl/parser'
import type {JsonFinding} from '../src/lint-report.js'
import {onTestFinished} from 'vitest'
import {main} from '../src/main.js'

export const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url))

/** The built CLI, as `pnpm build` leaves it: the bundle the `fmrl` bin runs. */
export const bin = join(repositoryRoot, 'packages/cli/bundle/bin.js')

/**
 * A fresh folder in the system temporary directory, removed when the current test finishes, also
 * when it fails (vitest.config.ts fails the run if a test leaves one behind).
 */
export async function temporaryDirectory(prefix = 'fmrl-'): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), prefix))
  onTestFinished(() => rm(directory, {recursive: true, force: true}))
  return directory
}

/** Of these texts (pieces or whole files), those the parser parses with micromark and caches: all but pieces of a table's rows it reads without. */
export const micromarkTexts = (texts: readonly string[]) => texts.filter((text) => !parseTableRows(text, parseWhole))

/** The hand-written files beside content/ that the README links to. */
export const handWritten = ['CONTRIBUTING.md', 'code-of-conduct.md', 'LICENSE']

/** A temporary repository holding a copy of content/ and the hand-written files (and nothing generated yet), removed after the test. */
export async function temporaryRepository(): Promise<string> {
  const root = await temporaryDirectory()
  await cp(join(repositoryRoot, 'content'), join(root, 'content'), {recursive: true})
  for (const file of handWritten) await cp(join(repositoryRoot, file), join(root, file))
  return root
}

/** Run the CLI in-process, capturing what it prints. */
export async function run(argv: string[], cwd: string): Promise<{code: number; out: string; err: string}> {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, {out: (text) => out.push(text), err: (text) => err.push(text)}, cwd)
  return {code, out: out.join('\n'), err: err.join('\n')}
}

export interface Exited {
  code: number | null
  signal: NodeJS.Signals | null
  out: string
  err: string
}

/**
 * Run the built CLI in its own node process. `closeOut` closes the read end of its standard output
 * before it can print, as `| head -1` does once it has its line; `preload` is a module node imports first;
 * `entry` is the script to run instead of the bundle (the modules' dist/bin.js).
 */
export function runBin(argv: string[], options: {cwd: string; closeOut?: boolean; preload?: string; env?: NodeJS.ProcessEnv; entry?: string}): Promise<Exited> {
  const child = spawn(process.execPath, [...(options.preload ? ['--import', options.preload] : []), options.entry ?? bin, ...argv], {cwd: options.cwd, env: {...process.env, ...options.env}, stdio: ['ignore', 'pipe', 'pipe']})
  let out = ''
  let err = ''
  if (options.closeOut) child.stdout.destroy()
  else child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({code, signal, out, err}))
  })
}

export const readText = (path: string) => readFile(path, 'utf8')

/** A finding as the pinned lists write it: `line:column-line:column: severity: message (rule-id)`. */
export const showFinding = (finding: JsonFinding) => `${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}: ${finding.severity}: ${finding.message} (${finding.ruleId})`

/** How many pinned findings each rule has. */
export function countByRule(findings: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const finding of findings) {
    const rule = /\(([a-z-]+)\)$/.exec(finding)![1]!
    counts[rule] = (counts[rule] ?? 0) + 1
  }
  return counts
}
