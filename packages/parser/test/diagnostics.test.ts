import {describe, expect, test} from 'vitest'
import {VFile} from 'vfile'
import {parseContent} from '../src/index.js'
import {contentFiles, messages} from './helpers.js'

/** The real content with content/methods/agent.md replaced by `agent`. */
function parseWithAgentFile(agent: string) {
  const files = contentFiles().map((file) => (file.path === 'content/methods/agent.md' ? new VFile({path: file.path, value: agent}) : file))
  const read = parseContent(files)
  return {survey: read.survey, messages: messages(files)}
}

const header = '| Method | Citation | Model(s) | FT | FM Role | RL Agent | RL Task | RL Setting | RL Role | Metrics | Code | Paper |\n| - | - | - | - | - | - | - | - | - | - | - | - |'
const agile = '| AGILE | Feng et al., 2024 | Meerkat | ✓* | act | single | - | online | π_l, v_l, rft | acc | - | - |'

describe('invalid content yields positioned messages and no survey', () => {
  test('a valid file reads', () => {
    const read = parseWithAgentFile(`# LLM/VLM as Agent\n\n## Parametric\n\n${header}\n${agile}\n`)
    expect(read.messages).toEqual([])
    expect(read.survey?.methods.filter((method) => method.role === 'agent').map((method) => method.name)).toEqual(['AGILE'])
  })

  test('unknown symbol, with the allowed ones and the fix', () => {
    const read = parseWithAgentFile(`# LLM/VLM as Agent\n\n## Parametric\n\n${header}\n${agile.replace('✓*', '✔')}\n`)
    expect(read.survey).toBeUndefined()
    expect(read.messages).toEqual([
      'content/methods/agent.md:7:41-7:42: Unexpected symbol `✔` in column `FT`, expected one of `✓`, `✓*`, `×`; add it to content/legend.md to allow it (no-unknown-symbol)'
    ])
  })

  test('unknown symbol inside a list cell', () => {
    const read = parseWithAgentFile(`# LLM/VLM as Agent\n\n## Parametric\n\n${header}\n${agile.replace('acc', 'acc, speed')}\n`)
    expect(read.messages).toEqual([
      'content/methods/agent.md:7:95-7:100: Unexpected symbol `speed` in column `Metrics`, expected one of `acc`, `sr`, `rew`, `gen`, `rob`, `se`, `exp`, `al`, `int`; add it to content/legend.md to allow it (no-unknown-symbol)'
    ])
  })

  test('missing cell: an empty one and a short row', () => {
    const read = parseWithAgentFile(`# LLM/VLM as Agent\n\n## Parametric\n\n${header}\n${agile.replace('Meerkat', ' ')}\n| POAD | Wen et al., 2024 | Llama |\n`)
    expect(read.messages).toEqual([
      'content/methods/agent.md:7:29-7:33: Unexpected empty cell in column `Model(s)`, expected one or more values, comma-separated (missing-cell)',
      ...['FT', 'FM Role', 'RL Agent', 'RL Task', 'RL Setting', 'RL Role', 'Metrics', 'Code', 'Paper'].map(
        (column) => `content/methods/agent.md:8:1-8:36: Unexpected row without a cell in column \`${column}\`, expected 12 cells (write \`-\` where no value is known) (missing-cell)`
      )
    ])
  })

  test('unknown column, then the column it replaced is missing', () => {
    const read = parseWithAgentFile(`# LLM/VLM as Agent\n\n## Parametric\n\n${header.replace('| Paper |', '| Pdf |')}\n${agile}\n`)
    expect(read.messages).toEqual([
      'content/methods/agent.md:5:1-5:115: Unexpected table without column `Paper`, expected columns `Method`, `Citation`, `Model(s)`, `FT`, `FM Role`, `RL Agent`, `RL Task`, `RL Setting`, `RL Role`, `Metrics`, `Code`, `Paper` (missing-column)',
      'content/methods/agent.md:5:108-5:115: Unexpected column `Pdf`, expected one of `Method`, `Citation`, `Model(s)`, `FT`, `FM Role`, `RL Agent`, `RL Task`, `RL Setting`, `RL Role`, `Metrics`, `Code`, `Paper` (unknown-column)'
    ])
  })

  test('columns are matched by name, not position', () => {
    const reordered = '| Paper | Code | Metrics | RL Role | RL Setting | RL Task | RL Agent | FM Role | FT | Model(s) | Citation | Method |\n| - | - | - | - | - | - | - | - | - | - | - | - |\n| - | - | acc | π_l, v_l, rft | online | - | single | act | ✓* | Meerkat | Feng et al., 2024 | AGILE |'
    const read = parseWithAgentFile(`# LLM/VLM as Agent\n\n## Parametric\n\n${reordered}\n`)
    expect(read.messages).toEqual([])
    expect(read.survey?.methods[0]).toEqual({
      name: 'AGILE', citation: {authors: 'Feng et al.', year: 2024, suffix: ''}, role: 'agent', category: 'parametric', models: ['Meerkat'], ft: '✓*',
      fmRoles: ['act'], rlAgent: 'single', rlTask: '-', rlSetting: 'online', rlRoles: ['π_l', 'v_l', 'rft'], metrics: ['acc'], code: null, paper: null, venue: 'NeurIPS'
    })
  })

  // Found by the mutation check (pnpm mutation): without it a second column silently replaced the first.
  test('a column written twice', () => {
    const read = parseWithAgentFile(`# LLM/VLM as Agent\n\n## Parametric\n\n${header.replace('| Paper |', '| Paper | Code |').replace(/ \|$/, ' | - |')}\n${agile} - |\n`)
    expect(read.survey).toBeUndefined()
    expect(read.messages).toEqual(['content/methods/agent.md:5:116-5:124: Unexpected second column `Code`, expected each column once (unknown-column)'])
  })

  // Found by the mutation check (pnpm mutation): no test had an empty cell in a table that needs every value.
  test('an empty cell in content/references.md', () => {
    const files = contentFiles().map((file) => (file.path === 'content/references.md' ? new VFile({path: file.path, value: String(file.value).replace('policy iteration | NeurIPS |', 'policy iteration |  |')}) : file))
    expect(parseContent(files).survey).toBeUndefined()
    expect(messages(files)).toEqual(['content/references.md:5:117-5:121: Unexpected empty cell in column `Venue`, expected a value (write `-` where none is known) (missing-cell)'])
  })

  test('a row with too many cells', () => {
    const read = parseWithAgentFile(`# LLM/VLM as Agent\n\n## Parametric\n\n${header}\n${agile} extra |\n`)
    expect(read.messages).toEqual([
      'content/methods/agent.md:7:102-7:111: Unexpected extra cell `extra`, expected 12 cells; remove it or add a column (extra-cell)'
    ])
  })

  test('a table under an unknown category and a citation without reference', () => {
    const read = parseWithAgentFile(`# LLM/VLM as Agent\n\n## Hybrid\n\n${header}\n${agile}\n\n## Parametric\n\n${header}\n${agile.replace('Feng et al., 2024', 'Nobody et al., 2030')}\n`)
    expect(read.messages).toEqual([
      'content/methods/agent.md:5:1-7:103: Unexpected table under `Hybrid`, expected it under a category heading: `Parametric`, `Non-parametric` (unknown-heading)',
      'content/methods/agent.md:13:9-13:31: Unexpected citation `Nobody et al., 2030` without a reference (unknown-citation)'
    ])
  })

  test('a value the schema refuses is reported at its cell', () => {
    const read = parseWithAgentFile(`# LLM/VLM as Agent\n\n## Parametric\n\n${header}\n${agile.replace('| - | - |', '| ftp://x | - |')}\n`)
    expect(read.messages).toEqual(['content/methods/agent.md:7:96-7:103: Unexpected `ftp://x` in column `Code`, expected an http(s) URL (invalid-value)'])
  })
})

describe('content that no longer parses as its table is an error, never a silent loss', () => {
  const table = `${header}\n${agile}`
  const agent = (body: string) => parseWithAgentFile(`# LLM/VLM as Agent\n\n## Parametric\n\n${body}\n`)

  test('a table whose header row was deleted', () => {
    const read = agent(agile)
    expect(read.survey).toBeUndefined()
    expect(read.messages).toEqual([
      'content/methods/agent.md:5:1-5:103: Unexpected table rows without a header row (a GFM table needs its `| Header |` row and the `| - |` row below it) in a methods file, expected a category heading (`## Name`) and its table (unexpected-content)'
    ])
  })

  test('a table moved into a blockquote or a list', () => {
    expect(agent(table.replace(/^/gm, '> ')).messages).toEqual([
      'content/methods/agent.md:5:1-7:105: Unexpected table inside a blockquote (move it to the top level, under its heading) in a methods file, expected a category heading (`## Name`) and its table (unexpected-content)'
    ])
    expect(agent(`- ${table.replace(/\n/g, '\n  ')}`).messages).toEqual([
      'content/methods/agent.md:5:1-7:105: Unexpected table inside a list (move it to the top level, under its heading) in a methods file, expected a category heading (`## Name`) and its table (unexpected-content)'
    ])
  })

  test('an HTML table and stray prose', () => {
    expect(agent('<table><tr><td>AGILE</td></tr></table>\n\nSome words.').messages).toEqual([
      'content/methods/agent.md:5:1-5:39: Unexpected HTML table (content/ reads GFM tables only: write it as `| … |` rows) in a methods file, expected a category heading (`## Name`) and its table (unexpected-content)',
      'content/methods/agent.md:7:1-7:12: Unexpected paragraph in a methods file, expected a category heading (`## Name`) and its table (unexpected-content)'
    ])
  })

  test('a comment is allowed', () => {
    expect(agent(`<!-- reviewed -->\n\n${table}`).messages).toEqual([])
  })

  test('a missing or misnamed methods file', () => {
    const files = contentFiles().flatMap((file) => {
      if (file.path === 'content/methods/planner.md') return []
      if (file.path === 'content/methods/agent.md') return [file, new VFile({path: 'content/methods/agent-copy.md', value: String(file.value)})]
      return [file]
    })
    expect(parseContent(files).survey).toBeUndefined()
    expect(messages(files).filter((message) => !message.includes('(no-duplicate-method)'))).toEqual([
      'content/datasets.md:0:0: Unexpected content without `methods/planner.md`, expected one methods file per role (missing-section)',
      'content/methods/agent-copy.md:0:0: Unexpected methods file `content/methods/agent-copy.md`, expected one named by a role id: `methods/agent.md`, `methods/planner.md`, `methods/reward.md` (unknown-file)'
    ])
  })

  test('a method listed twice is refused, whatever the accents and case', () => {
    const read = agent(`${table}\n${agile.replace('AGILE', 'Agile')}`)
    expect(read.survey).toBeUndefined()
    expect(read.messages).toEqual([
      'content/methods/agent.md:8:1-8:9: Unexpected second method `Agile` (the same name as `AGILE`), expected each method once; remove one row or rename it (no-duplicate-method)'
    ])
  })
})

describe('a URL cell holds one URL, and nothing is dropped', () => {
  const agent = (code: string) => parseWithAgentFile(`# LLM/VLM as Agent\n\n## Parametric\n\n${header}\n${agile.replace('| - | - |', `| ${code} | - |`)}\n`).messages

  test('a space inside an autolink, two links, words beside the URL', () => {
    expect(agent('<https://github.com/a b>')).toEqual([
      'content/methods/agent.md:7:94-7:121: Unexpected text `< b>` beside the URL in column `Code`, expected the URL alone (invalid-value)'
    ])
    expect(agent('<https://github.com/a>, <https://github.com/b>')).toEqual([
      'content/methods/agent.md:7:121-7:141: Unexpected second link `https://github.com/b` in column `Code`, expected one URL (or `-`); keep one link per cell (invalid-value)'
    ])
    expect(agent('https://github.com/a extra')).toEqual([
      'content/methods/agent.md:7:117-7:122: Unexpected text `extra` beside the URL in column `Code`, expected the URL alone (invalid-value)'
    ])
  })
})
