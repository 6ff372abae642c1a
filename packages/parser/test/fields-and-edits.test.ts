import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {adoptHandEdits, editedOutsideTables, findHandEdits} from '../src/hand-edits.js'
import {decodeRow, findDuplicateMethod, parseContent, parseMarkdown, parseMethodFields, readTables} from '../src/index.js'
import {contentFiles, repositoryRoot} from './helpers.js'

const {survey, sources} = parseContent(contentFiles())
const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8')
const fields = {
  role: 'agent', category: 'parametric', name: 'GPT-3 Agent', citation: 'Brown et al., 2020', models: '"GPT-4, turbo", GPT-3.5', ft: '✓\\*',
  fmRoles: 'act, ref', rlAgent: 'single', rlTask: '-', rlSetting: 'online', rlRoles: '$\\pi_l$, rft', metrics: 'sr, rew', code: 'https://github.com/example/agent'
}

describe('parseMethodFields: the fields of `fmrl add`, read by the column codec', () => {
  test('a method in canonical form, its venue from the reference', () => {
    expect(parseMethodFields(survey!, fields)).toEqual({
      method: {
        name: 'GPT-3 Agent', citation: {authors: 'Brown et al.', year: 2020, suffix: ''}, models: ['GPT-4, turbo', 'GPT-3.5'], ft: '✓*', fmRoles: ['act', 'ref'],
        rlAgent: 'single', rlTask: '-', rlSetting: 'online', rlRoles: ['π_l', 'rft'], metrics: ['sr', 'rew'], code: 'https://github.com/example/agent', paper: null,
        role: 'agent', category: 'parametric', venue: 'NeurIPS'
      },
      reference: undefined,
      problems: []
    })
  })

  test('each bad field once, named by its flag', () => {
    expect(parseMethodFields(survey!, {...fields, category: 'comprehensive', ft: 'yes', code: 'github.com/x', citation: 'Doe et al., 2025'}).problems).toEqual([
      'Unexpected category `comprehensive` for --category, expected one of `parametric`, `non-parametric` (the categories of `agent`)',
      'Unexpected symbol `yes` for --ft, expected one of `✓`, `✓*`, `×`; add it to content/legend.md to allow it',
      'Unexpected `github.com/x` for --code, expected an http(s) URL',
      'Unexpected citation `Doe et al., 2025` without a reference in content/references.md, expected `--authors`, `--title`, `--venue` to add one'
    ])
  })

  test('a duplicate by the one name key (accents and case aside) or by citation, with its place', () => {
    const method = parseMethodFields(survey!, {...fields, name: 'Réflexion'}).method!
    expect(findDuplicateMethod(survey!, sources, method)).toBe(
      'Unexpected duplicate `Réflexion`, expected a method content/ does not list yet: content/methods/agent.md:19:1 has `Reflexion` (same name); edit that row instead'
    )
    // Found by the mutation check (pnpm mutation): the citation half was not tested.
    const cited = parseMethodFields(survey!, {...fields, name: 'Reflexion 2', citation: 'Shinn et al., 2023'}).method!
    expect(findDuplicateMethod(survey!, sources, cited)).toBe(
      'Unexpected duplicate `Reflexion 2`, expected a method content/ does not list yet: content/methods/agent.md:19:1 has `Reflexion` (same citation `Shinn et al., 2023`); edit that row instead'
    )
  })
})

describe('reading generated tables back', () => {
  test('a README row reads as the attributes it shows', () => {
    const table = readTables(parseMarkdown(readme)).find((candidate) => candidate.headers[0]?.text === 'Method [citation]')!
    const row = decodeRow(survey!, table.rows[0]!, 'readme')
    expect(Object.fromEntries([...row.values].map(([key, {value}]) => [key, value]))).toEqual({
      name: 'AGILE', paper: 'https://arxiv.org/abs/2405.14751', citation: {authors: 'Feng et al.', year: 2024, suffix: ''}, models: ['Meerkat', 'Vicuna-1.5'],
      ft: '✓*', rlRoles: ['π_l', 'v_l', 'rft'], metrics: ['acc', 'rew'], code: 'https://github.com/bytarnish/AGILE'
    })
    expect(row.problems).toEqual([])
  })

  test('a hand edit is found at its cell, adopted into the model, and told from a prose edit', () => {
    const edited = readme.replace('| Meerkat, Vicuna-1.5    |', '| Meerkat, Vicuna-2      |')
    const found = findHandEdits(survey!, 'README.md', readme, edited)
    const line = readme.split('\n').findIndex((text) => text.includes('Meerkat, Vicuna-1.5')) + 1
    expect(found).toEqual({edits: [{place: {path: 'README.md', line, column: 72}, method: 0, key: 'models', value: ['Meerkat', 'Vicuna-2']}], problems: []})
    expect(editedOutsideTables('README.md', readme, edited)).toBe(false)
    expect(editedOutsideTables('README.md', readme, readme.replace('This repository accompanies', 'This repo accompanies'))).toBe(true)
    expect(adoptHandEdits(survey!, found.edits).survey?.methods[0]?.models).toEqual(['Meerkat', 'Vicuna-2'])
  })

  test('two hand edits of one value that disagree are refused', () => {
    const edit = (value: string[], line: number) => ({place: {path: 'README.md', line, column: 1}, method: 0, key: 'models' as const, value})
    expect(adoptHandEdits(survey!, [edit(['A'], 10), edit(['B'], 20)]).problems).toEqual([
      'README.md:20:1: Unexpected `B` for AGILE\'s Model(s), expected `A` as README.md:10:1 has it; make the two edits agree'
    ])
  })
})
