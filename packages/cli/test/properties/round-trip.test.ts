import {parseContent} from '@fmrl/parser'
import {renderContent, renderOutputs, renderSurveyJson, toMarkdown} from '@fmrl/render'
import type {Survey} from '@fmrl/model'
import {Ajv2020} from 'ajv/dist/2020.js'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {readContentFiles} from '../../src/content-files.js'
import {repositoryRoot} from '../helpers.js'
import {propertyTimeout, runs, seed, surveyArbitrary} from './arbitraries.js'

const base = parseContent(await readContentFiles(repositoryRoot, 'content')).survey!
const surveys = surveyArbitrary(base)
const options = {numRuns: runs, seed, endOnFailure: true}

/** The survey written as content/ files, in memory. */
function contentFiles(survey: Survey): VFile[] {
  return renderContent(survey).map(({path, tree}) => new VFile({path: `content/${path}`, value: toMarkdown(tree, {aligned: false})}))
}

/** Every message of a parse, for a readable failure. */
const messages = (files: VFile[]) => files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column}: ${message.reason}`))

describe('generated models', {timeout: propertyTimeout}, () => {
  test('parse(render(model)) is the model: every value the schema admits survives content/', () => {
    fc.assert(fc.property(surveys, (survey) => {
      const files = contentFiles(survey)
      const read = parseContent(files)
      expect(messages(files)).toEqual([])
      expect(read.survey).toEqual(survey)
    }), options)
  })

  test('rendering is idempotent: the content written from what was read is the content read', () => {
    fc.assert(fc.property(surveys, (survey) => {
      const once = contentFiles(survey)
      const twice = contentFiles(parseContent(once).survey!)
      expect(twice.map((file) => String(file.value))).toEqual(once.map((file) => String(file.value)))
    }), options)
  })

  test('every output renders, and the JSON export validates against its schema', () => {
    const schema = JSON.parse(renderOutputs(base).find((output) => output.path === 'export/survey.schema.json')!.content) as object
    const validate = new Ajv2020({allErrors: true, formats: {date: /^\d{4}-\d{2}-\d{2}$/, uri: (value: string) => URL.canParse(value)}}).compile(schema)
    fc.assert(fc.property(surveys, (survey) => {
      const outputs = renderOutputs(survey)
      expect(outputs.map((output) => output.path)).toEqual(renderOutputs(base).map((output) => output.path))
      expect(validate(JSON.parse(renderSurveyJson(survey)))).toBe(true)
      // Rendering every output is the slow part: a quarter of the cases suffice in the default run.
    }), {...options, numRuns: Math.max(1, Math.round(runs / 4))})
  })
})
