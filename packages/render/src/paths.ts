import type {Survey} from '@fmrl/model'
import {rolePagePath} from './shared/survey.js'
import {sitePath} from './site/paths.js'

/**
 * The path of every file `fmrl build` generates, in the order `renderOutputs` gives them, without
 * rendering any: what lint needs to know which files are ours. Its own entry point
 * (`@fmrl/render/paths`), so that knowing the paths loads none of the renderers.
 */
export function outputPaths(survey: Pick<Survey, 'taxonomy'>): string[] {
  return [readmePath, table1Path, ...survey.taxonomy.map((role) => `tables/${rolePagePath(role)}`), table1LatexPath, surveyJsonPath, surveySchemaPath, sitePath]
}

export const readmePath = 'README.md'
export const table1Path = 'tables/table1.md'
export const table1LatexPath = 'tables/table1.tex'
export const surveyJsonPath = 'export/survey.json'
export const surveySchemaPath = 'export/survey.schema.json'
