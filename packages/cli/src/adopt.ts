import {isDeepStrictEqual} from 'node:util'
import {Survey, checkSurvey} from '@fmrl/model'
import type {SourceMap} from '@fmrl/parser'
import {renderContent, toMarkdown, type Output} from '@fmrl/render'
import type {HandEdit, OutputPlace} from './check-edits.js'
import {attributeLabel, formatValue} from './method-cells.js'

/** The content files to write so that content/ holds the hand edits, or why it cannot. */
export type Adoption = {survey: Survey; files: Output[]; problems: []} | {survey: undefined; files: []; problems: string[]}

const at = (place: OutputPlace) => `${place.path}:${place.line}:${place.column}`

/**
 * Apply hand edits to the model and render the content files holding the edited methods in
 * canonical form (content/ is kept canonical, so only the edited rows change).
 */
export function adoptEdits(survey: Survey, sources: SourceMap, edits: readonly HandEdit[], contentDirectory: string): Adoption {
  const updated = structuredClone(survey)
  const applied = new Map<string, HandEdit>()
  const problems: string[] = []
  for (const edit of edits) {
    const id = `${edit.method}/${edit.key}`
    const earlier = applied.get(id)
    if (earlier && !isDeepStrictEqual(earlier.value, edit.value)) {
      problems.push(`${at(edit.place)}: Unexpected \`${formatValue(edit.value)}\` for ${survey.methods[edit.method]!.name}'s ${attributeLabel(edit.key)}, expected \`${formatValue(earlier.value)}\` as ${at(earlier.place)} has it; make the two edits agree`)
      continue
    }
    applied.set(id, edit)
    Object.assign(updated.methods[edit.method]!, {[edit.key]: edit.value})
  }
  problems.push(...validate(updated, applied))
  if (problems.length > 0) return {survey: undefined, files: [], problems}
  const files = new Set(edits.map((edit) => sources.get(`/methods/${edit.method}/name`)!.file))
  return {
    survey: updated,
    files: renderContent(updated)
      .map(({path, tree}) => ({path: `${contentDirectory}/${path}`, content: toMarkdown(tree, {aligned: false})}))
      .filter((file) => files.has(file.path)),
    problems: []
  }
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
