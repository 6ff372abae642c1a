import {readFileSync} from 'node:fs'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {fixText, lintFile} from '../src/lint.js'
import {formatMessage, only} from './helpers.js'

// Real prose in many scripts, and real and generated mojibake, from fixtures/prose/ (its README
// says where each paragraph comes from). No test depends on one paragraph, only on the files.
const folder = new URL('../../../fixtures/prose/', import.meta.url)
const clean = readFileSync(new URL('clean.md', folder), 'utf8')

interface MojibakeCase {
  id: string
  codec: string
  mangled: string
  expected: string
  repairable: boolean
}

const cases = (JSON.parse(readFileSync(new URL('mojibake.json', folder), 'utf8')) as {cases: MojibakeCase[]}).cases

const settings = {rules: only('no-mojibake')}
const lint = (text: string, path = 'prose.md') => lintFile(new VFile({path, value: text}), settings)

describe('clean prose in many scripts', () => {
  const sections = clean.split(/^(?=## )/m).slice(1)

  test('has at least 40 paragraphs, in Vietnamese, Turkish, Czech, Greek, Chinese and maths among others', () => {
    expect(sections.length).toBeGreaterThanOrEqual(40)
    const headings = sections.map((section) => section.slice(0, section.indexOf('\n')))
    for (const kind of ['Vietnamese', 'Turkish', 'Czech', 'Greek', 'Chinese', 'Maths']) expect(headings.some((heading) => heading.includes(kind))).toBe(true)
  })

  test('has no mojibake finding, as one file', () => {
    expect(lint(clean).map(formatMessage)).toEqual([])
  })

  test('has no mojibake finding, paragraph by paragraph', () => {
    expect(sections.flatMap((section) => lint(section).map(formatMessage))).toEqual([])
  })
})

describe('real and generated mojibake in three codecs', () => {
  test('covers Mac Roman, Windows-1252 and Latin-1', () => {
    expect(new Set(cases.map((item) => item.codec))).toEqual(new Set(['mac-roman', 'windows-1252', 'latin-1']))
  })

  // Code is not prose: mojibake quoted in a code span is left as it is.
  const withoutCode = (text: string) => text.replace(/`[^`]*`/g, '')
  for (const item of cases.filter((candidate) => candidate.repairable && withoutCode(candidate.mangled) === withoutCode(candidate.expected))) {
    test(`${item.id}: inside code, left alone`, () => {
      expect(lint(item.mangled)).toEqual([])
    })
  }

  for (const item of cases.filter((candidate) => candidate.repairable && withoutCode(candidate.mangled) !== withoutCode(candidate.expected))) {
    test(`${item.id}: found and repaired exactly`, () => {
      expect(lint(item.mangled).length).toBeGreaterThan(0)
      const fixed = fixText(item.mangled, (text) => lint(text))
      expect(fixed.text).toBe(item.expected)
      expect(lint(fixed.text)).toEqual([])
    })
  }
})

describe('mojibake whose bytes were lost', () => {
  // Checked by hand: what the remaining bytes say is repaired (`âš™` is ⚙), nothing is guessed
  // for the lost ones (`ðŸ—` lacks the 0x8F of 🏗, `ï¸` that of U+FE0F; `ðŸ"¦` lost 0x93 to a
  // plain quote).
  test.each([
    ['real-scaffold-eth-emoji-lost-byte', '# ðŸ— Scaffold-ETH 2 Challenges'],
    ['real-deftai-gear-lost-byte', '⚙ï¸ Platform (should be ⚙️ Platform)'],
    ['real-deftai-package-damaged', 'ðŸ"¦ Documentation (should be 📦 Documentation)']
  ])('%s', (id, fixed) => {
    const item = cases.find((candidate) => candidate.id === id)
    if (!item) return
    expect(item.repairable).toBe(false)
    expect(fixText(item.mangled, (text) => lint(text)).text).toBe(fixed)
  })
})
