import {z} from 'zod'
import {Survey} from './survey.js'

/** The JSON Schema of the whole survey model, for exports and editors. */
export function surveyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Survey, {target: 'draft-2020-12'}) as Record<string, unknown>
}
