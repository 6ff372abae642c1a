import {readFile} from 'node:fs/promises'
import type {Survey} from '@fmrl/model'
import {Ajv2020} from 'ajv/dist/2020.js'
import {describe, expect, test} from 'vitest'
import {renderSurveyJson, renderSurveySchema} from '../src/export.js'
import {readSurvey, repositoryRoot} from './survey.js'

const read = async (path: string) => readFile(new URL(path, repositoryRoot), 'utf8')
const survey = await readSurvey()
const schema = JSON.parse(await read('export/survey.schema.json')) as Record<string, unknown>

// The schema uses the formats `date` and `uri`; checked here as strictly as the model checks them.
const ajv = new Ajv2020({
  allErrors: true,
  formats: {date: /^\d{4}-\d{2}-\d{2}$/, uri: (value: string) => URL.canParse(value)}
})
const validate = ajv.compile(schema)

/** Reverse the key order of every object, deeply: a survey built in another order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversed(item)]))
  return value
}

describe('export/', () => {
  test('survey.schema.json is the model\'s JSON Schema (draft 2020-12)', async () => {
    expect(await read('export/survey.schema.json')).toBe(renderSurveySchema())
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
  })

  test('survey.json validates against survey.schema.json', async () => {
    const json = JSON.parse(await read('export/survey.json')) as unknown
    expect(validate(json)).toBe(true)
    expect(validate.errors).toBe(null)
  })

  test('a broken copy is rejected with the exact errors', () => {
    const broken = structuredClone(survey) as unknown as {methods: Array<Record<string, unknown>>}
    broken.methods[0]!.ft = 42
    delete broken.methods[1]!.models
    broken.methods[2]!.code = 'not-a-url'
    expect(validate(broken)).toBe(false)
    expect(validate.errors).toEqual([
      {instancePath: '/methods/0/ft', schemaPath: '#/properties/methods/items/properties/ft/type', keyword: 'type', params: {type: 'string'}, message: 'must be string'},
      {instancePath: '/methods/1', schemaPath: '#/properties/methods/items/required', keyword: 'required', params: {missingProperty: 'models'}, message: 'must have required property \'models\''},
      {instancePath: '/methods/2/code', schemaPath: '#/properties/methods/items/properties/code/anyOf/0/format', keyword: 'format', params: {format: 'uri'}, message: 'must match format "uri"'},
      {instancePath: '/methods/2/code', schemaPath: '#/properties/methods/items/properties/code/anyOf/1/type', keyword: 'type', params: {type: 'null'}, message: 'must be null'},
      {instancePath: '/methods/2/code', schemaPath: '#/properties/methods/items/properties/code/anyOf', keyword: 'anyOf', params: {}, message: 'must match a schema in anyOf'}
    ])
  })

  test('survey.json is the whole model: it reads back equal', () => {
    expect(JSON.parse(renderSurveyJson(survey))).toEqual(survey)
  })

  test('its bytes do not depend on key order: keys follow the schema, two-space indent, final newline', () => {
    const json = renderSurveyJson(survey)
    expect(JSON.stringify(reversed(survey))).not.toBe(JSON.stringify(survey))
    expect(renderSurveyJson(reversed(survey) as Survey)).toBe(json)
    expect(json.startsWith('{\n  "metadata": {\n    "title": "The Evolving Landscape')).toBe(true)
    expect(json.endsWith('}\n')).toBe(true)
    expect(Object.keys(JSON.parse(json) as object)).toEqual(Object.keys(schema.properties as object))
  })
})
