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
  /** Other codecs' readings that are just as plausible: then there is no safe repair. */
  alternatives?: ReadonlyArray<{repair: string; codec: MojibakeCodec}>
}

/** How much evidence a finding needs. */
export interface MojibakeOptions {
  /**
   * Trust a lone two-character pair (`Ã©`) without further evidence: for a short fragment (a
   * table cell, a title) whose file is not at hand. In a whole text a lone pair needs evidence:
   * other mojibake in the text, or a word it sits inside.
   */
  trustLonePairs?: boolean
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

/**
 * How sure a chain is: `strong` rarely happens by chance; a `weak` lone pair (a Latin-1, Latin
 * Extended-A or Greek character) needs evidence, a `faint` one (a letter of another script) needs
 * mojibake of that script around it; `none` is correct text.
 */
type Strength = 'strong' | 'weak' | 'faint' | 'none'

/** How likely a chain is to be mojibake rather than correct characters that merely happen to form valid UTF-8. */
function strengthOf(text: string, chain: readonly Sequence[]): Strength {
  const [only] = chain
  if (chain.length !== 1 || only === undefined) return 'strong'
  // Three or four specific characters in a row rarely occur by chance in correct text.
  if (only.end - only.start > 2) return isWordEnding(text, only) ? 'none' : 'strong'
  // A lone two-character pair is often correct text that happens to be valid UTF-8 (`√π`, `Å—`,
  // "l’été" is D5 8E in Mac Roman, an Armenian letter): `withEvidence` decides.
  const codePoint = only.repair.codePointAt(0) ?? 0
  return (codePoint >= 0xa0 && codePoint <= 0x17f) || (codePoint >= 0x386 && codePoint <= 0x3ce) ? 'weak' : 'faint'
}

/** Whether a lone three- or four-character sequence reads better as the end of a word. */
function isWordEnding(text: string, sequence: Sequence): boolean {
  // "café…”" is E9 85 94 in Windows-1252, a CJK letter: an accented letter closing a Latin word
  // plus punctuation. Mojibake of a lone letter of a non-Latin script glued to a Latin word is
  // far rarer than that, while lone punctuation or symbols ("Itâ€™s", "‚úì") and Latin letters
  // inside a Latin word (Vietnamese "Vá»›i" is "Với") stay trusted.
  const precededByLetter = /[A-Za-z]/.test(text.charAt(sequence.start - 1))
  return precededByLetter && /^\p{L}/u.test(sequence.repair) && scriptOf(sequence.repair.charAt(0)) !== 'latin'
}

/** A finding with how sure it is. */
interface Candidate extends MojibakeFinding {
  strength: Exclude<Strength, 'none'>
}

/** Findings for one codec inside `text.slice(start, end)`, a run of non-ASCII characters. */
function codecFindings(text: string, start: number, end: number, codec: MojibakeCodec): Candidate[] {
  const table = TABLES[codec]
  const findings: Candidate[] = []
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
      const strength = strengthOf(text, chain)
      if (strength !== 'none') findings.push({...toFinding(text, chain, codec), strength})
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

// Characters a decode rarely means: combining marks (other than variation selectors and the
// joiner), Latin Extended-B, IPA and spacing modifiers.
const rare = /[\p{Mn}\p{Me}\u0180-\u02ff]/u

/** The script of a letter, as far as the scores need it. */
function scriptOf(char: string): string | undefined {
  if (/\p{Script=Latin}/u.test(char)) return 'latin'
  if (/\p{Script=Greek}/u.test(char)) return 'greek'
  if (/\p{Script=Cyrillic}/u.test(char)) return 'cyrillic'
  return /\p{L}/u.test(char) ? 'other' : undefined
}

/**
 * How plausible a codec's reading of a run is: each repaired character counts 1, a letter of the
 * script around it 2, a rare character (a combining mark, IPA) nothing. `FundaÃ§Ã£o` reads as
 * Latin letters in Windows-1252 (ç, ã) but as combining marks in Mac Roman.
 */
function plausibility(text: string, findings: readonly Candidate[]): number {
  let score = 0
  for (const finding of findings) {
    const around = new Set([scriptOf(text.charAt(finding.start - 1)), scriptOf(text.charAt(finding.end))].filter(Boolean))
    for (const char of finding.repair) {
      if (rare.test(char) && !/[\ufe00-\ufe0f\u200d]/u.test(char)) continue
      score += around.has(scriptOf(char)) ? 2 : 1
    }
  }
  return score
}

interface Reading {
  codec: MojibakeCodec
  findings: Candidate[]
  covered: number
  score: number
}

/**
 * The codec whose reading explains the most of one non-ASCII run, then the most plausible one,
 * earlier codecs winning ties of equal repairs. Where another codec reads the run differently but
 * just as well, its reading is kept as an alternative: then no repair is safe.
 */
function bestFindings(text: string, start: number, end: number): Candidate[] {
  const readings: Reading[] = CODEC_ORDER.map((codec) => {
    const findings = codecFindings(text, start, end, codec)
    return {codec, findings, covered: findings.reduce((sum, finding) => sum + finding.end - finding.start, 0), score: plausibility(text, findings)}
  }).filter((reading) => reading.covered > 0)
  readings.sort((a, b) => b.covered - a.covered || b.score - a.score)
  const [best, ...others] = readings
  if (!best) return []
  const repairOf = (reading: Reading) => reading.findings.map((finding) => `${finding.start}:${finding.end}:${finding.repair}`).join('|')
  const rivals = others.filter((other) => other.covered === best.covered && other.score === best.score && repairOf(other) !== repairOf(best))
  if (rivals.length === 0) return best.findings
  return best.findings.map((finding) => {
    const alternatives = new Map<string, MojibakeCodec>()
    for (const rival of rivals) {
      for (const other of rival.findings) {
        if (other.start === finding.start && other.end === finding.end && other.repair !== finding.repair && !alternatives.has(other.repair)) alternatives.set(other.repair, rival.codec)
      }
    }
    return alternatives.size === 0 ? finding : {...finding, alternatives: [...alternatives].map(([repair, codec]) => ({repair, codec}))}
  })
}

// The signs a lone pair may stand for on its own: `¬∞` is °, `√ó` and `Ã—` are ×, `Â©` is ©.
const loneSign = /^[\u00a0-\u00bf\u00d7\u00f7]$/u

// Signs that sit between or after letters in correct text: dashes, quotes, primes, ™.
const wordPunctuation = /[\u2010-\u203a\u2122\u00ab\u00bb\u00b4\u0060'"-]/u

/**
 * Whether a lone pair makes a word wrong that its repair makes right: a capital or a sign in the
 * middle of a lowercase word (`cafÃ©`, `naÃ¯ve`), a sign inside a word (`K√∂nig`). A pair that is
 * a letter and its punctuation (`Å—`, `Ã”`, `Ã™`) or a sign beside other signs (`√π`) is not.
 */
function isWrongInsideWord(text: string, candidate: Candidate): boolean {
  const [first = '', second = ''] = candidate.found
  const before = text.charAt(candidate.start - 1)
  const after = text.charAt(candidate.end)
  if (!/\p{L}/u.test(candidate.repair)) return false
  if (/\p{Ll}/u.test(before) && !/\p{Ll}/u.test(first) && !wordPunctuation.test(first) && !wordPunctuation.test(second)) return true
  const sign = (char: string) => !/\p{L}/u.test(char) && !wordPunctuation.test(char)
  return /\p{L}/u.test(before) && /\p{L}/u.test(after) && (sign(first) || sign(second))
}

/**
 * Keep the strong findings, and the lone pairs the text vouches for: one that stands for a common
 * sign on its own, one that makes a word wrong that its repair makes right, and one in a
 * paragraph with other mojibake of the same codecs (for a letter of a script beyond Latin-1 and
 * Greek, mojibake of that script: the single-letter words of a mangled Russian paragraph).
 */
function withEvidence(text: string, candidates: readonly Candidate[], options: MojibakeOptions): MojibakeFinding[] {
  const family = (codec: MojibakeCodec) => (codec === 'mac-roman' ? 'mac' : 'windows')
  // Paragraphs are told apart by blank lines; the starts are found once, then searched.
  const starts = [0, ...[...text.matchAll(/\n[ \t\r]*\n/g)].map((match) => match.index + match[0].length)]
  const paragraphOf = (offset: number) => {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if (starts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return low
  }
  // A letter and its punctuation (`Ã—`, `Å”`) reads as a word even when it repairs to a sign.
  const isSign = (candidate: Candidate) => loneSign.test(candidate.repair) && !(/\p{L}/u.test(candidate.found.charAt(0)) && wordPunctuation.test(candidate.found.charAt(1)))
  const sure = new Set(candidates.filter((candidate) => candidate.strength === 'strong' || (candidate.strength === 'weak' && (options.trustLonePairs === true || isSign(candidate) || isWrongInsideWord(text, candidate)))))
  // What the sure findings of each paragraph repair to, by family of codecs: scripts, and `sign`.
  const repaired = new Map<string, Set<string>>()
  for (const finding of sure) {
    const key = `${family(finding.codec)}:${paragraphOf(finding.start)}`
    const known = repaired.get(key) ?? new Set<string>(['sign'])
    for (const char of finding.repair) known.add(scriptOf(char) ?? 'sign')
    repaired.set(key, known)
  }
  const confirmed = (candidate: Candidate) => {
    if (sure.has(candidate)) return true
    const around = repaired.get(`${family(candidate.codec)}:${paragraphOf(candidate.start)}`)
    if (!around) return false
    // Any mojibake of the paragraph vouches for a Latin-1 or Greek character; another script's
    // letter (Cyrillic `и`) needs mojibake of that script.
    const script = [...candidate.repair].map(scriptOf).find((found) => found !== undefined) ?? 'sign'
    return candidate.strength === 'weak' || around.has(script)
  }
  return candidates.filter(confirmed).map(({strength: _strength, ...finding}) => finding)
}

/**
 * Finds every stretch of UTF-8 text that was decoded as Mac Roman, Windows-1252 or Latin-1, in
 * order. A finding whose `alternatives` are set has no safe repair.
 */
export function findMojibake(text: string, options: MojibakeOptions = {}): MojibakeFinding[] {
  const candidates: Candidate[] = []
  // Every byte of a multi-byte UTF-8 sequence is >= 0x80, so mojibake never spans ASCII.
  for (const match of text.matchAll(/[^\u0000-\u007f]+/g)) {
    const start = match.index
    candidates.push(...bestFindings(text, start, start + match[0].length))
  }
  return withEvidence(text, candidates, options)
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

/** Replaces all mojibake that has a safe repair with the text it was meant to be, including text mangled more than once. */
export function repairMojibake(text: string, options: MojibakeOptions = {}): string {
  let current = text
  // Each repair is strictly shorter than what it replaces, so this stops; repeating undoes
  // double mojibake ("ÃƒÂ©") and makes a second call a no-op.
  for (;;) {
    const findings = findMojibake(current, options).filter((finding) => !finding.alternatives)
    if (findings.length === 0) return current
    current = applyFindings(current, findings)
  }
}
