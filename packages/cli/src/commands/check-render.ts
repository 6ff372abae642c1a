import type {Survey} from '@fmrl/model'
import {attributeLabel, formatValue, type SourceMap} from '@fmrl/parser'
import {adoptHandEdits, editedOutsideTables, findHandEdits, type EditProblem, type HandEdit, type OutputPlace} from '@fmrl/parser/hand-edits'
import {renderContent, toMarkdown, type Output} from '@fmrl/render'
import {renderOrReport, type Rendered} from '../build.js'
import {findStale, formatStaleDiff, type StaleOutput} from '../check-stale.js'
import {readCommitted} from '../git.js'
import {exitCodes, type Io} from '../io.js'
import {annotation} from '../lint-report.js'
import type {FileTreeCache} from '../tree-cache.js'
import {writeOutput} from '../write.js'
import {buildCommand} from './build.js'
import {allMatch, type CheckOptions} from './check.js'

type Checked = Extract<Rendered, {outputs: object}>

/** Hand edits found in the stale outputs, and which outputs were edited by hand at all. */
interface Found {
  edits: HandEdit[]
  problems: EditProblem[]
  /** Stale outputs that differ from their committed version too (or are not committed). */
  handEdited: StaleOutput[]
  /** Hand-edited outputs with edits outside their method tables, which no content cell holds. */
  outside: StaleOutput[]
}

/**
 * The part of `fmrl check` that renders: every output in memory, compared with the file on disk.
 * Exit 0 when all match, 1 with a diff per stale file and each hand edit traced to its content cell.
 * With `adopt`, write the hand edits into content/ and rebuild instead.
 */
export async function checkRendered(options: CheckOptions, io: Io, cache: FileTreeCache | undefined): Promise<number> {
  const rendered = await renderOrReport({...options, cache}, io, 'Nothing was checked: fix content/ first.')
  if (!rendered) return exitCodes.problems
  const stale = await findStale(options.root, rendered.outputs)
  if (stale.length === 0 && !options.adopt) return allMatch(rendered.outputs.length, io)
  const found = await findAllHandEdits(options.root, rendered, stale)
  if (options.adopt) return adopt(options, io, rendered, found)
  if (options.format === 'github') io.out(annotateStale(rendered, stale, found).join('\n'))
  return report(io, rendered, stale, found)
}

/** `--format github`: an annotation per stale output, and one per hand edit at its place. */
function annotateStale(rendered: Checked, stale: readonly StaleOutput[], found: Found): string[] {
  return [
    ...stale.map((file) => annotation('error', {file: file.output.path}, 'stale-output', `Unexpected \`${file.output.path}\` that differs from what content/ renders, expected it regenerated: run \`pnpm build\``)),
    ...foundLines(found, rendered).map(({place, text}) => annotation('error', {file: place.path, line: place.line, column: place.column}, 'hand-edit', text))
  ]
}

async function findAllHandEdits(root: string, rendered: Checked, stale: readonly StaleOutput[]): Promise<Found> {
  const found: Found = {edits: [], problems: [], handEdited: [], outside: []}
  for (const file of stale) {
    if (file.disk === undefined) continue
    const committed = await readCommitted(root, file.output.path)
    if (committed === file.disk) continue
    found.handEdited.push(file)
    const markdown = file.output.path.endsWith('.md')
    if (!markdown || editedOutsideTables(file.output.path, file.output.content, file.disk)) found.outside.push(file)
    if (!markdown) continue
    const {edits, problems} = findHandEdits(rendered.survey, file.output.path, file.output.content, file.disk, committed)
    found.edits.push(...edits)
    found.problems.push(...problems)
  }
  return found
}

function report(io: Io, rendered: Checked, stale: readonly StaleOutput[], found: Found): number {
  for (const file of stale) io.out(formatStaleDiff(file))
  for (const line of formatFound(found, rendered)) io.err(line)
  for (const file of found.outside) {
    io.err(`${file.output.path}: edited by hand outside the method tables (the diff shows where); \`pnpm build\` overwrites generated files, so make the change in content/ instead`)
  }
  const count = stale.length === 1 ? '1 generated file is stale: run `pnpm build` to regenerate it' : `${stale.length} generated files are stale: run \`pnpm build\` to regenerate them`
  io.err(`${count} from content/.`)
  if (found.edits.length > 0) io.err('To keep the hand edits instead, run `pnpm check --adopt`: it writes them into content/ and rebuilds.')
  return exitCodes.problems
}

/** One line per hand edit: where it is, what it changes and the content cell to edit instead. */
function formatFound(found: Found, rendered: Checked): string[] {
  return foundLines(found, rendered).map(({place, text}) => `${place.path}:${place.line}:${place.column}: ${text}`)
}

/** Each hand edit and problem at its place, in file order. */
function foundLines(found: Found, {survey, sources}: Checked): Array<{place: OutputPlace; text: string}> {
  const instead = (method: number | undefined, key: string) => {
    const source = method === undefined ? undefined : sources.get(`/methods/${method}/${key}`)
    return source ? `; edit ${source.file}:${source.line}:${source.column} instead` : ''
  }
  return [
    ...found.problems.map((problem) => ({place: problem.place, text: `${problem.reason}${instead(problem.method, problem.key)}`})),
    ...found.edits.map((edit) => ({
      place: edit.place,
      text: `changes ${survey.methods[edit.method]!.name}'s ${attributeLabel(edit.key)} to \`${formatValue(edit.value)}\`${instead(edit.method, edit.key)}`
    }))
  ].sort((a, b) => a.place.path.localeCompare(b.place.path) || a.place.line - b.place.line || a.place.column - b.place.column)
}

/** Write the hand edits into content/ and rebuild; refuse (writing nothing) when any edit cannot be kept. */
async function adopt(options: CheckOptions, io: Io, rendered: Checked, found: Found): Promise<number> {
  const refuse = (lines: string[], why: string) => {
    for (const line of lines) io.err(line)
    io.err(`Nothing was adopted: ${why}`)
    return exitCodes.problems
  }
  if (found.problems.length > 0) return refuse(formatFound({...found, edits: []}, rendered), 'fix these cells, or make the change in content/ and run `pnpm build`.')
  const adoption = found.edits.length > 0 ? adoptEdits(rendered.survey, rendered.sources, found.edits, options.content) : {survey: rendered.survey, files: [], problems: []}
  if (!adoption.survey) return refuse(adoption.problems, 'fix the hand edits so that content/ accepts them.')
  if (found.outside.length > 0) {
    for (const file of found.outside) io.out(formatStaleDiff(file))
    return refuse(found.outside.map((file) => `${file.output.path}: has edits outside the method tables, which content/ cannot take (the diff shows them)`), 'move these edits into content/ by hand, then run `pnpm build`.')
  }
  for (const file of adoption.files) io.out(`${file.path}: ${await writeOutput(options.root, file)}`)
  return buildCommand(options, io)
}

/** Apply the hand edits to the model and render the content files that hold the edited methods (content/ stays canonical, so only those rows change). */
function adoptEdits(survey: Survey, sources: SourceMap, edits: readonly HandEdit[], contentDirectory: string): {survey: Survey | undefined; files: Output[]; problems: string[]} {
  const adopted = adoptHandEdits(survey, edits)
  if (!adopted.survey) return {survey: undefined, files: [], problems: adopted.problems}
  const files = new Set(edits.map((edit) => sources.get(`/methods/${edit.method}/name`)!.file))
  return {
    survey: adopted.survey,
    files: renderContent(adopted.survey)
      .map(({path, tree}) => ({path: `${contentDirectory}/${path}`, content: toMarkdown(tree, {aligned: false})}))
      .filter((file) => files.has(file.path)),
    problems: []
  }
}
