import {readFile, stat} from 'node:fs/promises'
import {join, relative, resolve, sep} from 'node:path'
import {combineReports, importMarkdown, mergeImports, type FileImport, type ImportReport, type MergeResult} from '@fmrl/import'
import {emptyDraft, type SurveyDraft} from '@fmrl/model'
import {parseContentDraft} from '@fmrl/parser'
import {renderContent, toMarkdown, type Output} from '@fmrl/render'
import {createTwoFilesPatch} from 'diff'
import {readContentFiles} from '../content-files.js'
import {exitCodes, UsageError, type Io} from '../io.js'
import {isUnreadable, readMarkdown} from '../read-markdown.js'
import {formatHuman} from '../report.js'
import {writeOutputs} from '../write.js'

export interface ImportOptions {
  root: string
  files: string[]
  /** The content folder to write or merge into, relative to the root. */
  into: string
  dryRun: boolean
  preferIncoming: boolean
  format: string
}

const formats = ['human', 'json'] as const

/**
 * `fmrl import FILE…`: read hand-kept awesome lists into the model and write or merge canonical
 * content/. Every cell and entry is mapped or reported; conflicting values are reported per attribute
 * and kept (unless `--prefer incoming`). A file already in content/ that the merge changes must be
 * what content/ renders, so rewriting it loses nothing. Exit 1 when a list has no entry the import
 * recognises, or content/ cannot be merged into; 2 for usage errors.
 */
export async function importCommand(options: ImportOptions, io: Io, cwd: string): Promise<number> {
  if (!(formats as readonly string[]).includes(options.format)) throw new UsageError(`Unexpected format \`${options.format}\`, expected one of ${formats.map((format) => `\`${format}\``).join(', ')}`)
  if (options.files.length === 0) throw new UsageError('Unexpected import without a file, expected the Markdown files of a list: `fmrl import README.md`')
  // --into is relative to the root; an absolute folder is taken as it is (join would put it under the root).
  const into = relative(options.root, resolve(options.root, options.into)).split(sep).join('/') || '.'
  const target = await readTarget(options.root, into, io)
  if (!target) return exitCodes.problems
  const imports: FileImport[] = []
  for (const path of options.files) {
    const file = await readMarkdown(cwd, relative(cwd, resolve(cwd, path)).split(sep).join('/'))
    const imported = file.messages.length === 0 ? importMarkdown(file, target.draft) : undefined
    // Bytes that are not UTF-8, or a list past the parser's limits: positioned, and nothing imported.
    if (!imported || file.messages.some((message) => message.fatal)) {
      io.err(formatHuman([file]))
      return exitCodes.problems
    }
    imports.push(imported)
  }
  const merged = mergeImports(target.draft, imports, {preferIncoming: options.preferIncoming})
  const files = renderContent(merged.draft).map(({path, tree}): Output => ({path: `${into}/${path}`, content: toMarkdown(tree, {aligned: false})}))
  const changed = await changedFiles(options.root, files)
  const unsafe = changed.filter((file) => target.canonical.has(file.path) === false && target.existing.has(file.path))
  if (unsafe.length > 0) {
    for (const file of unsafe) io.err(`fmrl import: Unexpected \`${file.path}\` that differs from what content/ renders, expected it in canonical form before a merge rewrites it: run \`fmrl build\` and fix what it reports (nothing was written)`)
    return exitCodes.problems
  }
  const empty = imports.filter(({report}) => report.mapped.cells + report.mapped.entries === 0)
  if (options.format === 'json') io.out(JSON.stringify(jsonReport(imports, merged, changed, options), null, 2))
  else for (const line of humanReport(imports, merged)) io.err(line)
  for (const {state} of empty) io.err(`fmrl import: Unexpected list \`${state.file}\` without an entry the import recognises, expected a table of methods, papers, datasets or environments, or a list of \`[title](url)\` entries`)
  if (empty.length > 0) return exitCodes.problems
  if (options.dryRun) {
    for (const file of changed) io.out(createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, file.disk ?? '', file.content, file.disk === undefined ? 'new' : 'content/', 'imported').replace(/^=+\n/, '').trimEnd())
    io.err(changed.length === 0 ? 'fmrl import: nothing would change (dry run)' : `fmrl import: ${changed.length} file${changed.length === 1 ? '' : 's'} would change (dry run: nothing was written)`)
    return exitCodes.ok
  }
  // One set, as fmrl build writes its outputs: a killed import leaves content/ all old or all new.
  await writeOutputs(options.root, changed)
  io.err(changed.length === 0 ? 'fmrl import: nothing changed' : `fmrl import: wrote ${changed.map((file) => file.path).join(', ')}; run \`fmrl build\` to regenerate the outputs (it names every value still missing)`)
  return exitCodes.ok
}

interface Target {
  draft: SurveyDraft
  /** Content files that exist. */
  existing: Set<string>
  /** Content files whose bytes are exactly what the draft renders: a merge may rewrite them. */
  canonical: Set<string>
}

/** The content folder to merge into, as a draft; an absent or empty folder is an empty draft. */
async function readTarget(root: string, into: string, io: Io): Promise<Target | undefined> {
  const info = await stat(join(root, into)).catch(() => undefined)
  if (info && !info.isDirectory()) throw new UsageError(`Unexpected file \`${into}\` for --into, expected a folder (the content folder to import into)`)
  const files = info ? await readContentFiles(root, into) : []
  if (files.length === 0) return {draft: emptyDraft(), existing: new Set(), canonical: new Set()}
  const unreadable = files.filter(isUnreadable)
  if (unreadable.length > 0) {
    io.err(`${formatHuman(unreadable)}\nNothing was imported: fix ${into}/ first.`)
    return undefined
  }
  const draft = parseContentDraft(files)
  const rendered = new Map(renderContent(draft).map(({path, tree}) => [`${into}/${path}`, toMarkdown(tree, {aligned: false})]))
  return {
    draft,
    existing: new Set(files.map((file) => file.path)),
    canonical: new Set(files.filter((file) => rendered.get(file.path) === String(file.value)).map((file) => file.path))
  }
}

async function changedFiles(root: string, files: readonly Output[]): Promise<Array<Output & {disk: string | undefined}>> {
  const read = await Promise.all(files.map(async (file) => ({...file, disk: await readFile(join(root, file.path), 'utf8').catch(() => undefined)})))
  return read.filter((file) => file.disk !== file.content)
}

const counts = (report: ImportReport) =>
  `${report.input.cells} cells, ${report.input.entries} entries and ${report.input.parts} parts: ${report.mapped.cells + report.mapped.entries + report.mapped.parts} mapped, ${report.reported.cells + report.reported.entries + report.reported.parts} reported`

/** One line per reported item, conflict and left-out value, then a summary. */
function humanReport(imports: readonly FileImport[], merged: MergeResult): string[] {
  const lines: string[] = []
  for (const {report} of imports) {
    for (const item of report.items) lines.push(`${item.file}:${item.line}:${item.column}: ${item.unit === 'note' ? 'note' : 'not imported'}: ${item.what} \`${item.text}\`: ${item.reason}`)
  }
  for (const conflict of merged.conflicts) {
    lines.push(`${conflict.file}:${conflict.line}:${conflict.column}: conflict: ${conflict.entry}, ${conflict.attribute}: content/ has \`${conflict.existing}\`, the list \`${conflict.incoming}\`; kept ${conflict.kept === 'existing' ? "content/'s (--prefer incoming takes the list's)" : "the list's"}`)
  }
  for (const left of merged.leftOut) lines.push(`${left.file}:${left.line}:${left.column}: left out: ${left.what}: ${left.reason}`)
  for (const link of merged.linked) lines.push(`linked: "${link.entry}" is the survey's method \`${link.method}\``)
  const total = combineReports(imports.map((entry) => entry.report))
  const added = merged.added
  lines.push(`${counts(total)}; added ${added.methods} methods, ${added.readingList} reading-list entries, ${added.environments} environments, ${added.datasets} datasets; ${merged.conflicts.length} conflicts`)
  return lines
}

function jsonReport(imports: readonly FileImport[], merged: MergeResult, changed: readonly Output[], options: ImportOptions) {
  const total = combineReports(imports.map((entry) => entry.report))
  return {
    files: imports.map(({state, report}) => ({file: state.file, input: report.input, mapped: report.mapped, reported: report.reported})),
    input: total.input,
    mapped: total.mapped,
    reported: total.reported,
    items: total.items,
    conflicts: merged.conflicts,
    leftOut: merged.leftOut,
    linked: merged.linked,
    added: merged.added,
    [options.dryRun ? 'wouldWrite' : 'written']: changed.map((file) => file.path)
  }
}
