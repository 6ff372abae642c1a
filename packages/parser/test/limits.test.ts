import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {markdownLimits, parseContent, parseMarkdownFile} from '../src/index.js'
import {checkMarkdownLimits} from '../src/limits.js'
import {contentFiles, messages} from './helpers.js'

/** Check one text against the limits: the messages, and whether it was parsed. */
function check(value: string): {parsed: boolean; messages: string[]} {
  const file = new VFile({path: 'list.md', value})
  const tree = parseMarkdownFile(file)
  return {parsed: tree !== undefined, messages: messages([file])}
}

const nested = (depth: number) => `Unexpected block quotes and lists nested ${depth} deep, expected at most 64 (max-nesting-depth)`
const inline = 'Unexpected more than 500 emphasis runs (`*`, `_`, `~`) and brackets (`[`, `]`) in one paragraph, heading or table row, expected at most 500: escape them (`\\*`) or split the text (max-inline-markers)'

describe('markdownLimits, checked before micromark parses a file', () => {
  test('the limits', () => {
    expect(markdownLimits).toEqual({maxBytes: 8_388_608, maxDepth: 64, maxInlineMarkers: 500})
  })

  test('10,000 nested block quotes or list items: one positioned error, not a stack overflow', () => {
    expect(check(`# List\n\n${'>'.repeat(10_000)} x\n`)).toEqual({parsed: false, messages: [`list.md:3:1-3:10002: ${nested(10_000)}`]})
    expect(check(`# List\n\n${'- '.repeat(10_000)}x\n`)).toEqual({parsed: false, messages: [`list.md:3:1-3:20001: ${nested(10_000)}`]})
    expect(check(`${'> - '.repeat(40)}x\n`)).toEqual({parsed: false, messages: [`list.md:1:1-1:161: ${nested(80)}`]})
  })

  test('a NUL character: one positioned error, never the U+FFFD micromark would put in its place', () => {
    expect(check('# List\n\n- GL\0AM\n')).toEqual({parsed: false, messages: ['list.md:3:5-3:6: Unexpected NUL character (U+0000), expected text: remove it (Markdown would read it as U+FFFD, the replacement character) (nul-character)']})
  })

  test('lists nested by indentation count a level per two columns; 64 levels are fine', () => {
    const indented = (depth: number) => Array.from({length: depth}, (_, level) => `${'  '.repeat(level)}- item ${level + 1}`).join('\n')
    expect(check(indented(64))).toEqual({parsed: true, messages: []})
    expect(check(indented(65))).toEqual({parsed: false, messages: [`list.md:65:1-65:131: ${nested(65)}`]})
    expect(check(`${'> '.repeat(64)}x\n`)).toEqual({parsed: true, messages: []})
  })

  test('indentation inside fenced code is code, not nesting', () => {
    expect(check(`- a\n\n  \`\`\`json\n${' '.repeat(300)}{"deep": true}\n  \`\`\`\n`)).toEqual({parsed: true, messages: []})
    expect(check(`\`\`\`\n\`\`\`\n${' '.repeat(300)}- x\n`).parsed).toBe(false)
  })

  test('`*[` 10,000 times in a table cell: refused where the 501st delimiter is', () => {
    expect(check(`| Method | Year |\n| - | - |\n| ${'*['.repeat(10_000)} | 2024 |\n`)).toEqual({parsed: false, messages: [`list.md:3:503-3:504: ${inline}`]})
  })

  test('delimiters count per paragraph, heading or table row; runs and escapes as micromark sees them', () => {
    const row = `| ${'**a** '.repeat(100)} | [x](y) |\n`
    expect(check(`| A | B |\n| - | - |\n${row.repeat(3)}`)).toEqual({parsed: true, messages: []})
    expect(check(`${'\\*a '.repeat(600)}\n`)).toEqual({parsed: true, messages: []})
    expect(check(`${'_a_ '.repeat(200)}\n${'_a_ '.repeat(51)}\n`)).toEqual({parsed: false, messages: [`list.md:2:201-2:202: ${inline}`]})
    expect(check(`${'_a_ '.repeat(200)}\n\n${'_a_ '.repeat(200)}\n`)).toEqual({parsed: true, messages: []})
  })

  test('a file over 8 MiB: refused where it passes the limit, counted in UTF-8 bytes', () => {
    const line = `${'x'.repeat(99)}\n`
    // Within the limit, only check: parsing 8 MiB is the slow part this limit bounds.
    const within = (value: string) => checkMarkdownLimits(new VFile({value}))
    expect(within(line.repeat(83_886))).toBe(true)
    expect(check(line.repeat(83_887))).toEqual({parsed: false, messages: ['list.md:83887:9-83887:9: Unexpected file larger than 8 MiB, expected at most that: split it into smaller files (max-file-size)']})
    // é is two bytes: half as many fit.
    expect(within('é'.repeat(4_194_304))).toBe(true)
    expect(check('é'.repeat(4_194_305))).toEqual({parsed: false, messages: ['list.md:1:4194305-1:4194305: Unexpected file larger than 8 MiB, expected at most that: split it into smaller files (max-file-size)']})
  })

  test('parseContent: a content file past a limit is the only error, and no survey is built', () => {
    const files = contentFiles()
    const agent = files.find((file) => file.path === 'content/methods/agent.md')!
    agent.value = `${String(agent.value)}\n${'>'.repeat(100)} x\n`
    const read = parseContent(files)
    expect(read.survey).toBeUndefined()
    expect(messages(files)).toEqual([`content/methods/agent.md:26:1-26:102: ${nested(100)}`])
  })

  test('parseContent: a cell over 2,000 characters, and content saved with CRLF reads as with LF', () => {
    const files = contentFiles()
    const agent = files.find((file) => file.path === 'content/methods/agent.md')!
    agent.value = String(agent.value).replace('| Meerkat, Vicuna-1.5 |', `| ${'M'.repeat(2_001)} |`)
    expect(parseContent(files).survey).toBeUndefined()
    expect(messages(files)).toEqual(['content/methods/agent.md:7:29-7:2033: Unexpected cell of 2001 characters in column `Model(s)`, expected at most 2000: shorten it (max-cell-length)'])
    const crlf = contentFiles()
    for (const file of crlf) file.value = String(file.value).replace(/\n/g, '\r\n')
    expect(parseContent(crlf).survey).toEqual(parseContent(contentFiles()).survey)
  })

  test('the real content is within every limit', () => {
    const files = contentFiles()
    expect(parseContent(files).survey).toBeDefined()
    expect(messages(files)).toEqual([])
  })
})
