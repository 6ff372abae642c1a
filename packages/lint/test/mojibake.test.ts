import {readFileSync} from 'node:fs'
import iconv from 'iconv-lite'
import {describe, expect, test} from 'vitest'
import {findMojibake, repairMojibake, type MojibakeCodec, type MojibakeFinding} from '../src/mojibake.js'

const SEED_PATH = new URL('../../../fixtures/seeds/000_f034324e3aea4e9d.txt', import.meta.url)

const ICONV_NAMES: Record<MojibakeCodec, string> = {
  'mac-roman': 'macintosh',
  'windows-1252': 'win1252',
  'latin-1': 'latin1'
}

const CORRECT = ['✓', '✓*', '×', '—', '–', '“quotes”', '’', '…', 'π', 'τ', 'é', 'ü', '📄', '🚀', '🗓️', '日本']

/** Mojibake of `correct` as produced by decoding its UTF-8 bytes with the codec. */
function mangle(correct: string, codec: MojibakeCodec): string {
  return iconv.decode(Buffer.from(correct, 'utf8'), ICONV_NAMES[codec])
}

/** The codec a finding should report for mojibake made with `codec`. */
function reportedCodec(mojibake: string, codec: MojibakeCodec): MojibakeCodec {
  // Latin-1 and Windows-1252 agree on 0xA0-0xFF, and the five bytes Windows-1252 leaves
  // undefined read as C1 controls, so only other C1 controls prove the Latin-1 reading;
  // otherwise the earlier codec, Windows-1252, wins the tie.
  if (codec !== 'latin-1') return codec
  return /[\u0080\u0082-\u008c\u008e\u0091-\u009c\u009e\u009f]/.test(mojibake) ? 'latin-1' : 'windows-1252'
}

/** Expected findings for `correct` mangled by `codec` and embedded after `prefix`. */
function expectedFindings(correct: string, codec: MojibakeCodec, prefix: string): MojibakeFinding[] {
  const findings: MojibakeFinding[] = []
  let offset = prefix.length
  // ASCII passes through every codec unchanged, so each non-ASCII run becomes one finding.
  for (const part of correct.split(/([^\u0000-\u007f]+)/)) {
    const mangled = mangle(part, codec)
    if (/[^\u0000-\u007f]/.test(part)) {
      const found = mangled
      findings.push({start: offset, end: offset + found.length, found, repair: part, codec: reportedCodec(found, codec)})
    }
    offset += mangled.length
  }
  return findings
}

/** Whether mojibake is a lone two-character pair: the mangling of one two-byte character. */
function isLonePair(correct: string): boolean {
  return [...correct].length === 1 && Buffer.byteLength(correct, 'utf8') === 2
}

describe('findMojibake and repairMojibake on iconv-lite mojibake', () => {
  const prefix = 'Status: '
  for (const codec of Object.keys(ICONV_NAMES) as MojibakeCodec[]) {
    for (const correct of CORRECT) {
      const mojibake = mangle(correct, codec)
      // iconv-lite decodes Windows-1252's undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) to
      // U+FFFD, which cannot be encoded back (it could be any of five bytes): “quotes” (its ” is
      // E2 80 9D) and 🗓️ (… EF B8 8F) cannot be repaired for windows-1252, and must keep the U+FFFD
      // rather than guess. Mac Roman's U+FFFD is fine: 0xF0 is its only undefined byte in iconv-lite's
      // table, so it is reversible.
      if (codec === 'windows-1252' && mojibake.includes('\ufffd')) {
        test(`${codec}: ${JSON.stringify(correct)} as ${JSON.stringify(mojibake)} keeps its undecidable U+FFFD`, () => {
          expect(repairMojibake(`${prefix}${mojibake} done`)).toContain('\ufffd')
        })
        continue
      }
      if (isLonePair(correct)) {
        // A lone pair (`Ã©`) is as often correct text (`Å—`, `√π`) as mojibake. A sign that is not
        // a letter and its punctuation (`√ó`) is trusted alone; a letter needs mojibake of its
        // script in the paragraph (here the same letter twice, a chain), or a fragment's trust.
        test(`${codec}: ${JSON.stringify(correct)} as ${JSON.stringify(mojibake)}, a lone pair, needs evidence`, () => {
          const alone = `${prefix}${mojibake} done`
          // `√ó` (a sign and a letter) and `Ã` plus a C1 control read as no word; `Ã—` reads as one.
          const trustedAlone = correct === '×' && codec !== 'windows-1252'
          expect(findMojibake(alone)).toEqual(trustedAlone ? expectedFindings(correct, codec, prefix) : [])
          expect(findMojibake(alone, {trustLonePairs: true})).toEqual(expectedFindings(correct, codec, prefix))
          const evidence = `${prefix}${mojibake} done ${mangle(correct + correct, codec)}`
          expect(findMojibake(evidence)).toEqual(expectedFindings(`${correct} done ${correct}${correct}`, codec, prefix))
          expect(repairMojibake(evidence)).toBe(`${prefix}${correct} done ${correct}${correct}`)
        })
        continue
      }
      test(`${codec}: ${JSON.stringify(correct)} as ${JSON.stringify(mojibake)}`, () => {
        const sentence = `${prefix}${mojibake} done`
        expect(findMojibake(sentence)).toEqual(expectedFindings(correct, codec, prefix))
        expect(repairMojibake(sentence)).toBe(`${prefix}${correct} done`)
      })
    }
  }
})

describe('hand-written mojibake', () => {
  test.each([
    ['‚úì', '✓', 'mac-roman'],
    ['√ó', '×', 'mac-roman'],
    ['\uf8ffüìÑ', '📄', 'mac-roman'],
    ['\ufffdüìÑ', '📄', 'mac-roman'],
    ['âœ“', '✓', 'windows-1252'],
    ['â€”', '—', 'windows-1252'],
    ['Ã—', '×', 'windows-1252'],
    ['Ã©', 'é', 'windows-1252'],
    ['Ï€', 'π', 'windows-1252'],
    // Browsers (WHATWG) decode Windows-1252's undefined 0x9D to U+009D, which round-trips.
    ['â€\u009d', '”', 'windows-1252'],
    ['â\u0080\u0094', '—', 'latin-1'],
    ['Ã\u0097', '×', 'latin-1']
  ] as const)('%j is %j in %s', (found, repair, codec) => {
    // Lone pairs among these need evidence; a fragment (a table cell) trusts them.
    expect(findMojibake(`a ${found} b`, {trustLonePairs: true})).toEqual([{start: 2, end: 2 + found.length, found, repair, codec}])
    expect(repairMojibake(`a ${found} b`, {trustLonePairs: true})).toBe(`a ${repair} b`)
  })

  test('a lone variation-selector mojibake after a correct emoji is repaired alone', () => {
    expect(findMojibake('✓Ô∏è ok')).toEqual([{start: 1, end: 4, found: 'Ô∏è', repair: '\ufe0f', codec: 'mac-roman'}])
  })

  test('adjacent sequences form one finding', () => {
    expect(findMojibake('‚úì√ó')).toEqual([{start: 0, end: 5, found: '‚úì√ó', repair: '✓×', codec: 'mac-roman'}])
  })

  test('correct non-ASCII characters next to mojibake are kept exactly', () => {
    expect(findMojibake('é√óé')).toEqual([{start: 1, end: 3, found: '√ó', repair: '×', codec: 'mac-roman'}])
    expect(repairMojibake('—√ó—', {trustLonePairs: true})).toBe('—×—')
    expect(repairMojibake('naïve Ã© café', {trustLonePairs: true})).toBe('naïve é café')
  })

  test('"Ã" before a non-breaking space is "à", before a plain space it is left alone', () => {
    expect(repairMojibake('voil\u00c3\u00a0 tout')).toBe('voilà tout')
    expect(findMojibake('IRMÃ e')).toEqual([])
  })

  test('a mojibake byte-order mark is repaired to U+FEFF rather than dropped', () => {
    expect(findMojibake('ï»¿# Title')).toEqual([{start: 0, end: 3, found: 'ï»¿', repair: '\ufeff', codec: 'windows-1252'}])
  })

  test('mojibake of a whole word in another script is repaired', () => {
    expect(repairMojibake('–ü—Ä–∏–≤–µ—Ç!')).toBe('Привет!')
  })

  test('double mojibake is undone completely', () => {
    expect(findMojibake('cafÃƒÂ©')[0]?.repair).toBe('Ã©')
    expect(repairMojibake('cafÃƒÂ©')).toBe('café')
  })

  test('a lone two-character pair outside Latin-1, Latin Extended-A and Greek is left alone', () => {
    // "–≤" is Mac Roman mojibake of a lone Cyrillic "в", but looks exactly like a dash before a
    // symbol; whole words ("–ü—Ä–∏–≤–µ—Ç") are still repaired.
    expect(findMojibake('–≤')).toEqual([])
  })

  test('Windows-1252 U+FFFD is left alone: it could stand for any of five bytes', () => {
    expect(findMojibake('â€\ufffd')).toEqual([])
  })
})

describe('correct text is never flagged', () => {
  test.each([
    'naïve',
    'Zürich',
    'café crème',
    'Ångström',
    '日本語のテキスト',
    '✓ × π τ',
    '🤖 LLM/VLM as Agent',
    'Schrödinger’s “cat” — ok',
    'São Paulo',
    'Ærø',
    'ß',
    'Ελληνικά',
    'Русский',
    // Punctuation plus accented letter that is valid UTF-8 in some codec, but as a lone pair.
    'l’été',
    'qu’à',
    '“Über”',
    '«Élan»',
    '—élan',
    'AQUÍ»',
    'Fuß”',
    'He said “café…”',
    'Ã'
  ])('%j', (text) => {
    expect(findMojibake(text)).toEqual([])
    expect(repairMojibake(text)).toBe(text)
  })
})

describe('the Mac Roman seed', () => {
  const seed = readFileSync(SEED_PATH, 'utf8')
  const findings = findMojibake(seed)

  test('has exactly these distinct mojibake runs', () => {
    const pairs = [...new Map(findings.map((finding) => [finding.found, finding.repair])).entries()]
    expect(pairs).toEqual([
      ['\uf8ffüìÑ', '📄'],
      ['\uf8ffüìå', '📌'],
      ['‚ú®', '✨'],
      ['\uf8ffüöÄ', '🚀'],
      ['\uf8ffüß†', '🧠'],
      ['\uf8ffüîç', '🔍'],
      ['\uf8ffü§ñ', '🤖'],
      ['‚úì', '✓'],
      ['√ó', '×'],
      ['‚úÖ', '✅'],
      ['\uf8ffüß≠', '🧭'],
      ['\uf8ffüéØ', '🎯'],
      ['\uf8ffüìö', '📚'],
      ['\uf8ffü§ù', '🤝'],
      ['\uf8ffüóìÔ∏è', '🗓️']
    ])
    expect(new Set(findings.map((finding) => finding.codec))).toEqual(new Set(['mac-roman']))
    expect(findings).toHaveLength(57)
  })

  test('repairs to text with no mojibake left', () => {
    const repaired = repairMojibake(seed)
    expect(findMojibake(repaired)).toEqual([])
    expect(repaired).not.toContain('‚úì')
    expect(repaired).not.toContain('√ó')
    expect(repaired.split('✓\\*').length).toBe(seed.split('‚úì\\*').length)
    expect(repaired.split('×').length).toBe(seed.split('√ó').length)
    expect(repaired).toContain('| ✓\\* |')
    expect(repaired).toContain('| ×  |')
  })

  test('changes only the mojibake runs', () => {
    const repaired = repairMojibake(seed)
    let seedCursor = 0
    let repairedCursor = 0
    for (const finding of findings) {
      const kept = seed.slice(seedCursor, finding.start)
      expect(repaired.slice(repairedCursor, repairedCursor + kept.length)).toBe(kept)
      repairedCursor += kept.length
      expect(repaired.slice(repairedCursor, repairedCursor + finding.repair.length)).toBe(finding.repair)
      repairedCursor += finding.repair.length
      seedCursor = finding.end
    }
    expect(repaired.slice(repairedCursor)).toBe(seed.slice(seedCursor))
  })
})

describe('repairMojibake is idempotent', () => {
  test.each([
    'plain ASCII',
    'mixed √ó and Ã— and â\u0080\u0094',
    'cafÃƒÂ©',
    'naïve Zürich ✓',
    readFileSync(SEED_PATH, 'utf8')
  ])('%#', (text) => {
    const once = repairMojibake(text)
    expect(repairMojibake(once)).toBe(once)
  })
})
