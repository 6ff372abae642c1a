import {join} from 'node:path'
import {messageSource} from '@fmrl/parser'
import {VFile} from 'vfile'
import {decoded, readMarkdownFile, type MarkdownText} from './read.js'

declare module 'vfile' {
  interface DataMap {
    /** The file began with a UTF-8 byte-order mark (dropped from its text): a rewrite puts it back. */
    byteOrderMark: boolean
    /** The file was cut at the parser's size limit: it must never be written back. */
    cut: boolean
  }
}

/**
 * Read a Markdown file (path relative to `root`) strictly as UTF-8, its byte-order mark dropped.
 * Bytes that are not UTF-8 become one positioned error on the file (`invalid-utf8`), and the file's
 * text is empty: nothing downstream reads a lossy decode.
 */
export async function readMarkdown(root: string, path: string): Promise<VFile> {
  return markdownFile(await readMarkdownFile(join(root, path)), path)
}

/** Decode the bytes of a Markdown file as `readMarkdown` does (for bytes from elsewhere, such as standard input). */
export function decodeMarkdown(bytes: Uint8Array, path: string): VFile {
  return markdownFile(decoded(bytes, true), path)
}

/** A Markdown file as read, named `path`, as a vfile. */
export function markdownFile(read: MarkdownText, path: string): VFile {
  const file = new VFile({path, value: read.text})
  if (read.byteOrderMark) file.data.byteOrderMark = true
  if (!read.complete) file.data.cut = true
  if (!read.invalid) return file
  const hex = read.invalid.byte.toString(16).toUpperCase().padStart(2, '0')
  const message = file.message(`Unexpected byte 0x${hex} that is not UTF-8, expected UTF-8 text: re-save the file as UTF-8`, {
    place: {line: read.invalid.line, column: read.invalid.column},
    ruleId: 'invalid-utf8',
    source: messageSource
  })
  message.fatal = true
  return file
}

/** Whether the file could not be read as text (its bytes are not UTF-8): nothing may lint, fix or write it. */
export function isUnreadable(file: VFile): boolean {
  return file.messages.some((message) => message.ruleId === 'invalid-utf8')
}

/** The text to write back for a file read by `readMarkdown`: its byte-order mark, if it had one, restored. */
export function markdownBytes(file: VFile, text: string): string {
  return file.data.byteOrderMark ? `\uFEFF${text}` : text
}
