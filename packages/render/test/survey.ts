import {readFile} from 'node:fs/promises'
import type {Survey} from '@fmrl/model'

/** The repository root; tests read the committed outputs there. */
export const repositoryRoot = new URL('../../../', import.meta.url)

/**
 * The real survey, read back from the committed export (render cannot depend on the parser);
 * packages/cli/test/outputs.test.ts checks that the export is what content/ renders.
 */
export async function readSurvey(): Promise<Survey> {
  return JSON.parse(await readFile(new URL('export/survey.json', repositoryRoot), 'utf8')) as Survey
}
