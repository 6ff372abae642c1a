import {Survey, checkSurvey} from '@fmrl/model'
import type {HandEdit, OutputPlace} from './hand-edits.js'
import {attributeLabel, formatValue} from './rows.js'

/** The survey with hand edits applied, or why it cannot take them (each problem placed at its edit). */
export type Adopted = {survey: Survey; problems: []} | {survey: undefined; problems: string[]}

const at = (place: OutputPlace) => `${place.path}:${place.line}:${place.column}`

/**
 * Apply hand edits of generated tables to the model: two edits of one value must agree, and the
 * result must pass the schema and the cross-reference checks. Pure: the caller renders and writes
 * the content files holding the edited methods.
 */
export function adoptHandEdits(survey: Survey, edits: readonly HandEdit[]): Adopted {
  const updated = structuredClone(survey)
  const applied = new Map<string, HandEdit>()
  const problems: string[] = []
  for (const edit of edits) {
    const id = `${edit.method}/${edit.key}`
    const earlier = applied.get(id)
    if (earlier && JSON.stringify(earlier.value) !== JSON.stringify(edit.value)) {
      problems.push(`${at(edit.place)}: Unexpected \`${formatValue(edit.value)}\` for ${survey.methods[edit.method]!.name}'s ${attributeLabel(edit.key)}, expected \`${formatValue(earlier.value)}\` as ${at(earlier.place)} has it; make the two edits agree`)
      continue
    }
    applied.set(id, edit)
    Object.assign(updated.methods[edit.method]!, {[edit.key]: edit.value})
  }
  problems.push(...validate(updated, applied))
  return problems.length > 0 ? {survey: undefined, problems} : {survey: updated, problems: []}
}

/** The schema and cross-reference checks, each problem placed at the hand edit that caused it. */
function validate(updated: Survey, applied: Map<string, HandEdit>): string[] {
  const parsed = Survey.safeParse(updated)
  const issues = parsed.success
    ? checkSurvey(parsed.data)
    : parsed.error.issues.map((issue) => ({path: issue.path, message: `Unexpected value at \`${issue.path.join('.')}\`: ${issue.message}`}))
  return issues.map((issue) => {
    const [, method, key] = issue.path
    const edit = applied.get(`${String(method)}/${String(key)}`)
    return `${edit ? at(edit.place) : 'content/'}: ${issue.message}`
  })
}
