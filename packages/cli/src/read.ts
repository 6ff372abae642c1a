import {open, readFile, type FileHandle} from 'node:fs/promises'
import {markdownLimits} from '@fmrl/parser'

/** A file's text; any error names the file (the message for it is `fileErrorMessage`'s). */
export function readText(path: string): Promise<string> {
  return naming(path, readFile(path, 'utf8'))
}

/** A file's text, or undefined when it does not exist; any other error (a folder, no permission) is thrown. */
export async function readIfExists(path: string): Promise<string | undefined> {
  return readText(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
}

/**
 * A Markdown file's text, never more than the parser's size limit and a little: enough for it to
 * report where the limit is passed, without reading a huge file into memory. `complete` is false
 * when the text was cut there (such a text must never be written back).
 */
export async function readMarkdownFile(path: string): Promise<{text: string; complete: boolean}> {
  const handle = await open(path, 'r')
  try {
    return await naming(path, readOpened(handle))
  } finally {
    await handle.close()
  }
}

async function readOpened(handle: FileHandle): Promise<{text: string; complete: boolean}> {
  const {size} = await handle.stat()
  if (size <= markdownLimits.maxBytes) return {text: await handle.readFile('utf8'), complete: true}
  const head = Buffer.alloc(markdownLimits.maxBytes + 4)
  const {bytesRead} = await handle.read(head, 0, head.length, 0)
  return {text: head.subarray(0, bytesRead).toString('utf8'), complete: false}
}

/** Some errors (a read of a folder: EISDIR; any error of an open file handle) do not say which file: name it. */
async function naming<T>(path: string, reading: Promise<T>): Promise<T> {
  try {
    return await reading
  } catch (error) {
    const errno = error as NodeJS.ErrnoException
    if (errno.code && !errno.path) errno.path = path
    throw error
  }
}
