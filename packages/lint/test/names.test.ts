import type {Survey} from '@fmrl/model'
import type {SourceMap} from '@fmrl/parser'
import {expect, test} from 'vitest'
import {exampleVocabularies} from '../src/util/example-vocabularies.js'
import {formatMessage, lintText, only} from './helpers.js'

// consistent-values and member-list match names by their name key through an index; these pin
// which method or row a name finds (the first with its key) and the messages that follow.

const method = (name: string, ft: string) => ({name, ft}) as unknown as Survey['methods'][number]

test('consistent-values finds the first survey method with the row’s name key, and its source', () => {
  const survey = {vocabularies: exampleVocabularies, methods: [method('Alpha', '✓'), method('Beta-X', '✓*'), method('beta x', '×'), method('Gamma', '×')]} as unknown as Survey
  const sources: SourceMap = new Map([
    ['/methods/1/ft', {file: 'content/methods/agent.md', line: 7, column: 3, endLine: 7, endColumn: 6}],
    ['/methods/3/ft', {file: 'content/methods/planner.md', line: 9, column: 5, endLine: 9, endColumn: 6}]
  ]) as unknown as SourceMap
  const markdown = '| Method | FT |\n| - | - |\n| Alpha | ✓ |\n| BETA x | × |\n| gamma | ✓ |\n| Delta | ✓ |\n\n| Method | FT |\n| - | - |\n| Delta | × |\n| Beta X | ✓* |\n'
  const found = lintText(markdown, {rules: only('consistent-values'), data: {survey, sources, vocabularies: exampleVocabularies}})
  expect(found.map(formatMessage)).toEqual([
    '4:10-4:15: Unexpected FT `×` for `BETA x`, expected `✓*` as at content/methods/agent.md:7:3 (consistent-values)',
    '5:9-5:14: Unexpected FT `✓` for `gamma`, expected `×` as at content/methods/planner.md:9:5 (consistent-values)',
    '10:9-10:14: Unexpected FT `×` for `Delta`, expected `✓` as at line 6 (consistent-values)'
  ])
  expect(found.map((message) => (message.cause as {file?: string} | undefined)?.file)).toEqual(['content/methods/agent.md', 'content/methods/planner.md', 'example.md'])
})

test('consistent-values compares no row with itself: the row the survey read its method from is left alone, a second row of that name is compared', () => {
  // The survey's value differs from the row it was read from, as a codec that read the cell otherwise would make it.
  const survey = {vocabularies: exampleVocabularies, methods: [method('Alpha', '×')]} as unknown as Survey
  const markdown = '| Method | FT |\n| - | - |\n| Alpha | ✓ |\n| Alpha | ✓* |\n'
  const at = (line: number) => new Map([['/methods/0/name', {file: 'content/methods/agent.md', line, column: 1, endLine: line, endColumn: 10}], ['/methods/0/ft', {file: 'content/methods/agent.md', line, column: 10, endLine: line, endColumn: 14}]]) as unknown as SourceMap
  const lint = (path: string, line: number) => lintText(markdown, {rules: only('consistent-values'), data: {survey, sources: at(line), vocabularies: exampleVocabularies}}, path).map(formatMessage)
  expect(lint('content/methods/agent.md', 3)).toEqual(['4:9-4:15: Unexpected FT `✓*` for `Alpha`, expected `×` as at content/methods/agent.md:3:10 (consistent-values)'])
  // The same rows in another file, or the survey read from another row: both rows are compared with the survey.
  expect(lint('README.md', 3)).toEqual([
    '3:9-3:14: Unexpected FT `✓` for `Alpha`, expected `×` as at content/methods/agent.md:3:10 (consistent-values)',
    '4:9-4:15: Unexpected FT `✓*` for `Alpha`, expected `×` as at content/methods/agent.md:3:10 (consistent-values)'
  ])
  expect(lint('content/methods/agent.md', 9)).toEqual(lint('README.md', 9))
})

test('member-list matches members to rows by name key, and picks the table with most of them', () => {
  const markdown = [
    '## Agent',
    '',
    '- **Parametric** (3): agile, Zhai-et al, POAD',
    '- **Other**: GLAM, glam',
    '',
    '### Parametric',
    '',
    '| Method | FT |',
    '| - | - |',
    '| AGILE \\[Feng et al., 2024] | ✓ |',
    '| Zhai et al. \\[Zhai et al., 2024] | ✓ |',
    '| GLAM \\[Carta et al., 2023] | ✓ |',
    '',
    '| Method | FT |',
    '| - | - |',
    '| Glam \\[Carta et al., 2023] | ✓ |',
    ''
  ].join('\n')
  expect(lintText(markdown, {rules: only('member-list')}).map(formatMessage)).toEqual([
    '3:3-3:17: Unexpected member list `Parametric` without `GLAM`, expected all 3 methods of the table at line 8 (member-list)',
    '3:42-3:46: Unexpected member `POAD` in `Parametric`, expected only methods of the table at line 8 (member-list)',
    '4:3-4:12: Unexpected member list `Other` without `AGILE`, `Zhai et al.`, expected all 3 methods of the table at line 8 (member-list)'
  ])
})

test('no-duplicate-title reports a title against the earliest twin listed, whatever its length', () => {
  const markdown = [
    '- **Learning to Reward Robots with Language Models**',
    '- **Learning to Rewards Robots with Language Models**',
    '- **Learning to Reward Robots with Language Model**',
    '- **A Survey of Something Else Entirely Different**',
    '- **Learning to Reward Robots with Language Models**',
    ''
  ].join('\n')
  expect(lintText(markdown, {rules: only('no-duplicate-title')}).map(formatMessage)).toEqual([
    '2:3-2:54: Unexpected title `Learning to Rewards Robots with Language Models`, near-identical to `Learning to Reward Robots with Language Models` (line 1); expected each paper once (no-duplicate-title)',
    '3:3-3:52: Unexpected title `Learning to Reward Robots with Language Model`, near-identical to `Learning to Reward Robots with Language Models` (line 1); expected each paper once (no-duplicate-title)',
    '5:3-5:53: Unexpected title `Learning to Reward Robots with Language Models`, the same as `Learning to Reward Robots with Language Models` (line 1); expected each paper once (no-duplicate-title)'
  ])
})
