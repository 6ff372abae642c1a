import {describe, expect, test} from 'vitest'
import {decodeUtf8} from '../src/index.js'

const bytes = (...parts: Array<string | number[]>) => new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)))

describe('decodeUtf8', () => {
  test('UTF-8 reads as its text, a byte-order mark dropped', () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'a\r\nb'))).toEqual({ok: true, text: 'a\r\nb'})
  })

  test('the first byte that is not UTF-8, by line and column of the text before it', () => {
    expect(decodeUtf8(bytes('ab\ncé', [0xe9], 'x'))).toEqual({ok: false, line: 2, column: 3, offset: 6, byte: 0xe9})
    expect(decodeUtf8(bytes('a', [0xf0, 0x9f]))).toEqual({ok: false, line: 1, column: 2, offset: 1, byte: 0xf0})
  })

  // Found by the mutation check (pnpm mutation): the column after a byte-order mark was not tested.
  test('after a byte-order mark, columns count from the first character', () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'ab', [0xff]))).toEqual({ok: false, line: 1, column: 3, offset: 5, byte: 0xff})
  })
})
