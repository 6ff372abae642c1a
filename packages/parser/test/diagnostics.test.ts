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
      'content/methods/agent.md:7:39-7:43: Unexpected symbol `✔` in column `FT`, expected one of `✓`, `✓*`, `×`; add it to content/legend.md to allow it (unknown-symbol)'
    ])
  })

  test('unknown symbol inside a list cell', () => {
    const read = parseWithAgentFile(`# LLM/VLM as Agent\n\n## Parametric\n\n${header}\n${agile.replace('acc', 'acc, speed')}\n`)
    expect(read.messages).toEqual([
      'content/methods/agent.md:7:88-7:101: Unexpected symbol `speed` in column `Metrics`, expected one of `acc`, `sr`, `rew`, `gen`, `rob`, `se`, `exp`, `al`, `int`; add it to content/legend.md to allow it (unknown-symbol)'
    ])
  })

  test('missing cell: an empty one and a short row', () => {
    const read = parseWithAgentFile(`# LLM/VLM as Agent\n\n## Parametric\n\n${header}\n${agile.replace('Meerkat', ' ')}\n| POAD | Wen et al., 2024 | Llama |\n`)
    expect(read.messages).toEqual([
      'content/methods/agent.md:7:29-7:33: Unexpected empty cell in column `Model(s)`, expected a value (write `-` where none is known) (missing-cell)',
      ...['FT', 'FM Role', 'RL Agent', 'RL Task', 'RL Setting', 'RL Role', 'Metrics', 'Code', 'Paper'].map(
        (column) => `content/methods/agent.md:8:1-8:36: Unexpected empty cell in column \`${column}\`, expected a value (write \`-\` where none is known) (missing-cell)`
      )
    ])
  })

  test('unknown column, then the column it replaced is missing', () => {
    const read = parseWithAgentFile(`# LLM/VLM as Agent\n\n## Parametric\n\n${header.replace('| Paper |', '| Pdf |')}\n${agile}\n`)
    expect(read.messages).toEqual([
      'content/methods/agent.md:5:108-5:115: Unexpected column `Pdf`, expected one of `Method`, `Citation`, `Model(s)`, `FT`, `FM Role`, `RL Agent`, `RL Task`, `RL Setting`, `RL Role`, `Metrics`, `Code`, `Paper` (unknown-column)',
      'content/methods/agent.md:5:1-5:115: Unexpected table without column `Paper`, expected columns `Method`, `Citation`, `Model(s)`, `FT`, `FM Role`, `RL Agent`, `RL Task`, `RL Setting`, `RL Role`, `Metrics`, `Code`, `Paper` (missing-column)'
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
    expect(read.messages).toEqual(['content/methods/agent.md:7:94-7:104: Unexpected value at `methods.0.code`: Invalid URL (invalid-value)'])
  })
})
