import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {cutPieces, parseMarkdown, parsePieces, parseWhole} from '../src/index.js'

const root = new URL('../../..', import.meta.url).pathname

/** Every Markdown file of the repository's content, outputs and fixtures (real lists, hostile cases, seeds). */
async function markdownFiles(): Promise<string[]> {
  const found: string[] = ['README.md']
  for (const folder of ['content', 'tables', 'fixtures']) {
    const entries = await readdir(join(root, folder), {recursive: true, withFileTypes: true})
    for (const entry of entries) if (entry.isFile() && entry.name.endsWith('.md')) found.push(join(entry.parentPath, entry.name).slice(root.length))
  }
  return found.sort()
}

/** The tree of `text` cut every `bytes` bytes (as small as one: a cut wherever one may be). */
const inPieces = (text: string, bytes: number) => parsePieces(text, cutPieces(text, bytes), parseWhole)

describe('parsing piece by piece', () => {
  test('gives the tree of the whole on every Markdown file of the repository, cut wherever a cut may be', async () => {
    const files = await markdownFiles()
    expect(files.length).toBeGreaterThan(80)
    let cut = 0
    const parsedWhole: string[] = []
    for (const path of files) {
      const text = await readFile(join(root, path), 'utf8')
      const pieces = cutPieces(text, 1)
      const tree = parsePieces(text, pieces, parseWhole)
      if (pieces.length > 1) cut++
      if (tree) expect({path, tree}).toStrictEqual({path, tree: parseWhole(text)})
      else parsedWhole.push(path)
    }
    // Most files have a place to cut (those with `]:` in them are parsed whole).
    expect(cut).toBeGreaterThan(files.length / 2)
    // Where `|` lines after a header are not the table the cut expects (a delimiter row of another width), the whole is parsed.
    expect(parsedWhole).toEqual(['fixtures/hostile/duplicate-column/content/methods/agent.md', 'fixtures/hostile/missing-delimiter-row/content/methods/agent.md'])
  })

  test('cuts before headings and tables after a blank line, and between table rows under a copy of the header', () => {
    const text = '# A\n\ntext\n\n| h | i |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n\n## B\n'
    expect(cutPieces(text, 1).map((piece) => [text.slice(piece.start, piece.end), piece.line, piece.header])).toEqual([
      ['# A\n\ntext\n\n', 1, undefined],
      ['| h | i |\n| - | - |\n', 5, undefined],
      ['| 1 | 2 |\n', 7, '| h | i |\n| - | - |\n'],
      ['| 3 | 4 |\n\n', 8, '| h | i |\n| - | - |\n'],
      ['## B\n', 10, undefined]
    ])
    expect(inPieces(text, 1)).toStrictEqual(parseWhole(text))
  })

  test('never cuts inside fenced code, math, HTML blocks that span blank lines, or text with a definition', () => {
    const fenced = '# A\n\n````\n\n# not a heading\n```\n\n| not | a table |\n````\n\n# B\n'
    const math = '# A\n\n$$\n\n# x\n$$\n\n# B\n'
    const comment = '# A\n\n<!-- a\n\n# not a heading\n-->\n\n# B\n'
    const script = '<script>\n\n# x\n</script>\n\n# B\n'
    const lines = (text: string) => cutPieces(text, 1).map((piece) => piece.line)
    expect([lines(fenced), lines(math), lines(comment), lines(script)]).toEqual([[1, 11], [1, 8], [1, 8], [1, 6]])
    for (const text of [fenced, math, comment, script]) expect(inPieces(text, 1)).toStrictEqual(parseWhole(text))
    expect(cutPieces('# A\n\n[x]\n\n# B\n\n[x]: https://x.org\n', 1)).toHaveLength(1)
    expect(cutPieces('# A\r# B\r', 1)).toHaveLength(1)
    expect(cutPieces('\ufeff# A\n\n# B\n', 1)).toHaveLength(1)
  })

  test('a piece that does not parse as its cut expects is parsed whole', () => {
    // `|` lines without a delimiter row are one paragraph, not a table.
    const text = '| a |\n| b |\n| c |\n| d |\n'
    expect(cutPieces(text, 1).map((piece) => piece.header)).toEqual([undefined, '| a |\n| b |\n', '| a |\n| b |\n'])
    expect(inPieces(text, 1)).toBeUndefined()
    const large = '| x |\n'.repeat(20_000)
    expect(cutPieces(large).length).toBeGreaterThan(1)
    expect(parseMarkdown(large)).toStrictEqual(parseWhole(large))
  })

  test('parseMarkdown cuts a large document and gives the tree of the whole', () => {
    const rows = Array.from({length: 3000}, (_, index) => `| [M${index}](https://x.org/${index}) \\[A et al., 2024] | GPT-4, $\\pi_l$ | ✓ |`)
    const text = `# Role\n\n## One\n\n| Method | Models | FT |\n| - | - | - |\n${rows.join('\n')}\n\n## Two\n\ntext\n`
    expect(cutPieces(text).length).toBeGreaterThan(3)
    expect(parseMarkdown(text)).toStrictEqual(parseWhole(text))
  })
})
