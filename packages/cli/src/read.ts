import {open, readFile, type FileHandle} from 'node:fs/promises'
import {decodeUtf8, markdownLimits} from '@fmrl/parser'

/** A file's text; any error names the file (the message for it is `fileErrorMessage`'s). */
export function readText(path: string): Promise<string> {
  return naming(path, readFile(path, 'utf8'))
}

/** A file's bytes; any error names the file, as `readText`'s. */
export function readBytes(path: string): Promise<Buffer> {
  return naming(path, readFile(path))
}

/** A file's text, or undefined when it does not exist; any other error (a folder, no permission) is thrown. */
export function readIfExists(path: string): Promise<string | undefined> {
  return unlessMissing(readText(path))
}

/** A file's bytes, or undefined when it does not exist, as `readIfExists`. */
export function readBytesIfExists(path: string): Promise<Buffer | undefined> {
  return unlessMissing(readBytes(path))
}

/** What a read gives, or undefined when the file does not exist; any other error is thrown. */
async function unlessMissing<T>(reading: Promise<T>): Promise<T | undefined> {
  return reading.catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined
    throw error
  })
}

/** A Markdown file as read: its text, whether it was cut at the size limit, and where its first byte that is not UTF-8 sits. */
export interface MarkdownText {
  text: string
  complete: boolean
  /** The bytes began with a UTF-8 byte-order mark (not in `text`). */
  byteOrderMark: boolean
  invalid?: {line: number; column: number; byte: number}
}

/**
 * A Markdown file's text, decoded strictly as UTF-8 (a lossy decode would carry U+FFFD into every
 * output) and never more than the parser's size limit and a little: enough for it to report where
 * the limit is passed, without reading a huge file into memory. `complete` is false when the text
 * was cut there (such a text must never be written back); `invalid` places bytes that are not UTF-8,
 * and the text is then empty.
 */
export async function readMarkdownFile(path: string): Promise<MarkdownText> {
  const handle = await open(path, 'r')
  try {
    return await naming(path, readOpened(handle))
  } finally {
    await handle.close()
  }
}

async function readOpened(handle: FileHandle): Promise<MarkdownText> {
  const {size} = await handle.stat()
  if (size <= markdownLimits.maxBytes) return decoded(await handle.readFile(), true)
  const head = Buffer.alloc(markdownLimits.maxBytes + 4)
  const {bytesRead} = await handle.read(head, 0, head.length, 0)
  return decoded(withoutCutCharacter(head.subarray(0, bytesRead)), false)
}

/** Bytes decoded as `readMarkdownFile` decodes a file's (for bytes from elsewhere too, such as standard input). */
export function decoded(bytes: Uint8Array, complete: boolean): MarkdownText {
  const read = decodeUtf8(bytes)
  const byteOrderMark = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  return read.ok ? {text: read.text, complete, byteOrderMark} : {text: '', complete, byteOrderMark, invalid: {line: read.line, column: read.column, byte: read.byte}}
}

/** A cut can fall inside a character: its first bytes are dropped, not taken for bytes that are not UTF-8. */
function withoutCutCharacter(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!
    if (byte < 0x80) return bytes
    if (byte >= 0xc0) return bytes.subarray(0, bytes.length - back)
  }
  return bytes
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
