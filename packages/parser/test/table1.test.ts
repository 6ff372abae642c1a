import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {formatCitation, noValue, type Method} from '@fmrl/model'
import {describe, expect, test} from 'vitest'
import {parseContent} from '../src/index.js'
import {contentFiles, messages, repositoryRoot} from './helpers.js'

interface Table1Row {
  group: string
  citation: string
  models: string
  ft: string
  fmRole: string
  rlAgent: string
  rlTask: string
  rlSetting: string
  rlRole: string
  metrics: string
  code: string
}

/** A method in the fixture's terms: the paper's cell texts, lists joined by `, `. */
function asTable1Row(method: Method): Table1Row {
  return {
    group: `${method.role}/${method.category}`,
    citation: `${method.name} [${formatCitation(method.citation)}]`,
    models: method.models.join(', '),
    ft: method.ft,
    fmRole: method.fmRoles.join(', '),
    rlAgent: method.rlAgent,
    rlTask: method.rlTask,
    rlSetting: method.rlSetting,
    rlRole: method.rlRoles.join(', '),
    metrics: method.metrics.join(', '),
    code: method.code ?? noValue
  }
}

const fixture: Table1Row[] = JSON.parse(readFileSync(join(repositoryRoot, 'fixtures/table1.json'), 'utf8'))

describe('content/ against the paper\'s Table 1 (independent transcription in fixtures/table1.json)', () => {
  const files = contentFiles()
  const {survey} = parseContent(files)

  test('content parses without any message', () => {
    expect(messages(files)).toEqual([])
  })

  test('holds all 34 methods in Table 1 order', () => {
    expect(fixture).toHaveLength(34)
    expect(survey?.methods.map((method) => asTable1Row(method).citation)).toEqual(fixture.map((row) => row.citation))
  })

  test.each(fixture.map((row, index) => [row.citation, index] as const))('%s: all 10 attributes equal the paper', (_, index) => {
    expect(asTable1Row(survey!.methods[index]!)).toEqual(fixture[index])
  })
})
