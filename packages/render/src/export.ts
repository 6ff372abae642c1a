import {Survey, surveyJsonSchema} from '@fmrl/model'

/** JSON as every export writes it: two-space indent and a final newline, so diffs stay line-based. */
const toJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`

/**
 * export/survey.json: the whole model. Parsing through the schema orders every object's keys as the
 * schema declares them, so the bytes depend on the data only, not on how it was built.
 */
export function renderSurveyJson(survey: Survey): string {
  return toJson(Survey.parse(survey))
}

/** export/survey.schema.json: the JSON Schema (draft 2020-12) that export/survey.json validates against. */
export function renderSurveySchema(): string {
  return toJson(surveyJsonSchema())
}
