import {spawn} from 'node:child_process'
import {chmod, cp, mkdir, readdir, readFile, rm, stat, symlink, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {bin, repositoryRoot} from '../helpers.js'
import {generators} from './generators.js'

/** The fixture set: fixtures/hostile/<case>/ holds the case's files and its `expected.json`. */
export const fixturesRoot = join(repositoryRoot, 'fixtures/hostile')

/** A command of a case and exactly what it gives. */
export interface Run {
  argv: string[]
  code: number
  out: string[]
  err: string[]
}

/** What `expected.json` says (see fixtures/hostile/README.md). */
export interface Expected {
  about: string
  covers: string
  /** Start from fixtures/hostile/base (the default), or from nothing but the case's files. */
  base?: boolean
  remove?: string[]
  folders?: string[]
  symlinks?: Record<string, string>
  unreadable?: string[]
  generate?: keyof typeof generators
  runs: Run[]
  /** `untouched`: every output as before the runs; `as-base`: rebuilt, byte for byte the base's; `rebuilt`: rebuilt, and the hostile text checked in each. */
  outputs: 'untouched' | 'as-base' | 'rebuilt'
  hostile?: string[]
}

export interface Case {
  name: string
  directory: string
  expected: Expected
}

/** Every case, by name. */
export async function readCases(): Promise<Case[]> {
  const names = (await readdir(fixturesRoot, {withFileTypes: true})).filter((entry) => entry.isDirectory() && entry.name !== 'base').map((entry) => entry.name).sort()
  return Promise.all(names.map(async (name) => {
    const directory = join(fixturesRoot, name)
    return {name, directory, expected: JSON.parse(await readFile(join(directory, 'expected.json'), 'utf8')) as Expected}
  }))
}

/** Lay a case out in `root`: the base content (unless it opts out), its own files over it, then what cannot be committed. */
export async function layOut(testCase: Case, root: string): Promise<void> {
  const {expected} = testCase
  if (expected.base !== false) await cp(join(fixturesRoot, 'base'), root, {recursive: true})
  for (const entry of await readdir(testCase.directory)) {
    if (entry !== 'expected.json') await cp(join(testCase.directory, entry), join(root, entry), {recursive: true, verbatimSymlinks: true})
  }
  for (const path of expected.remove ?? []) await rm(join(root, path), {recursive: true})
  for (const path of expected.folders ?? []) await mkdir(join(root, path), {recursive: true})
  for (const [path, target] of Object.entries(expected.symlinks ?? {})) {
    await rm(join(root, path), {force: true})
    await mkdir(dirname(join(root, path)), {recursive: true})
    await symlink(target, join(root, path))
  }
  if (expected.generate) await generators[expected.generate](root)
  for (const path of expected.unreadable ?? []) await chmod(join(root, path), 0o000)
}

/** A user without root's power to read every file, for the cases that make a file unreadable. */
const nobody = 65_534

/**
 * Run the built CLI as its own process under the `nobody` user: chmod 000 stops every reader but
 * root, and the test may run as root. The folders above `root` are made passable (never readable)
 * for the run and restored after it.
 */
export async function runAsNobody(argv: readonly string[], root: string): Promise<{code: number | null; out: string; err: string}> {
  const restore: Array<[string, number]> = []
  for (let folder = root; ; folder = dirname(folder)) {
    const {mode} = await stat(folder)
    if ((mode & 0o001) === 0) {
      restore.push([folder, mode & 0o7777])
      await chmod(folder, (mode & 0o7777) | (folder === root ? 0o755 : 0o001))
    }
    if (dirname(folder) === folder) break
  }
  await chmodTree(root)
  try {
    const child = spawn(process.execPath, [bin, ...argv], {cwd: root, uid: nobody, gid: nobody, stdio: ['ignore', 'pipe', 'pipe']})
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject)
      child.on('close', resolve)
    })
    return {code, out, err}
  } finally {
    for (const [folder, mode] of restore) await chmod(folder, mode)
  }
}

/** Let others read every file and enter every folder below `root` (the unreadable ones stay so). */
async function chmodTree(root: string): Promise<void> {
  for (const entry of await readdir(root, {recursive: true, withFileTypes: true})) {
    const path = join(entry.parentPath, entry.name)
    if (entry.isSymbolicLink()) continue
    const {mode} = await stat(path)
    if ((mode & 0o777) === 0) continue
    await chmod(path, mode | (entry.isDirectory() ? 0o755 : 0o644))
  }
}

/** Store what the runs gave as the case's expectations (FMRL_HOSTILE_UPDATE=1), to be reviewed in the diff. */
export async function updateExpected(testCase: Case, runs: Run[]): Promise<void> {
  await writeFile(join(testCase.directory, 'expected.json'), `${JSON.stringify({...testCase.expected, runs}, null, 2)}\n`)
}
