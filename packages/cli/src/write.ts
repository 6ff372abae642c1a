import {access, constants, mkdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import type {Output} from '@fmrl/render'
import {transactionFolder, withLock} from './lock.js'
import {readBytes} from './read.js'

/**
 * An output as it is written: its path and its bytes, the UTF-8 of render's text. The web page comes
 * from its helper thread so (render-threads.ts): bytes cross threads without a copy, where its text
 * (83 million characters at 50,000 rows, twice that in bytes as V8 holds it) was copied twice.
 */
export interface OutputFile {
  path: string
  bytes: Uint8Array
}

/** An output as render gives it (text) or as it is written (bytes). */
export type Writable = Output | OutputFile

/** An output's bytes: its text encoded once, here, or the bytes it came as. */
export function outputBytes(output: Writable): Uint8Array {
  return 'bytes' in output ? output.bytes : Buffer.from(output.content)
}

/** An output as it is written (`OutputFile`), its text encoded. */
export function encodeOutput(output: Output): OutputFile {
  return {path: output.path, bytes: outputBytes(output)}
}

/**
 * An output given as parts of its text (`renderPageParts`), encoded part by part into one buffer of
 * its own, never made one string: the bytes of the parts' concatenation, since no part ends inside a
 * character.
 */
export function encodeParts({path, parts}: {path: string; parts: readonly string[]}): OutputFile {
  const bytes = Buffer.allocUnsafeSlow(parts.reduce((sum, part) => sum + Buffer.byteLength(part), 0))
  let offset = 0
  for (const part of parts) offset += bytes.write(part, offset)
  return {path, bytes}
}

/** An output as render gives it, its bytes decoded: render's texts come from UTF-8 and hold no lone surrogate, so they decode back to themselves. */
export function decodeOutput(output: Writable): Output {
  return 'bytes' in output ? {path: output.path, content: Buffer.from(output.bytes.buffer, output.bytes.byteOffset, output.bytes.byteLength).toString('utf8')} : output
}

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
export async function writeOutputs(root: string, outputs: Iterable<Writable> | AsyncIterable<Writable>): Promise<WriteResult[]> {
  return withLock(root, async (assertHeld) => {
    await finishTransaction(root)
    const folder = join(root, transactionFolder)
    const results: WriteResult[] = []
    const renames: Journal['renames'] = []
    const writable = new Set<string>()
    for await (const output of outputs) {
      const bytes = outputBytes(output)
      const current = await compareCurrent(join(root, output.path), bytes)
      if (current?.same) {
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
      await writeFile(join(folder, staged), bytes, {flush: true, mode: current?.mode ?? 0o666})
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
export async function writeOutput(root: string, output: Writable): Promise<WriteResult> {
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

/**
 * Whether the file at `path` holds exactly `bytes`, and its mode, or undefined when it does not exist
 * yet. A file of another size is not read, only checked readable: a folder there, or a file that
 * cannot be read, throws here, before anything changed.
 */
async function compareCurrent(path: string, bytes: Uint8Array): Promise<{same: boolean; mode: number} | undefined> {
  const stats = await stat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
  if (!stats) return undefined
  const mode = stats.mode & 0o777
  if (stats.isFile() && stats.size !== bytes.byteLength) {
    await access(path, constants.R_OK)
    return {same: false, mode}
  }
  return {same: (await readBytes(path)).equals(bytes), mode}
}
