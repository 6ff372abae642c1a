import {describe, expect, test} from 'vitest'
import {appendMethodRow, insertReferenceRow} from '../src/content/rows.js'
import {readSurvey} from './survey.js'

const survey = await readSurvey()
const agent = '# LLM/VLM as Agent\n\n## Parametric\n\n| Method | Citation | Model(s) | FT | FM Role | RL Agent | RL Task | RL Setting | RL Role | Metrics | Code | Paper |\n| - | - | - | - | - | - | - | - | - | - | - | - |\n| AGILE | Feng et al., 2024 | Meerkat | ✓\\* | act | single | - | online | π_l | acc | - | - |\n\n## Non-parametric\n'

describe('adding one row to a content file, every other byte untouched', () => {
  test('a method goes last in its category\'s table, in canonical form', () => {
    const method = {...survey.methods[0]!, name: 'New | one', models: ['GPT-4, turbo'], code: null}
    expect(appendMethodRow(agent, 'Parametric', survey, method)).toBe(agent.replace(
      '| - | - |\n\n## Non',
      '| - | - |\n| New \\| one | Feng et al., 2024 | "GPT-4, turbo" | ✓\\* | act, ref | single | - | online | π_l, v_l, rft | acc, rew | - | <https://arxiv.org/abs/2405.14751> |\n\n## Non'
    ))
    expect(appendMethodRow(agent, 'Non-parametric', survey, method)).toBeUndefined()
  })

  test('a reference goes where its citation sorts', () => {
    const references = '# References\n\n| Citation | Authors | Title | Venue |\n| - | - | - | - |\n| Adams, 2020 | A | T | V |\n| Zed, 2020 | Z | T | V |\n'
    const reference = {citation: {authors: 'Moe', year: 2021, suffix: ''}, authors: 'M. Moe', title: 'Mid', venue: 'ICML'}
    expect(insertReferenceRow(references, reference)).toBe(references.replace('| Zed,', '| Moe, 2021 | M. Moe | Mid | ICML |\n| Zed,'))
  })
})
