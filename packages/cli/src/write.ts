import {access, constants, mkdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import type {Output} from '@fmrl/render'
import {transactionFolder, withLock} from './lock.js'
import {readIfExists} from './read.js'

/** What happened to one output. */
export type WriteResult = 'written' | 'unchanged'

/** The commit record of a write: each staged file (in the transaction folder) and the output it replaces. */
interface Journal {
  renames: Array<{staged: string; path: string}>
}

const journalName = 'journal.json'

/**
 * Write the outputs whose bytes change, as one set. Each new file is staged as it comes (compared
 * with the file on disk first; a folder or an unreadable file there stops the write before anything
 * changed), so a caller that renders each output when it is asked for holds one at a time; then a
 * journal naming them is renamed into place (the commit point); then each staged file is renamed
 * over its output. A run killed before the journal leaves every output old, one killed after it is
 * finished by the next fmrl run (`recoverWrites`), so the set on disk is never half old and half new
 * for longer than until then. Runs wait for each other on a lock.
 */
export async function writeOutputs(root: string, outputs: Iterable<Output> | AsyncIterable<Output>): Promise<WriteResult[]> {
  return withLock(root, async (assertHeld) => {
    await finishTransaction(root)
    const folder = join(root, transactionFolder)
    const results: WriteResult[] = []
    const renames: Journal['renames'] = []
    const writable = new Set<string>()
    for await (const output of outputs) {
      const current = await readCurrent(join(root, output.path))
      if (current?.text === output.content) {
        results.push('unchanged')
        continue
      }
      const directory = dirname(join(root, output.path))
      if (!writable.has(directory)) {
        if (!(await exists(directory))) await mkdir(directory, {recursive: true})
        // Found here, a folder without write permission stops the write before anything changed.
        await access(directory, constants.W_OK).catch((error: NodeJS.ErrnoException) => {
          throw Object.assign(error, {syscall: 'write'})
        })
        writable.add(directory)
      }
      if (renames.length === 0) await mkdir(folder, {recursive: true})
      const staged = String(renames.length)
      await writeFile(join(folder, staged), output.content, {flush: true, mode: current?.mode ?? 0o666})
      renames.push({staged, path: output.path})
      results.push('written')
    }
    if (renames.length === 0) return results
    assertHeld()
    await writeFile(join(folder, 'journal.tmp'), JSON.stringify({renames} satisfies Journal), {flush: true})
    await rename(join(folder, 'journal.tmp'), join(folder, journalName))
    await applyRenames(root, renames)
    await rm(folder, {recursive: true, force: true})
    return results
  })
}

/** Write one file as `writeOutputs` does. */
export async function writeOutput(root: string, output: Output): Promise<WriteResult> {
  const [result] = await writeOutputs(root, [output])
  return result!
}

/**
 * Finish or undo the write of a run that was killed: with its journal, do the renames it had not
 * done yet; without one, remove its staged files. Every fmrl command calls this before it starts.
 */
export async function recoverWrites(root: string): Promise<void> {
  if (await exists(join(root, transactionFolder))) await withLock(root, () => finishTransaction(root))
}

async function finishTransaction(root: string): Promise<void> {
  const folder = join(root, transactionFolder)
  const journal = await readFile(join(folder, journalName), 'utf8').then(
    (text) => JSON.parse(text) as Journal,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      throw error
    }
  )
  if (journal) await applyRenames(root, journal.renames)
  await rm(folder, {recursive: true, force: true})
}

/** Rename each staged file over its output; one already renamed (a second recovery) is skipped. */
async function applyRenames(root: string, renames: Journal['renames']): Promise<void> {
  const folder = join(root, transactionFolder)
  for (const {staged, path} of renames) {
    const move = () => rename(join(folder, staged), join(root, path))
    await move().catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error
      // Either this file was renamed already (a second recovery), or its output's folder went away since.
      if (!(await exists(join(folder, staged)))) return
      await mkdir(dirname(join(root, path)), {recursive: true})
      await move()
    })
  }
}

const exists = (path: string) => stat(path).then(() => true, () => false)

/** An output's text and mode, or undefined when it does not exist yet. */
async function readCurrent(path: string): Promise<{text: string; mode: number} | undefined> {
  const text = await readIfExists(path)
  return text === undefined ? undefined : {text, mode: (await stat(path)).mode & 0o777}
}
