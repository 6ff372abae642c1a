import {join} from 'node:path'
import {messageSource} from '@fmrl/parser'
import {VFile} from 'vfile'
import {readMarkdownFile} from './read.js'

/**
 * Read a Markdown file (path relative to `root`) strictly as UTF-8, its byte-order mark dropped.
 * Bytes that are not UTF-8 become one positioned error on the file (`invalid-utf8`), and the file's
 * text is empty: nothing downstream reads a lossy decode.
 */
export async function readMarkdown(root: string, path: string): Promise<VFile> {
  const read = await readMarkdownFile(join(root, path))
  const file = new VFile({path, value: read.text})
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
