import {z} from 'zod'
import {Url} from './method.js'
import {Survey} from './survey.js'

/** The JSON Schema of the whole survey model, for exports and editors. */
export function surveyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Survey, {
    target: 'draft-2020-12',
    // zod writes a URL that must also match a pattern as the pattern alone; keep its `uri` format too.
    override(context) {
      if (context.zodSchema === Url) context.jsonSchema.format = 'uri'
    }
  }) as Record<string, unknown>
}
