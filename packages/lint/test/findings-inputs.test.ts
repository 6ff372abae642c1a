import {readdir, readFile} from 'node:fs/promises'
import {join, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Survey} from '@fmrl/model'
import {parseContent, type SourceMap} from '@fmrl/parser'
import {VFile} from 'vfile'
import {expect, test} from 'vitest'
import {findingsInputs, findingsLookups} from '../src/findings-inputs.js'
import {lintFile, type LintSettings} from '../src/lint.js'
import {nameKey} from '../src/util/tables.js'
import {surveyData} from '../src/survey-data.js'
import {formatMessage} from './helpers.js'

const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url))

/** The real survey, its sources, and the real generated Markdown the rules check against it. */
async function realSurvey(): Promise<{survey: Survey; sources: SourceMap; text: (path: string) => Promise<string>}> {
  const paths = (await readdir(join(repositoryRoot, 'content'), {recursive: true})).filter((path) => path.endsWith('.md')).map((path) => `content/${path.split(sep).join('/')}`)
  const files = await Promise.all(paths.map(async (path) => new VFile({path, value: await readFile(join(repositoryRoot, path), 'utf8')})))
  const {survey, sources} = parseContent(files)
  if (!survey) throw new Error('the real content reads into a survey')
  return {survey, sources, text: async (path) => readFile(join(repositoryRoot, path), 'utf8')}
}

/** The survey with one method's models changed (a copy: the survey read stays as it is). */
function withModels(survey: Survey, name: string, models: string[]): Survey {
  const copy = structuredClone(survey)
  copy.methods.find((method) => method.name === name)!.models = models
  return copy
}

function lint(path: string, text: string, settings: LintSettings) {
  const file = new VFile({path, value: text})
  const messages = lintFile(file, settings).map(formatMessage)
  return {messages, lookups: findingsLookups(file), inputs: (other: LintSettings = settings) => findingsInputs(other, findingsLookups(file))}
}

test('a file\'s findings inputs hold the survey methods it names, not the others: the planner table against an agent edit and a planner edit', async () => {
  const {survey, sources, text} = await realSurvey()
  const planner = await text('tables/planner.md')
  const settings: LintSettings = {data: {...surveyData(survey, sources), files: ['tables/table1.md']}}
  const before = lint('tables/planner.md', planner, settings)
  expect(before.messages).toEqual([])
  // consistent-values looked up the planner methods, by their name keys, and nothing else.
  const plannerKeys = survey.methods.filter((method) => method.role === 'planner').map((method) => nameKey(method.name))
  expect(before.lookups).toEqual({'consistent-values': [...new Set(plannerKeys)].sort()})

  const agentName = survey.methods.find((method) => method.role === 'agent')!.name
  const agentEdited: LintSettings = {data: {...settings.data, survey: withModels(survey, agentName, ['Edited'])}}
  expect(before.inputs(agentEdited)).toBe(before.inputs())
  expect(lint('tables/planner.md', planner, agentEdited).messages).toEqual(before.messages)

  const plannerName = survey.methods.find((method) => method.role === 'planner')!.name
  const plannerEdited: LintSettings = {data: {...settings.data, survey: withModels(survey, plannerName, ['Edited'])}}
  expect(before.inputs(plannerEdited)).not.toBe(before.inputs())
  expect(lint('tables/planner.md', planner, plannerEdited).messages).toEqual([expect.stringMatching(new RegExp(`^\\d+:\\d+-\\d+:\\d+: Unexpected Model\\(s\\) \`.+\` for \`${plannerName}\`, expected \`Edited\` as at content/methods/planner\\.md:\\d+:\\d+ \\(consistent-values\\)$`))])
})

test('a content file\'s own rows are looked up by where the survey read them: an edit of their values leaves its inputs, a name read elsewhere changes them', async () => {
  const {survey, sources, text} = await realSurvey()
  const path = 'content/methods/planner.md'
  const settings: LintSettings = {data: surveyData(survey, sources)}
  const before = lint(path, await text(path), settings)
  const plannerKeys = survey.methods.filter((method) => method.role === 'planner').map((method) => nameKey(method.name))
  expect(before.lookups).toEqual({'consistent-values': [...new Set(plannerKeys)].map((key) => `own:${key}`).sort()})

  // The rows are the survey's: what they state is what it holds, whatever that is.
  const plannerName = survey.methods.find((method) => method.role === 'planner')!.name
  const edited: LintSettings = {data: {...settings.data, survey: withModels(survey, plannerName, ['Edited'])}}
  expect(before.inputs(edited)).toBe(before.inputs())
  expect(lint(path, await text(path), edited).messages).toEqual(before.messages)

  // Read from another file, the method is one to agree with: the inputs change, and the row is compared.
  const at = survey.methods.findIndex((method) => method.name === plannerName)
  const moved = new Map(sources)
  const name = moved.get(`/methods/${at}/name`)!
  moved.set(`/methods/${at}/name`, {...name, file: 'content/methods/agent.md'})
  const elsewhere: LintSettings = {data: {...edited.data, sources: moved}}
  expect(before.inputs(elsewhere)).not.toBe(before.inputs())
  expect(lint(path, await text(path), elsewhere).messages).toEqual([expect.stringMatching(new RegExp(`^\\d+:\\d+-\\d+:\\d+: Unexpected Model\\(s\\) \`.+\` for \`${plannerName}\`, expected \`Edited\` as at content/methods/planner\\.md:\\d+:\\d+ \\(consistent-values\\)$`))])
})

test('the inputs hold what the rules that are on read whole, and each rule\'s setting', async () => {
  const {survey, sources, text} = await realSurvey()
  const readme = await text('README.md')
  const data = {...surveyData(survey, sources), files: ['README.md']}
  const {inputs} = lint('README.md', readme, {data})
  const base = inputs({data})
  // The file list (no-missing-file), the counts (count-claim), the vocabularies, URLs to ignore: read whole.
  expect(inputs({data: {...data, files: ['README.md', 'new.md']}})).not.toBe(base)
  expect(inputs({data: {...data, counts: {...data.counts!, methods: 1}}})).not.toBe(base)
  expect(inputs({data: {...data, ignoreUrls: ['https://example.com/*']}})).not.toBe(base)
  expect(inputs({data: {...data, vocabularies: data.vocabularies!.slice(1)}})).not.toBe(base)
  // A rule turned off reads nothing: its data is no input, its setting is.
  const noFiles = {'no-missing-file': 'off'} as const
  expect(inputs({rules: noFiles, data: {...data, files: ['other.md']}})).toBe(inputs({rules: noFiles, data}))
  expect(inputs({rules: noFiles, data})).not.toBe(base)
  // References no rule reads: changing them changes no file's inputs.
  expect(inputs({data: {...data, survey: {...survey, references: []}}})).toBe(base)
})
