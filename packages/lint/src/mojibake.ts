import iconv from 'iconv-lite'

/** Legacy single-byte codec that UTF-8 bytes were wrongly decoded with. */
export type MojibakeCodec = 'mac-roman' | 'windows-1252' | 'latin-1'

/** One stretch of mojibake: `text.slice(start, end) === found` (UTF-16 offsets, end exclusive). */
export interface MojibakeFinding {
  start: number
  end: number
  found: string
  repair: string
  codec: MojibakeCodec
}

/** Character (code point) to the single byte >= 0x80 it stands for in one codec. */
type ByteTable = ReadonlyMap<number, number>

interface Sequence {
  start: number
  end: number
  repair: string
}

// Earlier codecs win ties; Mac Roman comes first because it is what the project's seed files contain.
const CODEC_ORDER: readonly MojibakeCodec[] = ['mac-roman', 'windows-1252', 'latin-1']

// iconv-lite uses Apple's pre-1998 table, but Python and macOS produce U+F8FF (0xF0), € (0xDB)
// and Greek Ω (0xBD); and iconv-lite itself emits U+FFFD for 0xF0, its only undefined byte,
// so U+FFFD is unambiguous in a Mac Roman reading.
const MAC_ROMAN_ALIASES: ReadonlyArray<readonly [number, number]> = [
  [0xf8ff, 0xf0],
  [0xfffd, 0xf0],
  [0x20ac, 0xdb],
  [0x03a9, 0xbd]
]

// Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; iconv-lite decodes them to
// U+FFFD (five-way ambiguous, so not reversible) while browsers (WHATWG) pass them through as C1
// controls, which are reversible.
const WINDOWS_1252_ALIASES: ReadonlyArray<readonly [number, number]> = [0x81, 0x8d, 0x8f, 0x90, 0x9d].map(
  (byte) => [byte, byte] as const
)

/** Builds the reverse (character to byte) table of a codec's upper half from iconv-lite's decoder. */
function byteTable(iconvName: string, aliases: ReadonlyArray<readonly [number, number]>): ByteTable {
  const table = new Map<number, number>()
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const codePoint = iconv.decode(Buffer.from([byte]), iconvName).codePointAt(0)
    // U+FFFD marks a byte iconv-lite cannot decode, so it must not claim that byte.
    if (codePoint !== undefined && codePoint !== 0xfffd) table.set(codePoint, byte)
  }
  for (const [codePoint, byte] of aliases) table.set(codePoint, byte)
  return table
}

const TABLES: Readonly<Record<MojibakeCodec, ByteTable>> = {
  'mac-roman': byteTable('macintosh', MAC_ROMAN_ALIASES),
  'windows-1252': byteTable('win1252', WINDOWS_1252_ALIASES),
  'latin-1': byteTable('latin1', [])
}

// ignoreBOM keeps a mojibake byte-order mark ("ï»¿") as U+FEFF instead of decoding it to nothing.
const STRICT_UTF8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

// Controls, unassigned code points, private use and lone surrogates never occur in the text
// people meant to write, so such a decode means the bytes were not UTF-8 after all.
const IMPLAUSIBLE = /[\p{Cc}\p{Cn}\p{Co}\p{Cs}]/u

/** Number of bytes a UTF-8 sequence starting with `lead` must have, or 0 if it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2
  if (lead >= 0xe0 && lead <= 0xef) return 3
  if (lead >= 0xf0 && lead <= 0xf4) return 4
  return 0
}

/** The character encoded by the UTF-8 sequence at `bytes[at]`, or undefined if there is none. */
function decodeSequence(bytes: readonly number[], at: number): string | undefined {
  const length = sequenceLength(bytes[at] ?? 0)
  if (length === 0 || at + length > bytes.length) return undefined
  let decoded: string
  try {
    // The fatal decoder rejects overlongs, surrogates and bad continuations for us.
    decoded = STRICT_UTF8.decode(Uint8Array.from(bytes.slice(at, at + length)))
  } catch {
    return undefined
  }
  return IMPLAUSIBLE.test(decoded) ? undefined : decoded
}

/** Splits the bytes of one encodable stretch (starting at UTF-16 offset `start`) into chains of adjacent valid sequences. */
function sequenceChains(bytes: readonly number[], start: number): Sequence[][] {
  const chains: Sequence[][] = []
  let chain: Sequence[] = []
  let at = 0
  while (at < bytes.length) {
    const repair = decodeSequence(bytes, at)
    if (repair === undefined) {
      // A byte that starts no valid sequence is a correct character: keep it and end the chain.
      if (chain.length > 0) chains.push(chain)
      chain = []
      at += 1
      continue
    }
    const length = sequenceLength(bytes[at] ?? 0)
    chain.push({start: start + at, end: start + at + length, repair})
    at += length
  }
  if (chain.length > 0) chains.push(chain)
  return chains
}

/** Whether a chain is unlikely to be correct characters that merely happen to form valid UTF-8. */
function isConvincing(text: string, chain: readonly Sequence[]): boolean {
  const [only] = chain
  if (chain.length !== 1 || only === undefined) return true
  // Three or four specific characters in a row rarely occur by chance in correct text.
  if (only.end - only.start > 2) return !isWordEnding(text, only)
  // A lone two-character pair is often correct punctuation plus a letter ("l’été" is D5 8E in
  // Mac Roman, an Armenian letter); only trust it when it repairs to a character commonly
  // mangled on its own: Latin-1 / Latin Extended-A letters and symbols, or basic Greek.
  const codePoint = only.repair.codePointAt(0) ?? 0
  return (codePoint >= 0xa0 && codePoint <= 0x17f) || (codePoint >= 0x386 && codePoint <= 0x3ce)
}

/** Whether a lone three- or four-character sequence reads better as the end of a word. */
function isWordEnding(text: string, sequence: Sequence): boolean {
  // "café…”" is E9 85 94 in Windows-1252, a CJK letter: an accented letter closing a Latin word
  // plus punctuation. Mojibake of a lone letter of a non-Latin script glued to a Latin word is
  // far rarer than that, while lone punctuation or symbols ("Itâ€™s", "‚úì") stay trusted.
  const precededByLetter = /[A-Za-z]/.test(text.charAt(sequence.start - 1))
  return precededByLetter && /^\p{L}/u.test(sequence.repair)
}

/** Findings for one codec inside `text.slice(start, end)`, a run of non-ASCII characters. */
function codecFindings(text: string, start: number, end: number, codec: MojibakeCodec): MojibakeFinding[] {
  const table = TABLES[codec]
  const findings: MojibakeFinding[] = []
  let bytes: number[] = []
  // Iterating code units is safe: every encodable character is in the BMP, and a surrogate half
  // is never in a table, so astral characters simply end a stretch.
  for (let index = start; index <= end; index++) {
    const byte = index < end ? table.get(text.charCodeAt(index)) : undefined
    if (byte !== undefined) {
      bytes.push(byte)
      continue
    }
    for (const chain of sequenceChains(bytes, index - bytes.length)) {
      if (isConvincing(text, chain)) findings.push(toFinding(text, chain, codec))
    }
    bytes = []
  }
  return findings
}

/** Merges a chain of adjacent sequences into one finding. */
function toFinding(text: string, chain: readonly Sequence[], codec: MojibakeCodec): MojibakeFinding {
  const start = chain[0]?.start ?? 0
  const end = chain[chain.length - 1]?.end ?? start
  const repair = chain.map((sequence) => sequence.repair).join('')
  return {start, end, found: text.slice(start, end), repair, codec}
}

/** The codec whose reading explains the most of one non-ASCII run, earlier codecs winning ties. */
function bestFindings(text: string, start: number, end: number): MojibakeFinding[] {
  let best: MojibakeFinding[] = []
  let bestCovered = 0
  for (const codec of CODEC_ORDER) {
    const findings = codecFindings(text, start, end, codec)
    const covered = findings.reduce((sum, finding) => sum + finding.end - finding.start, 0)
    if (covered > bestCovered) {
      best = findings
      bestCovered = covered
    }
  }
  return best
}

/** Finds every stretch of UTF-8 text that was decoded as Mac Roman, Windows-1252 or Latin-1, in order. */
export function findMojibake(text: string): MojibakeFinding[] {
  const findings: MojibakeFinding[] = []
  // Every byte of a multi-byte UTF-8 sequence is >= 0x80, so mojibake never spans ASCII.
  for (const match of text.matchAll(/[^\u0000-\u007f]+/g)) {
    const start = match.index
    findings.push(...bestFindings(text, start, start + match[0].length))
  }
  return findings
}

/** Replaces findings (given in order, not overlapping) with their repairs. */
function applyFindings(text: string, findings: readonly MojibakeFinding[]): string {
  let result = ''
  let cursor = 0
  for (const finding of findings) {
    result += text.slice(cursor, finding.start) + finding.repair
    cursor = finding.end
  }
  return result + text.slice(cursor)
}

/** Replaces all mojibake with the text it was meant to be, including text mangled more than once. */
export function repairMojibake(text: string): string {
  let current = text
  // Each repair is strictly shorter than what it replaces, so this stops; repeating undoes
  // double mojibake ("ÃƒÂ©") and makes a second call a no-op.
  for (;;) {
    const findings = findMojibake(current)
    if (findings.length === 0) return current
    current = applyFindings(current, findings)
  }
}
