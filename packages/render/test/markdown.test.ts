import type {PhrasingContent, Root, Table} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkStringify from 'remark-stringify'
import {unified} from 'unified'
import {describe, expect, test} from 'vitest'
import {eachOutput, renderMarkdownOutputs, renderOutputs, renderReadme, renderRolePage, renderTable1, rolePagePath} from '../src/index.js'
import {toMarkdown} from '../src/markdown.js'
import {table, text} from '../src/nodes.js'
import {notation} from '../src/symbols.js'
import {readSurvey} from './survey.js'

describe('toMarkdown', () => {
  const tree = {
    type: 'root' as const,
    children: [table(['Method', 'FT', 'RL Role'], [
      [[text('A|B')], [notation('✓*')], [notation('$\\pi_l$'), text(', '), notation('$\\tau_\\pi$'), text(', rft')]]
    ])]
  }

  test('aligns tables, escapes pipes and stars, keeps inline math verbatim', () => {
    expect(toMarkdown(tree)).toBe([
      '| Method | FT  | RL Role                  |',
      '| ------ | --- | ------------------------ |',
      '| A\\|B   | ✓\\* | $\\pi_l$, $\\tau_\\pi$, rft |',
      ''
    ].join('\n'))
  })

  test('leaves content tables unaligned so one edited row is one changed line', () => {
    expect(toMarkdown(tree, {aligned: false})).toBe([
      '| Method | FT | RL Role |',
      '| - | - | - |',
      '| A\\|B | ✓\\* | $\\pi_l$, $\\tau_\\pi$, rft |',
      ''
    ].join('\n'))
  })
})

/** Whether a memory's key is a table cell's (`\u0001`) or a text's inside a cell: its constructs, before the first NUL, include one. */
const isCellPiece = (key: string) => key.startsWith('\u0001') || key.split('\u0000')[0]!.split(' ').includes('tableCell')

describe('toMarkdown escapes each text once per context', () => {
  // The oracle: remark-stringify with the same options and its own text handler, remembering nothing.
  const plain = (aligned: boolean) => unified().use(remarkGfm, {tablePipeAlign: aligned}).use(remarkMath).use(remarkStringify, {bullet: '-', fences: true, listItemIndent: 'one', rule: '-', emphasis: '_', strong: '*'})
  // The same texts where escaping differs: at the start of a block or not, in a cell or not, beside a node or not.
  const samples = ['a|b', '# not a heading', '1. not a list', '*', '_x_', '- b', '[c]', '<d>', 'e: -', '+ f']
  const contexts = (value: string): Root => ({
    type: 'root',
    children: [
      {type: 'paragraph', children: [text(value)]},
      {type: 'paragraph', children: [{type: 'emphasis', children: [text('g')]}, text(value), {type: 'inlineCode', value: 'h'}]},
      {type: 'heading', depth: 2, children: [text(value)]},
      {type: 'list', ordered: false, children: [{type: 'listItem', children: [{type: 'paragraph', children: [text(value)]}]}]},
      {type: 'paragraph', children: [{type: 'link', url: 'https://example.org', children: [text(value)]}, text(value)]},
      // Between the same neighbours as in the paragraph above: only the constructs it is in tell a cell's text apart.
      table(['Head', value], [[[{type: 'emphasis', children: [text('g')]}, text(value), {type: 'inlineCode', value: 'h'}], [text(value), notation('$\\pi$'), text(value)]]])
    ]
  })

  test('a shared memory of escaped texts gives what remark-stringify gives, in every context and both serializers', () => {
    const texts = new Map<string, string>()
    for (const aligned of [true, false]) {
      for (const value of samples) {
        const tree = contexts(value)
        expect(toMarkdown(tree, {aligned, texts})).toBe(plain(aligned).stringify(tree))
      }
    }
    // Escaped texts are remembered: the samples' texts and their contexts, not one entry per text.
    expect(texts.size).toBeGreaterThan(samples.length * 6)
  })

  test('a shared memory of table cells gives what remark-stringify gives, wherever the table is and whatever its shape', () => {
    const cells: PhrasingContent[][] = [
      [text('a|b')],
      [{type: 'link', url: 'https://example.org/a(b)', children: [text('x')]}],
      [{type: 'inlineCode', value: 'c|d'}, text(' e')],
      [notation('$\\pi_l$'), text(', '), notation('✓*')],
      [],
      [text('- f')]
    ]
    const grid = (rows: PhrasingContent[][][]) => table(['Head', 'Other'], rows)
    const shapes: Table[] = [
      grid([[cells[0]!, cells[1]!], [cells[2]!, cells[3]!], [cells[4]!, cells[5]!]]),
      // The same cells in other columns and rows, and a header row shorter than the alignment.
      grid([[cells[5]!, cells[0]!], [cells[1]!]]),
      {type: 'table', align: ['left', null, 'right'], children: [{type: 'tableRow', children: [{type: 'tableCell', children: cells[3]!}]}, {type: 'tableRow', children: cells.slice(0, 3).map((children) => ({type: 'tableCell' as const, children}))}]}
    ]
    const tree: Root = {
      type: 'root',
      children: [
        ...shapes,
        {type: 'blockquote', children: [shapes[0]!]},
        {type: 'list', ordered: false, spread: false, children: [{type: 'listItem', spread: false, children: [shapes[1]!, {type: 'paragraph', children: [text('g')]}]}]}
      ]
    }
    const [texts, scratch] = [new Map<string, string>(), new Map<string, string>()]
    for (const aligned of [true, false, true]) expect(toMarkdown(tree, {aligned, texts, scratch})).toBe(plain(aligned).stringify(tree))
    // The cell is remembered whole, with the cells' pieces (the link's text alone is what the text memory holds); the texts to keep hold no cell.
    expect([...scratch.values()]).toContain('[x](https://example.org/a\\(b\\))')
    expect([...texts.values()]).not.toContain('[x](https://example.org/a\\(b\\))')
    expect([...texts.keys()].filter(isCellPiece)).toEqual([])
    expect(toMarkdown(tree, {kept: new Map([...texts, ...scratch])})).toBe(plain(true).stringify(tree))
  })

  test('the outputs rendered together equal each rendered on its own by remark-stringify', async () => {
    const survey = await readSurvey()
    const rendered = new Map(renderOutputs(survey).map((output) => [output.path, output.content]))
    expect(rendered.get('README.md')).toBe(plain(true).stringify(renderReadme(survey)))
    expect(rendered.get('tables/table1.md')).toBe(plain(true).stringify(renderTable1(survey)))
    for (const role of survey.taxonomy) expect(rendered.get(`tables/${rolePagePath(role)}`)).toBe(plain(true).stringify(renderRolePage(survey, role)))
  })

  test('eachOutput renders each output when it is asked for, and all of them are renderOutputs\' outputs in its order', async () => {
    const survey = await readSurvey()
    const memory = {markdown: {texts: new Map<string, string>()}, page: {texts: new Map<string, string>()}}
    const outputs = eachOutput(survey, memory)
    const first = outputs.next()
    expect(first.value).toStrictEqual(renderOutputs(survey)[0])
    // The README's cells are serialized; the page, the last output, is not rendered yet.
    expect([memory.markdown.texts.size > 0, memory.page.texts.size]).toEqual([true, 0])
    expect([first.value, ...outputs]).toStrictEqual(renderOutputs(survey))
    expect(memory.page.texts.size).toBe(survey.methods.length)
  })

  test('a method changed in place after a render is keyed by what it is now: its rows are serialized again', async () => {
    const survey = await readSurvey()
    const earlier = new Map<string, string>()
    renderMarkdownOutputs(survey, {texts: earlier})
    survey.methods.find((method) => method.name === 'AGILE')!.models = ['GPT-7']
    const outputs = renderMarkdownOutputs(survey, {kept: earlier})
    expect(outputs).toStrictEqual(renderMarkdownOutputs(survey))
    expect(outputs[0]!.content).toContain('| GPT-7 ')
  })

  test('an earlier render\'s texts give the same outputs for an edited survey, and what this render used is what is left to keep', async () => {
    const survey = await readSurvey()
    const earlier = new Map<string, string>()
    renderMarkdownOutputs(survey, {texts: earlier})
    const edited = structuredClone(survey)
    const agile = edited.methods.find((method) => method.name === 'AGILE')!
    agile.models = ['GPT-5']
    const texts = new Map<string, string>()
    expect(renderMarkdownOutputs(edited, {texts, kept: earlier})).toStrictEqual(renderMarkdownOutputs(edited))
    // AGILE's new rows are serialized and kept; its old ones, which this render did not use, are not.
    const models = survey.methods.find((method) => method.name === 'AGILE')!.models.join(', ')
    const rowsWith = (memory: ReadonlyMap<string, string>, cell: string) => [...memory].filter(([key, value]) => key.startsWith('\u0002') && (JSON.parse(value) as string[]).includes(cell)).length
    expect([rowsWith(earlier, models), rowsWith(texts, models), rowsWith(texts, 'GPT-5')]).toEqual([3, 0, 3])
    expect([...texts.keys()].filter((key) => !earlier.has(key)).length).toBe(3)
    // What is kept is taken, not serialized again: a value planted in it is what the outputs show. A
    // method's row is kept whole (its cells as JSON), by what it is made from.
    const planted = new Map([...texts].map(([key, value]) => [key, value.replaceAll('GPT-5', 'Planted-5')]))
    expect(renderMarkdownOutputs(edited, {kept: planted})[0]!.content).toContain('| Planted-5 ')
    // AGILE's rows of the README, Table 1 and its role page.
    const rows = [...texts].filter(([key, value]) => key.startsWith('\u0002') && value.includes('GPT-5')).map(([, value]) => JSON.parse(value) as string[])
    expect(rows.map((cells) => cells.find((cell) => cell.includes('GPT-5')))).toEqual(['GPT-5', 'GPT-5', 'GPT-5'])
    // Rows taken whole are kept whole: the unchanged method's three rows, taken, and none of their cells.
    const unchanged = survey.methods.find((method) => method.name === 'Reflexion')!.models.join(', ')
    expect([rowsWith(earlier, unchanged), rowsWith(texts, unchanged)]).toEqual([3, 3])
    expect([...texts.values()]).not.toContain(unchanged)
  })

  test('what a render keeps is each method\'s rows and the texts outside tables: the pieces of cells are its own', async () => {
    const survey = await readSurvey()
    const texts = new Map<string, string>()
    renderMarkdownOutputs(survey, {texts})
    // A method's row in the README, Table 1 and its role page.
    expect([...texts.keys()].filter((key) => key.startsWith('\u0002')).length).toBe(3 * survey.methods.length)
    expect([...texts.keys()].filter(isCellPiece)).toEqual([])
    expect([...texts.keys()].length).toBeGreaterThan(3 * survey.methods.length)
  })
})
