import {emptyDraft, type SurveyDraft, type Vocabulary} from '@fmrl/model'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {importMarkdown, mergeImports} from '../src/index.js'

const term = (symbol: string, markdown = symbol) => ({symbol, markdown, latex: symbol, meaning: symbol, origin: 'caption' as const})
const vocabularies: Vocabulary[] = [
  {id: 'ft', description: '', terms: [term('✓'), term('✓*', '✓\\*'), term('×')]},
  {id: 'rlRole', description: '', terms: [term('π', '$\\pi$'), term('π_l', '$\\pi_l$'), term('rft')]},
  {id: 'metric', description: '', terms: [term('sr'), term('se')]}
]
/** A target like content/: the survey's taxonomy (one role, two categories) and part of its legend. */
const target: SurveyDraft = {
  ...emptyDraft(),
  taxonomy: [{id: 'agent', name: 'LLM/VLM as Agent', description: 'd', categories: [{id: 'parametric', name: 'Parametric', description: 'p'}, {id: 'non-parametric', name: 'Non-parametric', description: 'n'}]}],
  vocabularies
}

const read = (markdown: string, into: SurveyDraft = target) => importMarkdown(new VFile({path: 'list.md', value: markdown}), into)
/** The report's items as `line:column [unit] text: reason`. */
const items = (markdown: string, into?: SurveyDraft) => read(markdown, into).report.items.map((item) => `${item.line}:${item.column} [${item.unit}] ${item.text}: ${item.reason}`)
const adds = ({report}: ReturnType<typeof read>) => {
  const sum = (counts: typeof report.input) => counts.cells + counts.entries + counts.parts
  return sum(report.input) === sum(report.mapped) + sum(report.reported)
}

const agentTable = (header: string, ...rows: string[]) => `# List\n\n## LLM/VLM as Agent\n\n### Parametric\n\n${header}\n${header.replace(/[^|]+/g, ' - ')}\n${rows.join('\n')}\n`

describe('tables of methods', () => {
  test('headers by alias, a cited name, link kinds, symbols in any notation', () => {
    const result = read(agentTable('| Method | LLM(s) | Fine-tuning | RL Role | Repo |', '| AGILE \\[Feng et al., 2024] | Meerkat, Vicuna | ✓\\* | $\\pi_l, \\text{rft}$ | [Link](https://github.com/bytarnish/AGILE) |'))
    expect(result.state.methods.map((entry) => entry.method)).toEqual([{
      name: 'AGILE', role: 'agent', category: 'parametric', citation: {authors: 'Feng et al.', year: 2024, suffix: ''}, models: ['Meerkat', 'Vicuna'], ft: '✓*', rlRoles: ['π_l', 'rft'], code: 'https://github.com/bytarnish/AGILE'
    }])
    expect(result.report.items).toEqual([])
    expect(result.report.input).toEqual({cells: 5, entries: 0, parts: 0})
  })

  test('every "no value" spelling is no code; variants and mojibake are read as their symbol', () => {
    const rows = ['-', '–', '—', 'N/A', '✗', ''].map((code, index) => `| M${index} | ${index % 2 ? '✅' : '√ó'} | ${code} |`)
    const result = read(agentTable('| Method | FT | Code |', ...rows))
    expect(result.state.methods.map((entry) => [entry.method.name, entry.method.ft, entry.method.code])).toEqual([
      ['M0', '×', null], ['M1', '✓', null], ['M2', '×', null], ['M3', '✓', null], ['M4', '×', null], ['M5', '✓', undefined]
    ])
    expect(adds(result)).toBe(true)
  })

  test('a paper column names the entries when there is no name column; kind links are the paper or code', () => {
    const result = read(agentTable('| Paper | FT | Code |', '| [A Great Agent](https://arxiv.org/pdf/2405.14751v2) | ✓ | [[Code]](https://github.com/x/y) |'))
    expect(result.state.methods.map((entry) => entry.method)).toEqual([{name: 'A Great Agent', role: 'agent', category: 'parametric', paper: 'https://arxiv.org/abs/2405.14751', ft: '✓', code: 'https://github.com/x/y'}])
  })

  test('a citation written `Name [YEAR]` for an authors-named method', () => {
    const result = read(agentTable('| Method | FT |', '| Zeng et al. \\[2024] | × |'))
    expect(result.state.methods[0]?.method.citation).toEqual({authors: 'Zeng et al.', year: 2024, suffix: ''})
  })

  test('rows with too many cells and too few: the extra cell reported, the missing ones left unknown', () => {
    expect(items(agentTable('| Method | FT |', '| A | ✓ | extra |', '| B |'))).toEqual([
      '9:9 [cell] extra: a cell past the last of the table\'s 2 columns',
      '10:1 [note] B: the row has 1 of the table\'s 2 cells; the missing ones are left unknown'
    ])
  })

  test('a cell the legend does not know, and a column the model has no field for, are reported', () => {
    expect(items(agentTable('| Method | FT | Stars |', '| A | yes! | 42 |'))).toEqual([
      '9:5 [cell] yes!: Unexpected symbol `yes!` in column `FT`, expected one of `✓`, `✓*`, `×`; add it to content/legend.md to allow it',
      '9:12 [cell] 42: column `Stars` holds nothing the model has a field for'
    ])
  })

  test('a method table under no category of the target is reported cell by cell, not guessed', () => {
    const markdown = '# L\n\n## LLM/VLM as Agent\n\n### Hybrid agents\n\n| Method | FT |\n| - | - |\n| A | ✓ |\n'
    expect(items(markdown)).toEqual([
      '9:1 [cell] A: not placed: a method table under `Hybrid agents` that matches no category of `LLM/VLM as Agent` (`Parametric`, `Non-parametric`)',
      '9:5 [cell] ✓: not placed: a method table under `Hybrid agents` that matches no category of `LLM/VLM as Agent` (`Parametric`, `Non-parametric`)'
    ])
  })

  test('into an empty target, roles and categories come from the headings and member lists, symbols are learned', () => {
    const markdown = '# L\n\n## 🤖 LLM/VLM as Agent\n\n**Non-parametric**: A, B\n\n### Table of Non-Parametric LLM/VLM Agents\n\n| Method | RL Role |\n| - | - |\n| A | $\\tau_\\pi$ |\n| B | π |\n'
    const result = read(markdown, emptyDraft())
    expect(result.state.taxonomy).toEqual([{id: 'agent', name: 'LLM/VLM as Agent', emoji: '🤖', description: '', categories: [{id: 'non-parametric', name: 'Non-parametric', description: ''}]}])
    expect(result.state.vocabularies).toEqual([{id: 'rlRole', description: '', terms: [
      {symbol: 'τ_π', markdown: '$\\tau_\\pi$', latex: '$\\tau_\\pi$', meaning: '', origin: 'caption'},
      {symbol: 'π', markdown: 'π', latex: 'π', meaning: '', origin: 'caption'}
    ]}])
  })
})

describe('summary tables repeat other tables', () => {
  const markdown = agentTable('| Method | FT | Code |', '| AGILE \\[Feng et al., 2024] | ✓ | [Link](https://github.com/a/agile) |', '| Xu \\[Xu et al., 2024] | × | - |') +
    '\n| Method | Type | Code |\n| - | - | - |\n| [AGILE](https://github.com/a/agile) | Parametric | ✅ |\n| [Xu](https://arxiv.org/abs/2310.18940) | Hybrid | ✅ |\n| [MineDojo](https://github.com/MineDojo/MineDojo) | Model | ✅ |\n'

  test('agreeing cells are mapped, disagreeing ones reported, an unknown row adds no method', () => {
    const result = read(markdown)
    expect(result.state.methods.map((entry) => entry.method.name)).toEqual(['AGILE', 'Xu'])
    expect(result.state.methods[1]?.method.paper).toBe('https://arxiv.org/abs/2310.18940')
    expect(result.report.items.map((item) => `${item.line}:${item.column} ${item.text}: ${item.reason}`)).toEqual([
      '15:42 Hybrid: column `Type` says `Hybrid`; the method\'s table puts `Xu` under `Parametric`',
      '15:51 ✅: the summary says `Xu` has code, its table says `-`',
      '16:1 MineDojo: a summary row naming `MineDojo`, which no method table of the list has: a summary repeats its tables, so it adds no method',
      '16:52 Model: a summary row naming `MineDojo`, which no method table of the list has: a summary repeats its tables, so it adds no method',
      '16:60 ✅: a summary row naming `MineDojo`, which no method table of the list has: a summary repeats its tables, so it adds no method'
    ])
    expect(adds(result)).toBe(true)
  })
})

describe('HTML tables, CRLF and a byte-order mark', () => {
  test('an HTML table with a spanning cell is read like a GFM one, each written cell counted once', () => {
    const html = '# L\n\n## LLM/VLM as Agent\n\n### Parametric\n\n<table>\n<tr><th>Method</th><th>FT</th><th>Code</th></tr>\n<tr><td>A</td><td rowspan="2">✓</td><td><a href="https://github.com/x/a">Code</a></td></tr>\n<tr><td>B</td><td>-</td></tr>\n</table>\n'
    const result = read(html)
    expect(result.state.methods.map((entry) => [entry.method.name, entry.method.ft, entry.method.code])).toEqual([['A', '✓', 'https://github.com/x/a'], ['B', '✓', null]])
    expect(result.report.input).toEqual({cells: 5, entries: 0, parts: 0})
    expect(result.report.mapped).toEqual({cells: 5, entries: 0, parts: 0})
  })

  test('CRLF and a BOM read the same, at the same places', () => {
    const markdown = agentTable('| Method | FT | Stars |', '| A | ✓ | 42 |')
    const lf = items(markdown)
    expect(items(`\uFEFF${markdown.replace(/\n/g, '\r\n')}`)).toEqual(lf)
    expect(lf).toEqual(['9:9 [cell] 42: column `Stars` holds nothing the model has a field for'])
  })
})

describe('a paper written as a key/value table', () => {
  test('the header names the paper, rows give its code and overview, other rows are reported', () => {
    const markdown = '# L\n\n## Agents\n\n| Project or Paper | [Search-R1: Reasoning](https://arxiv.org/pdf/2503.09516) |\n| - | - |\n| GitHub | [x/search-r1](https://github.com/x/search-r1) |\n| RL Algorithm | GRPO |\n| Core Insights | It searches. |\n'
    const result = read(markdown, emptyDraft())
    expect(result.state.draft.readingList).toEqual([{
      title: 'Search-R1: Reasoning', url: 'https://arxiv.org/abs/2503.09516', section: 'Agents', list: 'l', authors: [], venue: null, date: null, keywords: [], environments: [],
      links: [{name: 'Code', url: 'https://github.com/x/search-r1'}], note: null, overview: 'It searches.', method: null
    }])
    expect(result.report.items.map((item) => `${item.line}:${item.column} ${item.text}: ${item.reason}`)).toEqual([
      '8:1 RL Algorithm: a `RL Algorithm` row, which the reading list has no field for',
      '8:16 GRPO: a `RL Algorithm` row, which the reading list has no field for'
    ])
    expect(adds(result)).toBe(true)
  })
})

describe('bullet lists of papers and environments', () => {
  test('`[title](url) - description`, a venue in bold brackets, kind links, nested authors and keywords', () => {
    const markdown = '# Awesome X\n\n## Papers\n\n- [Paper One](https://arxiv.org/abs/2401.00001) - A first paper.\n- **[NeurIPS 2024]** [Paper Two](https://arxiv.org/abs/2401.00002) [[code](https://github.com/x/two)]\n  - Ada Lovelace, Alan Turing. *ICML Workshop 2024*\n  - Keywords: agents, planning\n  - ExpEnv: [MuJoCo](https://mujoco.org/), Atari\n  - Stars: 5\n'
    const result = read(markdown, emptyDraft())
    expect(result.state.draft.readingList).toEqual([
      {title: 'Paper One', url: 'https://arxiv.org/abs/2401.00001', section: 'Awesome X', list: 'awesome-x', authors: [], venue: null, date: null, keywords: [], environments: [], links: [], note: null, overview: 'A first paper.', method: null},
      {
        title: 'Paper Two', url: 'https://arxiv.org/abs/2401.00002', section: 'Awesome X', list: 'awesome-x', authors: ['Ada Lovelace', 'Alan Turing'], venue: 'NeurIPS 2024', date: null, keywords: ['agents', 'planning'],
        environments: [{name: 'MuJoCo', url: 'https://mujoco.org/'}, {name: 'Atari', url: null}], links: [{name: 'Code', url: 'https://github.com/x/two'}], note: null, overview: null, method: null
      }
    ])
    expect(result.report.items.map((item) => `${item.line}:${item.column} [${item.unit}] ${item.text}: ${item.reason}`)).toEqual([
      '10:3 [part] Stars: 5: a part labelled `Stars`, which the reading list has no field for'
    ])
    expect(result.state.draft.relatedLists).toEqual([{id: 'awesome-x', title: 'Awesome X', url: null, description: ''}])
  })

  test('a table of contents, a list about the list itself, an entry without a title: reported, with their parts', () => {
    const markdown = '# L\n\n## Contents\n\n- [Papers](#papers)\n  - [Old](#old)\n\n## Papers\n\n- just words\n\n## License\n\n- MIT\n'
    expect(items(markdown, emptyDraft())).toEqual([
      '5:1 [entry] Papers: a table-of-contents entry: fmrl writes the table of contents itself',
      '6:3 [part] Old: not imported with its entry',
      '10:1 [entry] just words: a list entry without a title link or a bold title: not a paper the import can name',
      '14:1 [entry] MIT: an entry of section `License`, which is about the list itself, not its subject'
    ])
  })

  test('environments: `Name: url`, the UI variant of a GitHub URL made plain, a relative image reported', () => {
    const markdown = '# L\n\n## Open source RL environments\n\n- Crafter: https://github.com/danijar/crafter?tab=readme-ov-file\n\n    ![](./images/crafter.gif)\n'
    const result = read(markdown, emptyDraft())
    expect(result.state.draft.environments).toEqual([{name: 'Crafter', url: 'https://github.com/danijar/crafter', description: null, image: null, list: 'l'}])
    expect(result.report.items.map((item) => `${item.line}:${item.column} ${item.reason}`)).toEqual(['7:5 an image `./images/crafter.gif` that is not in this repository (it belongs to the list it comes from)'])
  })

  test('a file with nothing the import recognises maps nothing', () => {
    const result = read('# Notes\n\nJust prose, no list.\n', emptyDraft())
    expect(result.report).toEqual({input: {cells: 0, entries: 0, parts: 0}, mapped: {cells: 0, entries: 0, parts: 0}, reported: {cells: 0, entries: 0, parts: 0}, items: []})
  })
})

describe('merging', () => {
  const known: SurveyDraft = {
    ...target,
    methods: [{name: 'Réflexion', role: 'agent', category: 'non-parametric', ft: '×', code: 'https://github.com/noahshinn/reflexion', paper: 'https://arxiv.org/abs/2303.11366'}],
    readingList: [{title: 'Old Paper', url: 'https://arxiv.org/abs/2001.00001', section: 'S', list: 'l', authors: [], venue: 'ICML', date: null, keywords: [], environments: [], links: [], note: null, overview: null, method: null}]
  }
  const list = '# L\n\n## LLM/VLM as Agent\n\n### Non-parametric\n\n| Method | FT | Code |\n| - | - | - |\n| Reflexion | ✓ | - |\n\n## S\n\n- [Old Paper](https://arxiv.org/pdf/2001.00001v3)\n- [Reflexion: Language Agents](https://arxiv.org/abs/2303.11366)\n- [Another](https://arxiv.org/abs/2303.11366)\n'

  test('by name (accents aside) and by paper in any arXiv form; conflicts per attribute, kept unless preferred', () => {
    const imported = read(list, known)
    const kept = mergeImports(known, [imported])
    expect(kept.conflicts.map((conflict) => `${conflict.line}:${conflict.column} ${conflict.entry} ${conflict.attribute}: ${conflict.existing} / ${conflict.incoming} (${conflict.kept})`)).toEqual([
      '9:13 method Réflexion ft: × / ✓ (existing)',
      '9:17 method Réflexion code: https://github.com/noahshinn/reflexion / - (existing)'
    ])
    expect(kept.draft.methods).toEqual(known.methods)
    expect(kept.linked).toEqual([{entry: 'Reflexion: Language Agents', method: 'Réflexion'}])
    expect(kept.leftOut.map((left) => `${left.line}:${left.column} ${left.reason}`)).toEqual([
      '15:1 `https://arxiv.org/abs/2303.11366` is already the paper of "Reflexion: Language Agents": left out (`-`), expected each paper its own link'
    ])
    expect(kept.draft.readingList.map((entry) => [entry.title, entry.url, entry.method])).toEqual([
      ['Old Paper', 'https://arxiv.org/abs/2001.00001', null],
      ['Reflexion: Language Agents', 'https://arxiv.org/abs/2303.11366', 'Réflexion'],
      ['Another', null, null]
    ])
    const preferred = mergeImports(known, [imported], {preferIncoming: true})
    expect(preferred.draft.methods[0]).toMatchObject({ft: '✓', code: null})
  })

  test('merging the same list into its own result changes nothing', () => {
    const once = mergeImports(known, [read(list, known)]).draft
    const twice = mergeImports(once, [read(list, once)])
    expect(twice.draft).toEqual(once)
    expect(twice.added).toEqual({methods: 0, datasets: 0, readingList: 0, environments: 0})
  })
})

describe('link labels are never titles (shapes of real lists)', () => {
  test('`**Name**: "Title" [[Paper](…)] [[Pytorch Code](…)]`: the bold name is the title, the Paper link its URL, the labels its links', () => {
    const markdown = '# L\n\n## Manipulation\n\n* **PIGLeT**: "Language Grounding", *ACL, Jun 2021*. [[Paper](https://arxiv.org/abs/2106.00188)] [[Pytorch Code](https://github.com/rowanz/piglet)] [[Website](https://rowanzellers.com/piglet/)]\n* **TidyBot**: "Personalized Robot Assistance", *arXiv, May 2023*. [[Paper](https://arxiv.org/abs/2305.05658)] [[Pytorch Code](https://github.com/jimmyyhwu/tidybot)]\n'
    const result = read(markdown, emptyDraft())
    expect(result.state.draft.readingList.map((entry) => [entry.title, entry.url, entry.links])).toEqual([
      ['PIGLeT', 'https://arxiv.org/abs/2106.00188', [{name: 'Pytorch Code', url: 'https://github.com/rowanz/piglet'}, {name: 'Website', url: 'https://rowanzellers.com/piglet/'}]],
      ['TidyBot', 'https://arxiv.org/abs/2305.05658', [{name: 'Pytorch Code', url: 'https://github.com/jimmyyhwu/tidybot'}]]
    ])
    // Two papers, not one "Pytorch Code" entry with conflicting URLs.
    const merged = mergeImports(emptyDraft(), [result], {preferIncoming: false})
    expect([merged.draft.readingList.length, merged.conflicts]).toEqual([2, []])
  })

  test('a paper table whose Paper column holds only `[Paper](…)` links takes its titles from the Title column, or else the first column', () => {
    const titled = '# L\n\n## Applications\n\n| Title | Domain | Paper | Code |\n| - | - | - | - |\n| SayCan | Robotics | [Paper](https://arxiv.org/pdf/2204.01691) | [Code](https://say-can.github.io/) |\n| Drori et al. | Science | https://www.science.org/doi/10.1/x | - |\n'
    expect(read(titled, emptyDraft()).state.draft.readingList.map((entry) => [entry.title, entry.url, entry.links])).toEqual([
      ['SayCan', 'https://arxiv.org/abs/2204.01691', [{name: 'Code', url: 'https://say-can.github.io/'}]],
      ['Drori et al.', 'https://www.science.org/doi/10.1/x', []]
    ])
    const first = '# L\n\n## Construction\n\n| Model | Planning | Time | Paper |\n| - | - | - | - |\n| WebGPT | - | 12/2021 | [Paper](https://arxiv.org/abs/2112.09332) |\n'
    const result = read(first, emptyDraft())
    expect(result.state.draft.readingList.map((entry) => [entry.title, entry.url, entry.date])).toEqual([['WebGPT', 'https://arxiv.org/abs/2112.09332', '12/2021']])
    expect(adds(result)).toBe(true)
  })

  test('an HTML table with a two-row header: the second row is header, not a paper; spanned headers are joined', () => {
    const html = '# L\n\n## Construction\n\n<table>\n<tr><td rowspan="2">Model</td><td colspan="2">Memory</td><td rowspan="2">Paper</td></tr>\n<tr><td>Operation</td><td>Structure</td></tr>\n<tr><td>WebGPT</td><td>-</td><td>-</td><td><a href="https://arxiv.org/abs/2112.09332">Paper</a></td></tr>\n</table>\n'
    const result = read(html, emptyDraft())
    expect(result.state.draft.readingList.map((entry) => [entry.title, entry.url])).toEqual([['WebGPT', 'https://arxiv.org/abs/2112.09332']])
    expect(result.report.items.map((item) => item.text)).toEqual([])
    expect(adds(result)).toBe(true)
  })
})

describe('links that are not web links', () => {
  test('a `javascript:` link in a paper table is reported and not kept; a row without a title makes no entry, its cells reported', () => {
    const html = '# Awesome\n\n<table>\n<tr><th>Paper</th><th>Link</th></tr>\n<tr><td><script>alert(1)</script></td><td><a href="https://arxiv.org/abs/2401.00001">link</a></td></tr>\n<tr><td>Good paper</td><td><a href="javascript:alert(1)">link</a> <a href="https://github.com/x/good">code</a></td></tr>\n</table>\n'
    const result = read(html, emptyDraft())
    expect(result.state.draft.readingList.map((entry) => [entry.title, entry.links])).toEqual([['Good paper', [{name: 'Code', url: 'https://github.com/x/good'}]]])
    expect(result.report.items.map((item) => `${item.line}:${item.column} ${item.text}: ${item.reason}`)).toEqual([
      '5:5 : a title cell without text',
      '5:39 link: a cell of a row without a title: no reading-list entry holds it',
      '6:24 link code: Unexpected link `javascript:alert(1)`, expected an http(s) URL: the link is not kept'
    ])
    expect(adds(result)).toBe(true)
  })

  test('a `javascript:` link in a list entry is noted, not kept', () => {
    const result = read('# L\n\n## Papers\n\n- [Good paper](https://arxiv.org/abs/2401.00002) [[Code](javascript:alert(1))]\n', emptyDraft())
    expect(result.state.draft.readingList.map((entry) => [entry.title, entry.links])).toEqual([['Good paper', []]])
    expect(result.report.items.map((item) => `${item.line}:${item.column} [${item.unit}] ${item.text}: ${item.reason}`)).toEqual([
      '5:3 [note] javascript:alert(1): Unexpected link that is not http(s), expected a web link: not kept'
    ])
  })
})
