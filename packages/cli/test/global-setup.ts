import {createHash} from 'node:crypto'
import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url))
/** The survey's own files: no test may change them (tests work on copies). */
const live = ['content', 'README.md', 'tables', 'export']

/**
 * Around the whole cli test run: every process of the run gets a temporary directory of its own
 * (TMPDIR, which os.tmpdir(), git and TeX honour), so that what a test leaves behind there is this
 * run's and no other process's. The run fails if anything is left in it, or if a test changed the
 * live content/ or an output.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const previous = process.env.TMPDIR
  const temporary = await mkdtemp(join(tmpdir(), 'fmrl-test-run-'))
  const before = await fingerprint()
  process.env.TMPDIR = temporary
  return async () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    const left = (await readdir(temporary)).sort()
    await rm(temporary, {recursive: true, force: true})
    const after = await fingerprint()
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((path) => before.get(path) !== after.get(path)).sort()
    const problems = [
      ...(left.length > 0 ? [`Unexpected ${left.length} temporary folder(s) left behind by the tests (${left.join(', ')}), expected each test to remove what it makes (temporaryDirectory() in test/helpers.ts does)`] : []),
      ...(changed.length > 0 ? [`Unexpected changes to the live repository (${changed.join(', ')}), expected tests to work on copies (temporaryRepository() in test/helpers.ts)`] : [])
    ]
    if (problems.length === 0) return
    // vitest reports an error thrown here but still exits 0: set the exit code as well.
    process.exitCode = 1
    throw new Error(problems.join('\n'))
  }
}

/** A hash of every file below the live paths, by repository-relative path. */
async function fingerprint(): Promise<Map<string, string>> {
  const hashes = new Map<string, string>()
  for (const path of live) {
    const entries = await readdir(join(repositoryRoot, path), {recursive: true, withFileTypes: true}).catch(() => undefined)
    const files = entries ? entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)) : [join(repositoryRoot, path)]
    for (const file of files) {
      const bytes = await readFile(file).catch(() => undefined)
      hashes.set(file.slice(repositoryRoot.length), bytes ? createHash('sha256').update(bytes).digest('hex') : 'missing')
    }
  }
  return hashes
}
