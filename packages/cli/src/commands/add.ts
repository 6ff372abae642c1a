import {resolve} from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import {formatCitation, type Method, type Reference, type Survey} from '@fmrl/model'
import {findDuplicateMethod, parseContent, parseMethodFields, type MethodFields} from '@fmrl/parser'
import {appendMethodRow, insertReferenceRow, renderContent, toMarkdown, type Output} from '@fmrl/render'
import {VFile} from 'vfile'
import {renderOrReport, reportContentErrors, type ContentOptions} from '../build.js'
import type {RunCommand} from '../hook.js'
import {exitCodes, type Io} from '../io.js'
import {askFields, type Asker} from '../prompts.js'
import {annotation} from '../lint-report.js'
import {hasErrors} from '../report.js'
import {writeOutput} from '../write.js'
import {buildCommand} from './build.js'

// Apart, so that the command line can list them without loading the command.
export {addFlags} from './add-flags.js'

export interface AddOptions extends ContentOptions {
  fields: MethodFields
  /** Set on a terminal: ask for the fields the flags did not give. */
  ask?: Asker | undefined
  /** Runs `fmrl lint` on the changed files; without it (tests of the prompts), lint is skipped. */
  runCommand?: RunCommand | undefined
}

/**
 * `fmrl add`: append one method to its category's table in content/methods/<role>.md (and its
 * reference to references.md when new), check the result like a build would and lint it, then rebuild.
 * Exit 2 for bad or missing fields, 1 for a duplicate or content errors; nothing is written then.
 */
export async function addCommand(options: AddOptions, io: Io): Promise<number> {
  const rendered = await renderOrReport(options, io, 'Nothing was added: fix content/ first.')
  if (!rendered) return exitCodes.problems
  const {survey, sources, files} = rendered
  const fields = options.ask ? await askFields(survey, options.fields, options.ask) : options.fields
  const read = parseMethodFields(survey, fields)
  // Problems of the flags and duplicates have no place in a file: with `--format github`, annotations without one.
  const fail = (problems: readonly string[], code: number) => {
    if (options.format === 'github') io.out(problems.map((problem) => annotation('error', {}, 'fmrl add', problem)).join('\n'))
    for (const problem of problems) io.err(`fmrl add: ${problem}`)
    return code
  }
  if (!read.method) return fail(read.problems, exitCodes.usage)
  const duplicate = findDuplicateMethod(survey, sources, read.method)
  if (duplicate) return fail([duplicate], exitCodes.problems)
  const changed = changedFiles(survey, files, options.content, read.method, read.reference)
  const checked = changed.map((file) => new VFile({path: file.path, value: file.content}))
  const all = files.map((file) => checked.find((candidate) => candidate.path === file.path) ?? new VFile({path: file.path, value: file.value}))
  const again = parseContent(all)
  if (!again.survey || hasErrors(all)) {
    reportContentErrors(all, options, io, 'Nothing was added: the new row does not pass the content checks.')
    return exitCodes.problems
  }
  if (!again.survey.methods.some((method) => isDeepStrictEqual(method, read.method))) throw new Error(`the added row does not read back as ${read.method.name}`)
  for (const file of changed) await writeOutput(options.root, file)
  if (options.runCommand && (await options.runCommand(['--root', options.root, '--content', options.content, 'lint', '--format', options.format ?? 'human', ...changed.map((file) => resolve(options.root, file.path))])) !== exitCodes.ok) {
    // Lint reads the files from disk, so they were written: put the old bytes back.
    for (const file of changed) await writeOutput(options.root, {path: file.path, content: String(files.find((candidate) => candidate.path === file.path)!.value)})
    io.err('Nothing was added: the new row does not pass lint (see above).')
    return exitCodes.problems
  }
  for (const file of changed) io.out(`${file.path}: added \`${file.path.endsWith('references.md') ? formatCitation(read.method.citation) : read.method.name}\``)
  return buildCommand(options, io)
}

/** The content files with the method (and reference) added: one inserted row each, untouched bytes elsewhere. */
function changedFiles(survey: Survey, files: readonly VFile[], content: string, method: Method, reference: Reference | undefined): Output[] {
  const text = (path: string) => String(files.find((file) => file.path === path)?.value ?? '')
  const methodsPath = `${content}/methods/${method.role}.md`
  const category = survey.taxonomy.find((role) => role.id === method.role)!.categories.find((candidate) => candidate.id === method.category)!
  const updated: Survey = {...survey, methods: [...survey.methods, method], references: reference ? [...survey.references, reference] : survey.references}
  // Without a table to append to (an empty category), the whole file is rendered canonically instead.
  const canonical = (path: string) => toMarkdown(renderContent(updated).find((file) => `${content}/${file.path}` === path)!.tree, {aligned: false})
  const changed: Output[] = [{path: methodsPath, content: appendMethodRow(text(methodsPath), category.name, updated, method) ?? canonical(methodsPath)}]
  if (reference) {
    const referencesPath = `${content}/references.md`
    changed.push({path: referencesPath, content: insertReferenceRow(text(referencesPath), reference) ?? canonical(referencesPath)})
  }
  return changed
}
