import {readdirSync, readFileSync} from 'node:fs'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {fixText, lintFile} from '../src/lint.js'
import {formatMessage} from './helpers.js'

// The real lists of fixtures/lists/ (two of them CRLF) read the same in every encoding of their
// line endings and with a byte-order mark: the same findings at the same lines and columns.
const folder = new URL('../../../fixtures/lists/', import.meta.url)
const lists = readdirSync(folder).filter((name) => name.endsWith('.md') && name !== 'README.md').sort()

const lint = (text: string) => lintFile(new VFile({path: 'list.md', value: text}), {data: {files: ['list.md']}})

describe('real lists in LF, CRLF and with a BOM', () => {
  test('two of them are CRLF files', () => {
    expect(lists.filter((name) => readFileSync(new URL(name, folder), 'utf8').includes('\r\n')).length).toBeGreaterThanOrEqual(2)
  })

  for (const name of lists) {
    test(name, () => {
      const text = readFileSync(new URL(name, folder), 'utf8')
      const lf = text.replace(/\r\n/g, '\n')
      const expected = lint(lf).map(formatMessage)
      expect(lint(lf.replace(/\n/g, '\r\n')).map(formatMessage)).toEqual(expected)
      expect(lint(`\ufeff${text}`).map(formatMessage)).toEqual(expected)
      const fixed = fixText(lf, lint).text
      expect(fixText(`\ufeff${lf.replace(/\n/g, '\r\n')}`, lint).text).toBe(`\ufeff${fixed.replace(/\n/g, '\r\n')}`)
    })
  }
})
