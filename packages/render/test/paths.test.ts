import {expect, test} from 'vitest'
import {outputPaths, renderOutputs} from '../src/index.js'
import {readSurvey} from './survey.js'

test('outputPaths lists what renderOutputs renders, in its order, without rendering', async () => {
  const survey = await readSurvey()
  const paths = outputPaths(survey)
  expect(paths).toEqual(renderOutputs(survey).map((output) => output.path))
  expect(paths).toEqual(['README.md', 'tables/table1.md', ...survey.taxonomy.map((role) => `tables/${role.id}.md`), 'tables/table1.tex', 'export/survey.json', 'export/survey.schema.json', 'site/index.html'])
})
