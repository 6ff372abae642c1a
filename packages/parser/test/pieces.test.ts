import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {contentParsedTexts, cutPieces, parseContent, parseMarkdown, parsedTexts, parsePieces, parseTableRows, parseWhole, type TreeCache} from '../src/index.js'
import {pieceText} from '../src/pieces.js'

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

/** The repository's content files, as the CLI reads them. */
async function readContentFiles(): Promise<VFile[]> {
  const entries = await readdir(join(root, 'content'), {recursive: true, withFileTypes: true})
  const paths = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.md')).map((entry) => join(entry.parentPath, entry.name).slice(root.length)).sort()
  return Promise.all(paths.map(async (path) => new VFile({path, value: await readFile(join(root, path), 'utf8')})))
}

/** A row and a document of rows as a methods file has them, with markup in the cells. */
const row = (index: number) => `| [M${index}](https://x.org/${index}) \\[A et al., 2024] | GPT-4, $\\pi_l$ | ✓ |`
const document = (rows: string[]) => `# Role\n\n## One\n\n| Method | Models | FT |\n| - | - | - |\n${rows.join('\n')}\n\n## Two\n\ntext\n`

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
      if (tree) {
        const whole = parseWhole(text)
        expect({path, tree}).toStrictEqual({path, tree: whole})
        // Each row its own piece: every row of every table read without micromark's table construct where it can be.
        expect({path, tree: parsePieces(text, pieces, (piece) => parseTableRows(piece, parseWhole) ?? parseWhole(piece))}).toStrictEqual({path, tree: whole})
      } else parsedWhole.push(path)
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

  test("cuts a table's rows from its header and from the heading after them whatever the size, so that the rows reader reads them", () => {
    const rows = (from: number) => Array.from({length: 40}, (_, index) => row(from + index)).join('\n')
    const head = '| Method | Models | FT |\n| - | - | - |\n'
    const text = `# Role\n\n## One\n\n${head}${rows(0)}\n\n## Two\n\n${head}${rows(40)}\n\ntext\n`
    // Pieces of the whole text's size: no cut is made for size (half of it is more than either table's rows).
    const pieces = cutPieces(text, text.length)
    expect(pieces.map((piece) => [text.slice(piece.start, piece.end), piece.header])).toEqual([
      [`# Role\n\n## One\n\n${head}`, undefined],
      [`${rows(0)}\n\n`, head],
      [`## Two\n\n${head}`, undefined],
      [`${rows(40)}\n\ntext\n`, head]
    ])
    expect(parsePieces(text, pieces, parseWhole)).toStrictEqual(parseWhole(text))
    // The rows before the heading are read alone; those followed by text are micromark's.
    expect(pieces.map((piece) => parseTableRows(pieceText(text, piece), parseWhole) !== undefined)).toEqual([false, true, false, false])
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
    const large = Array.from({length: 12_000}, (_, index) => `| x${index} |\n`).join('')
    expect(cutPieces(large).length).toBeGreaterThan(1)
    expect(parseMarkdown(large)).toStrictEqual(parseWhole(large))
  })

  test('parseMarkdown cuts a large document and gives the tree of the whole', () => {
    const rows = Array.from({length: 3000}, (_, index) => `| [M${index}](https://x.org/${index}) \\[A et al., 2024] | GPT-4, $\\pi_l$ | ✓ |`)
    const text = `# Role\n\n## One\n\n| Method | Models | FT |\n| - | - | - |\n${rows.join('\n')}\n\n## Two\n\ntext\n`
    expect(cutPieces(text).length).toBeGreaterThan(3)
    expect(parseMarkdown(text)).toStrictEqual(parseWhole(text))
  })

  test('an edit or a new row moves no cut after its piece: only the piece it is in is a text not parsed before', () => {
    const rows = Array.from({length: 1500}, (_, index) => row(index))
    const text = document(rows)
    expect(cutPieces(text).length).toBeGreaterThan(6)
    // Rows all alike: no line's hash picks a cut, so they are cut at twice the piece size (8 KiB, at the
    // first line end past it: 1,366 rows of 6 bytes), the rest in the last piece.
    expect(cutPieces('| x |\n'.repeat(40_000)).map((piece) => piece.end - piece.start)).toEqual([...Array.from({length: 29}, () => 8196), 2316])
    // A longer cell in the middle: its piece is new; a new row near the start: its piece (and the next, were
    // the row to move the cut after it to an earlier picked line; here the cut stays).
    const before = new Set(parsedTexts(text))
    const newTexts = (edited: string) => parsedTexts(edited).filter((piece) => !before.has(piece)).length
    const longerCell = document([...rows.slice(0, 750), rows[750]!.replace('GPT-4', 'GPT-4, Llama-3-70B-Instruct'), ...rows.slice(751)])
    const newRow = document([...rows.slice(0, 10), row(99_999), ...rows.slice(10)])
    expect([newTexts(longerCell), newTexts(newRow)]).toEqual([1, 1])
  })

  test('a cache is given the trees micromark made, not those of rows read without it, and gives them back', () => {
    /** A cache as the CLI's is: entries stored as JSON, read back as new trees; `parsed` counts what was given it. */
    class MemoryCache implements TreeCache {
      readonly entries = new Map<string, string>()
      parsed = 0
      get(text: string): Root | undefined {
        const entry = this.entries.get(text)
        return entry === undefined ? undefined : (JSON.parse(entry) as Root)
      }
      set(text: string, tree: Root): void {
        this.parsed++
        this.entries.set(text, JSON.stringify(tree))
      }
    }
    const text = document(Array.from({length: 1500}, (_, index) => row(index)))
    const pieces = parsedTexts(text)
    const cache = new MemoryCache()
    expect(parseMarkdown(text, cache)).toStrictEqual(parseWhole(text))
    // The first piece starts with the headings, the last ends with the text after the table: micromark's.
    expect([...cache.entries.keys()]).toEqual([pieces[0], pieces.at(-1)])
    cache.parsed = 0
    expect(parseMarkdown(text, cache)).toStrictEqual(parseWhole(text))
    expect(cache.parsed).toBe(0)
  })
})

describe('contentParsedTexts', () => {
  test('names exactly the texts reading content/ asks a cache for: every piece of a large file, with CRLF read as LF; none past the limits', async () => {
    const asked: string[] = []
    const recording: TreeCache = {get: (text) => void asked.push(text) as undefined, set: () => {}}
    const files = await readContentFiles()
    const rows = Array.from({length: 3000}, (_, index) => `| M${index} | A et al., 2024 | GPT-4 | ✓ | act | single | - | online | π_l | sr | - | - |`)
    const agent = files.find((file) => file.path === 'content/methods/agent.md')!
    agent.value = `# LLM/VLM as Agent\r\n\r\n## Parametric\r\n\r\n| Method | Citation | Model(s) | FT | FM Role | RL Agent | RL Task | RL Setting | RL Role | Metrics | Code | Paper |\r\n| - | - | - | - | - | - | - | - | - | - | - | - |\r\n${rows.join('\r\n')}\r\n`
    const named = files.flatMap((file) => contentParsedTexts(file))
    parseContent(files.map((file) => new VFile({path: file.path, value: file.value})), {cache: recording})
    expect(named.filter((text) => text.includes('\r'))).toEqual([])
    expect(contentParsedTexts(agent).length).toBeGreaterThan(3)
    // In the order of the files; the read goes by kind of file.
    expect([...named].sort()).toEqual([...asked].sort())
    // A file past the limits: nothing to parse (and then the read parses no file at all).
    expect(contentParsedTexts(new VFile({path: 'content/sections/nul.md', value: '# Nul\n\n\0\n'}))).toEqual([])
  })
})
