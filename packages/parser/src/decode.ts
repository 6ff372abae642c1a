/** Bytes read as UTF-8, or where the first byte that is not UTF-8 sits (1-based line and column of the text before it). */
export type Decoded = {ok: true; text: string} | {ok: false; line: number; column: number; offset: number; byte: number}

const strict = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})

/**
 * Decode a file strictly: a lossy decode would put U+FFFD into the model and every output without a
 * word. A byte-order mark is dropped (so columns count from the first character); CRLF is kept.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return {ok: true, text: strict.decode(bytes)}
  } catch {
    const offset = firstInvalid(bytes)
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset)).replace(/^\uFEFF/, '')
    const lines = before.split('\n')
    return {ok: false, line: lines.length, column: lines.at(-1)!.length + 1, offset, byte: bytes[offset] ?? 0}
  }
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalid(bytes: Uint8Array): number {
  let at = 0
  while (at < bytes.length) {
    const lead = bytes[at]!
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0
    if (length === 0 || at + length > bytes.length) return at
    try {
      strict.decode(bytes.subarray(at, at + length))
    } catch {
      return at
    }
    at += length
  }
  return bytes.length
}
