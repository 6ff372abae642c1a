import {describe, expect, test} from 'vitest'
import {
  citedNameColumn,
  columnForHeader,
  datasetColumns,
  joinList,
  methodColumn,
  methodColumns,
  methodViews,
  nameKey,
  NamedLink,
  ReadingEntry,
  readingEntryColumns,
  splitList,
  splitSymbolList,
  symbolAttributes,
  table1Attributes,
  vocabularyColumns,
  type CellText,
  type Method,
  type Vocabulary
} from '../src/index.js'

const term = (symbol: string, markdown = symbol) => ({symbol, markdown, latex: symbol, meaning: symbol, origin: 'caption' as const})
const vocabularies: Vocabulary[] = [
  {id: 'ft', description: '', terms: [term('✓'), term('✓*', '✓\\*'), term('×')]},
  {id: 'fmRole', description: '', terms: [term('act')]},
  {id: 'rlAgent', description: '', terms: [term('single')]},
  {id: 'rlTask', description: '', terms: [term('-')]},
  {id: 'rlSetting', description: '', terms: [term('online')]},
  {id: 'rlRole', description: '', terms: [term('π_l', '$\\pi_l$'), term('rft')]},
  {id: 'metric', description: '', terms: [term('acc')]}
]
const context = {vocabularies}
const cell = (text: string, links: CellText['links'] = []): CellText => ({text, links})
const method: Method = {
  name: 'AGILE', citation: {authors: 'Feng et al.', year: 2024, suffix: ''}, role: 'agent', category: 'parametric', models: ['GPT-4, turbo', 'Llama'],
  ft: '✓*', fmRoles: ['act'], rlAgent: 'single', rlTask: '-', rlSetting: 'online', rlRoles: ['π_l', 'rft'], metrics: ['acc'],
  code: 'https://github.com/bytarnish/AGILE', paper: 'https://arxiv.org/abs/2405.14751', venue: null
}

describe('the attribute lists are views of the columns', () => {
  test('content headers, symbol columns, Table 1 and the README in their order', () => {
    expect(methodColumns.map((column) => column.header)).toEqual(['Method', 'Citation', 'Model(s)', 'FT', 'FM Role', 'RL Agent', 'RL Task', 'RL Setting', 'RL Role', 'Metrics', 'Code', 'Paper'])
    expect(symbolAttributes.map((attribute) => `${attribute.key}:${attribute.vocabulary}:${attribute.list}`)).toEqual([
      'ft:ft:false', 'fmRoles:fmRole:true', 'rlAgent:rlAgent:false', 'rlTask:rlTask:false', 'rlSetting:rlSetting:false', 'rlRoles:rlRole:true', 'metrics:metric:true'
    ])
    expect(vocabularyColumns).toEqual({ft: 'FT', fmRole: 'FM Role', rlAgent: 'RL Agent', rlTask: 'RL Task', rlSetting: 'RL Setting', rlRole: 'RL Role', metric: 'Metrics'})
    expect(table1Attributes).toEqual(['citation', 'models', 'ft', 'fmRoles', 'rlAgent', 'rlTask', 'rlSetting', 'rlRoles', 'metrics', 'code'])
    expect(methodViews.readme.map((entry) => entry.header)).toEqual(['Method [citation]', 'Model(s)', 'FT', 'RL Role', 'Metrics', 'Code'])
    expect(methodViews.table1[0]).toEqual({header: 'Citation', column: citedNameColumn, format: 'markdown'})
  })

  test('hand-kept headers find their column by alias, case and emphasis aside', () => {
    expect(['Title', '**Paper Title**', 'Repo', 'GitHub', 'LLM(s)', 'Fine-tuning', 'Method [citation]'].map((header) => columnForHeader([citedNameColumn, ...methodColumns], header)?.key)).toEqual([
      'name', 'name', 'code', 'code', 'models', 'ft', 'name'
    ])
    expect(columnForHeader(methodColumns, 'Stars')).toBeUndefined()
  })

  test('a header written with a trailing colon (`Code:`) finds its column', () => {
    expect(['Code:', '**Paper:**', 'RL Role:'].map((header) => columnForHeader(methodColumns, header)?.key)).toEqual(['code', 'paper', 'rlRoles'])
  })
})

// Found by the mutation check (pnpm mutation): each of these survived a one-line breakage of the codec.
describe('entry columns', () => {
  const [name, year, , , link] = datasetColumns
  const venue = readingEntryColumns.find((column) => column.key === 'venue')!

  test('a required text column reads `-` as text (the schema judges it), an optional one as no value', () => {
    expect(name!.decode(cell('-'), context)).toEqual({ok: true, value: {name: '-'}})
    expect(venue.decode(cell('-'), context)).toEqual({ok: true, value: {venue: null}})
  })

  test("content/'s Method cell never gives the paper, even written as a link: the Paper column does", () => {
    const link = [{url: 'https://arxiv.org/abs/2405.14751', text: 'AGILE'}]
    expect(methodColumn('name').decode(cell('AGILE', link), {...context, format: 'content'})).toEqual({ok: true, value: {name: 'AGILE'}})
    expect(methodColumn('name').decode(cell('AGILE', link), {...context, format: 'markdown'})).toEqual({ok: true, value: {name: 'AGILE', paper: 'https://arxiv.org/abs/2405.14751'}})
  })

  test('a year is four digits, no fewer and no more', () => {
    expect(year!.decode(cell('2024'), context)).toEqual({ok: true, value: {year: 2024}})
    expect(['24', '20245'].map((text) => year!.decode(cell(text), context))).toEqual(['24', '20245'].map((text) => ({
      ok: false,
      problem: {reason: `Unexpected year \`${text}\` in column \`Year\`, expected four digits such as \`2024\``, ruleId: 'invalid-value', item: text}
    })))
  })

  test('a dataset needs its link: `-` is not one', () => {
    expect(link!.decode(cell('-'), context)).toEqual({ok: false, problem: {reason: 'Unexpected `-` in column `Link`, expected an http(s) URL', ruleId: 'invalid-value', item: '-'}})
    expect(link!.decode(cell(''), context)).toEqual({ok: false, problem: {reason: 'Unexpected empty cell in column `Link`, expected a URL', ruleId: 'missing-cell'}})
  })
})

describe('encode', () => {
  test('content: plain symbols, bare URLs, a model with a comma quoted', () => {
    const cells = methodViews.content.map((entry) => entry.column.encode(method, context, entry.format))
    expect(cells[0]).toEqual([{type: 'text', value: 'AGILE'}])
    expect(cells[2]).toEqual([{type: 'text', value: '"GPT-4, turbo", Llama'}])
    expect(cells[8]).toEqual([{type: 'text', value: 'π_l, rft'}])
    expect(cells[10]).toEqual([{type: 'link', url: 'https://github.com/bytarnish/AGILE', children: [{type: 'text', value: 'https://github.com/bytarnish/AGILE'}]}])
  })

  test('markdown: notations, the name linked to its paper, links named by kind, `-` for none', () => {
    expect(citedNameColumn.encode(method, context, 'markdown')).toEqual([
      {type: 'link', url: 'https://arxiv.org/abs/2405.14751', children: [{type: 'text', value: 'AGILE'}]},
      {type: 'text', value: ' [Feng et al., 2024]'}
    ])
    expect(methodColumn('rlRoles').encode(method, context, 'markdown')).toEqual([{type: 'inlineMath', value: '\\pi_l'}, {type: 'text', value: ', '}, {type: 'text', value: 'rft'}])
    expect(methodColumn('code').encode(method, context, 'markdown')).toEqual([{type: 'link', url: 'https://github.com/bytarnish/AGILE', children: [{type: 'text', value: 'Code'}]}])
    expect(methodColumn('code').encode({...method, code: null}, context, 'markdown')).toEqual([{type: 'text', value: '-'}])
  })
})

describe('decode', () => {
  test('symbols in every notation, strict unless lenient', () => {
    expect(methodColumn('rlRoles').decode(cell('$\\pi_l, \\text{rft}$'), context)).toEqual({ok: true, value: {rlRoles: ['π_l', 'rft']}})
    expect(methodColumn('ft').decode(cell('✓\\*'), context)).toEqual({ok: true, value: {ft: '✓*'}})
    expect(methodColumn('ft').decode(cell('✅'), context)).toEqual({
      ok: false,
      problem: {reason: 'Unexpected symbol `✅` in column `FT`, expected one of `✓`, `✓*`, `×`; add it to content/legend.md to allow it', ruleId: 'no-unknown-symbol', item: '✅'}
    })
    expect(methodColumn('ft').decode(cell('✅'), {...context, lenient: true})).toEqual({ok: true, value: {ft: '✓'}})
  })

  test('a URL cell: a link, a bare URL, `-`; leniently every "no value" spelling', () => {
    const code = methodColumn('code')
    expect(code.decode(cell('Code', [{url: 'https://github.com/x/y', text: 'Code'}]), context)).toEqual({ok: true, value: {code: 'https://github.com/x/y'}})
    expect(code.decode(cell('https://github.com/x/y'), context)).toEqual({ok: true, value: {code: 'https://github.com/x/y'}})
    expect(code.decode(cell('-'), context)).toEqual({ok: true, value: {code: null}})
    expect(['–', '—', 'N/A', '✗', ''].map((text) => code.decode(cell(text), {...context, lenient: true}))).toEqual(Array(5).fill({ok: true, value: {code: null}}))
    expect(code.decode(cell('N/A'), context)).toEqual({ok: false, problem: {reason: 'Unexpected `N/A` in column `Code`, expected an http(s) URL', ruleId: 'invalid-value', item: 'N/A'}})
  })

  test('a URL cell never drops a second link, words beside it, or an unencoded URL', () => {
    const code = methodColumn('code')
    const two = [{url: 'https://a.org/1', text: 'https://a.org/1'}, {url: 'https://a.org/2', text: 'https://a.org/2'}]
    expect(code.decode(cell('https://a.org/1, https://a.org/2', two), context)).toMatchObject({ok: false, problem: {item: 'https://a.org/2'}})
    expect(code.decode(cell('https://a.org/1 extra', two.slice(0, 1)), context)).toMatchObject({ok: false, problem: {reason: 'Unexpected text `extra` beside the URL in column `Code`, expected the URL alone'}})
    expect(code.decode(cell('https://a.org/a|b'), context)).toEqual({
      ok: false,
      problem: {reason: 'Unexpected `https://a.org/a|b` in column `Code`, expected an http(s) URL: Expected a percent-encoded URL: `|` as `%7C`, a space as `%20`, non-ASCII characters as their UTF-8 bytes', ruleId: 'invalid-value', item: 'https://a.org/a|b'}
    })
  })

  test('a name with its citation, and a linked name giving the paper', () => {
    const links = [{url: 'https://arxiv.org/abs/2405.14751', text: 'AGILE'}]
    expect(citedNameColumn.decode(cell('AGILE [Feng et al., 2024]', links), context)).toEqual({
      ok: true,
      value: {paper: 'https://arxiv.org/abs/2405.14751', name: 'AGILE', citation: {authors: 'Feng et al.', year: 2024, suffix: ''}}
    })
    // The README shows no paper link for it: the paper is unknown there, not absent.
    expect(citedNameColumn.decode(cell('Zhai et al. [Zhai et al., 2024]'), context)).toEqual({ok: true, value: {name: 'Zhai et al.', citation: {authors: 'Zhai et al.', year: 2024, suffix: ''}}})
    expect(methodColumn('citation').decode(cell('[Feng et al., 2024]'), context)).toEqual({ok: true, value: {citation: {authors: 'Feng et al.', year: 2024, suffix: ''}}})
  })

  test('every column reads back what it writes', () => {
    const failed: string[] = []
    for (const [name, view] of Object.entries(methodViews)) {
      for (const entry of view) {
        const inline = entry.column.encode(method, context, entry.format)
        const links = inline.flatMap((node) => (node.type === 'link' ? [{url: node.url, text: node.children.map((child) => ('value' in child ? child.value : '')).join('')}] : []))
        const text = inline.map((node) => (node.type === 'link' ? node.children.map((child) => ('value' in child ? child.value : '')).join('') : node.type === 'inlineMath' ? `$${node.value}$` : node.value)).join('')
        const read = entry.column.decode(cell(text, links), context)
        if (!(read.ok && Object.entries(read.value).every(([key, value]) => JSON.stringify(value) === JSON.stringify(method[key as keyof Method])))) failed.push(`${name}/${entry.header}`)
      }
    }
    expect(failed).toEqual([])
  })
})

describe('cases the property tests found (packages/cli/test/properties), pinned', () => {
  const named = readingEntryColumns.find((column) => column.key === 'environments')!
  const roundTrip = (links: Array<{name: string; url: string | null}>) => {
    const entry = {environments: links} as unknown as ReadingEntry
    const inline = named.encode(entry, context, 'content')
    const found: Array<{url: string; text: string; start: number}> = []
    let text = ''
    for (const node of inline) {
      if (node.type === 'link') {
        const label = node.children.map((child) => ('value' in child ? child.value : '')).join('')
        found.push({url: node.url, text: label, start: text.length})
        text += label
      } else text += node.value
    }
    return named.decode({text, links: found}, context)
  }

  test('a linked name holding a comma is one item', () => {
    expect(roundTrip([{name: 'a, b', url: 'https://x.org/1'}, {name: 'c', url: null}])).toEqual({ok: true, value: {environments: [{name: 'a, b', url: 'https://x.org/1'}, {name: 'c', url: null}]}})
  })

  test('a link whose name also stands in the text before it is told apart by its place', () => {
    expect(roundTrip([{name: '-x', url: null}, {name: '-', url: 'https://x.org/2'}])).toEqual({ok: true, value: {environments: [{name: '-x', url: null}, {name: '-', url: 'https://x.org/2'}]}})
  })

  test('text GitHub links by itself is part of a name', () => {
    expect(named.decode({text: '@)http://x.org', links: [{url: 'http://x.org', text: 'http://x.org', start: 2}]}, context)).toEqual({ok: true, value: {environments: [{name: '@)http://x.org', url: null}]}})
  })

  // The 10,000-case run (seed 20261201, case 884): the name came back as `>http://x.orgZ+)Ω)`, the
  // link's text put back with String.replace, which reads `$'` in it as "the text after the match".
  test('a name holding `$\'` or `$&` beside the text GitHub links reads back as written', () => {
    const name = ">http://x.orgZ+$'Ω) $& $$"
    const link = {url: "http://x.orgZ+$'Ω", text: "http://x.orgZ+$'Ω", start: 1}
    expect(named.decode({text: name, links: [link]}, context)).toEqual({ok: true, value: {environments: [{name, url: null}]}})
  })

  test('`-` as a list item is quoted, so it is not read as "no value"', () => {
    expect(joinList(['-'])).toBe('"-"')
    expect(splitList(joinList(['-', 'x']))).toEqual(['-', 'x'])
  })

  test('the schema refuses what a cell cannot say: `-` as an optional value, a URL-like name without its URL', () => {
    expect(ReadingEntry.shape.venue.safeParse('-').success).toBe(false)
    expect(NamedLink.safeParse({name: 'http://x.org', url: null}).error?.issues.map((issue) => issue.message)).toEqual(['Expected a URL for a name that is itself a URL or an address'])
  })
})

describe('lists and names', () => {
  test('an item with a comma or a leading quote is quoted, and reads back', () => {
    const items = ['GPT-4, turbo', '"Quoted" model', '5" screen', 'plain']
    expect(joinList(items)).toBe('"GPT-4, turbo", """Quoted"" model", 5" screen, plain')
    expect(splitList(joinList(items))).toEqual(items)
    expect(splitList('GPT-3,  GPT-4 ,')).toEqual(['GPT-3', 'GPT-4'])
  })

  test('a symbol list in any notation', () => {
    expect(splitSymbolList('$\\pi_l, v_l, \\text{rft}$')).toEqual(['$\\pi_l$', '$v_l$', 'rft'])
    expect(splitSymbolList('$\\pi_l$, $v_l$, rft')).toEqual(['$\\pi_l$', '$v_l$', 'rft'])
  })

  test('one name key: case, accents and punctuation do not matter', () => {
    expect(nameKey('Réflexion')).toBe(nameKey('reflexion'))
    expect(nameKey('Re-Flexion')).toBe('reflexion')
    expect(nameKey('ＡＧＩＬＥ')).toBe('agile')
    expect(nameKey('Qwen2')).not.toBe(nameKey('Qwen2.5'))
  })
})
