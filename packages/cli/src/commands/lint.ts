import {join} from 'node:path'
import {draftData, findingFromJson, findingsLookups, findingToJson, fixText, lintedTexts, lintFile, lintTree, surveyData, type LintData, type LintSettings} from '@fmrl/lint'
import {parseContentDraft} from '@fmrl/parser'
import {outputPaths} from '@fmrl/render/paths'
import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {readContentFiles} from '../content-files.js'
import {exitCodes, UsageError, type Io} from '../io.js'
import {readLintConfig} from '../lint-config.js'
import {resolveLintTargets, stdinArgument, Trees, type LintTarget, type Tree} from '../lint-files.js'
import {lintInputBytes, lintOnThread, mayLintOnThread, movesToThread, type LintThread} from '../lint-thread.js'
import {checkFormat, formatReport, type LintFormat} from '../lint-report.js'
import {readMarkdownFile} from '../read.js'
import {decodeMarkdown, isUnreadable, markdownBytes, markdownFile} from '../read-markdown.js'
import {formatHuman, hasErrors} from '../report.js'
import {FileTreeCache, parseContentCached, saveTreeCache} from '../tree-cache.js'
import type {Threads} from '../threads.js'
import {parseLinkFlags, type LinkFlags} from './links/options.js'
import type {Progress} from './links/progress.js'

/** What decides which findings print and when warnings fail the run (`fmrl lint` and `fmrl links`). */
export interface ReportOptions {
  format: string
  /** `--quiet`: print errors only (warnings still count for `maxWarnings`). */
  quiet?: boolean | undefined
  /** `--max-warnings N`: exit 1 when there are more warnings than this. */
  maxWarnings?: number | undefined
}

export interface LintOptions extends ReportOptions {
  root: string
  content: string
  files: string[]
  fix: boolean
  config: string | undefined
  /** Whether trees parsed by earlier runs are read and this run's kept (`--no-cache` turns it off). */
  cache?: boolean | undefined
  /** `--threads`: helper threads that parse content/ into the parse cache first, and the one a large lint runs on (default `auto`; `off` or 1: none). */
  threads?: Threads | undefined
  /** `--online`: the link-check flags; the external links are checked too. */
  online?: LinkFlags | undefined
  progress?: Progress | undefined
  /** Set on the helper thread a large lint moves to (see lint-thread.ts): the run stays there. */
  onThread?: boolean | undefined
}

/** What content/ gives lint: the content files (carrying the parser's messages), the rules' data, and our own Markdown files. */
interface SurveyRead {
  contentFiles: VFile[]
  data: LintData | undefined
  /** Root-relative paths of content/ and the generated Markdown outputs that exist. */
  own: string[]
  /**
   * Without a cache, the trees parseContent made of the content files, each linted as it is (then
   * dropped) instead of parsed again; with one, those of the files an edit made it read again (see
   * `parseContentCached`): lint reads every other tree back from the cache.
   */
  trees: Map<VFile, Root>
  /** Whether the content folder exists (empty, it is a survey without content, not another list). */
  hasContentFolder: boolean
}

/** Read and parse content/ (when there is one): a survey with errors still gives its vocabularies, from the draft. */
async function readSurvey(root: string, content: string, repositoryFiles: readonly string[], cache: FileTreeCache | undefined, threads: Threads | undefined): Promise<SurveyRead> {
  let hasContentFolder = true
  const contentFiles = await readContentFiles(root, content).catch((error: NodeJS.ErrnoException) => {
    // No content folder: another list, linted on its own; any other error reading it is the user's to see.
    if (error.code === 'ENOENT' && error.path === join(root, content)) {
      hasContentFolder = false
      return []
    }
    throw error
  })
  if (contentFiles.length === 0) return {contentFiles, data: undefined, own: [], trees: new Map(), hasContentFolder}
  const {survey, sources, trees} = await parseContentCached(contentFiles, cache, {keepTrees: true, threads})
  const outputs = survey ? outputPaths(survey) : ['README.md', ...repositoryFiles.filter((path) => path.startsWith('tables/'))]
  const own = [...contentFiles.map((file) => file.path), ...outputs.filter((path) => path.endsWith('.md') && repositoryFiles.includes(path))]
  return {contentFiles, data: survey ? surveyData(survey, sources) : draftData(parseContentDraft(contentFiles)), own, trees, hasContentFolder}
}

/** A target's text as a vfile named by its rule path: read strictly (standard input for `-`). */
export async function readLintTarget(target: LintTarget, io: Io): Promise<VFile> {
  if (target.location !== stdinArgument) return markdownFile(await readMarkdownFile(target.location), target.path)
  if (!io.readStdin) throw new UsageError('Unexpected `-` without standard input, expected a file, folder or glob to lint')
  return decodeMarkdown(await io.readStdin(), target.path)
}

/** A target as lint reads it: a content file is the one already parsed, carrying the parser's messages. */
async function readTarget(target: LintTarget, survey: SurveyRead, root: string, io: Io): Promise<VFile> {
  const content = target.base === root ? survey.contentFiles.find((file) => file.path === target.path) : undefined
  return content ?? readLintTarget(target, io)
}

/**
 * Lint one file in place. A message of the parser and a finding of a rule with the same id at the
 * same place are one problem: the rule's is kept, since it names the nearest value and carries the fix.
 */
function lintTarget(file: VFile, settings: LintSettings, tree: Root | undefined, cache: FileTreeCache | undefined): void {
  const parsed = [...file.messages]
  const text = String(file.value)
  const fresh = new VFile({path: file.path, value: file.value})
  const cached = cache?.getFindings(file.path, text, settings)
  // The content parser's tree is lintFile's own (the same parse of the same text), except after a
  // byte-order mark, which lintFile strips first.
  const found = cached
    ? cached.map((finding) => findingFromJson(finding, file.path))
    : tree && !text.startsWith('\ufeff') ? lintTree(tree, fresh, settings) : lintFile(fresh, settings, cache)
  if (!cached) cache?.setFindings(file.path, text, settings, findingsLookups(fresh), found.map(findingToJson))
  // Its trees, not read this time, stay for a run whose settings change.
  if (cached) cache?.keep(lintedTexts(text))
  const same = (a: (typeof parsed)[number], b: (typeof found)[number]) => a.ruleId === b.ruleId && a.line === b.line && a.column === b.column
  file.messages = [...parsed.filter((message) => !found.some((finding) => same(message, finding))), ...found]
}

/** Everything a run needs to lint its targets: the configuration, content/ and the trees files are in. */
interface LintRun {
  targets: LintTarget[]
  survey: SurveyRead
  settingsOf(target: LintTarget): Promise<LintSettings>
}

async function prepare(options: LintOptions, cwd: string, trees: Trees, base: Omit<LintData, 'files'>, rules: LintSettings['rules'], cache?: FileTreeCache): Promise<LintRun> {
  const rootTree = trees.get(options.root)
  const repositoryFiles = await rootTree.files
  const survey = await readSurvey(options.root, options.content, repositoryFiles, cache, options.threads)
  const targets = options.files.length > 0
    ? await resolveLintTargets(options.root, cwd, options.files, trees)
    : survey.hasContentFolder ? ownTargets(options.root, survey.own, rootTree) : await listTargets(options.root, cwd, trees)
  const {counts, ...reference} = survey.data ?? {}
  // One settings object per tree and kind of file: the findings cache hashes each once.
  const settings = new Map<string, LintSettings>()
  return {
    targets,
    survey,
    async settingsOf(target) {
      // Count claims of another list are about that list: the survey's counts are for our own files.
      const own = target.base === options.root && survey.own.includes(target.path)
      const key = `${own}\0${target.base}`
      if (!settings.has(key)) settings.set(key, {rules, data: {...base, files: await trees.get(target.base).files, ...reference, ...(own && counts ? {counts} : {})}})
      return settings.get(key)!
    }
  }
}

const noMarkdown = 'Unexpected lint without Markdown to read, expected files or folders, or a content folder (see --content)'

/** Our own files, less those `.fmrlignore` excludes. */
function ownTargets(root: string, own: readonly string[], tree: Tree): LintTarget[] {
  if (own.length === 0) throw new UsageError(noMarkdown)
  return own.filter((path) => !tree.ignores.ignores(path, 'lint')).map((path) => ({location: join(root, path), base: root, path, display: path}))
}

/** Without content/, the repository is another awesome list: its Markdown files, as `fmrl lint .` at the root finds them. */
async function listTargets(root: string, cwd: string, trees: Trees): Promise<LintTarget[]> {
  // A root without Markdown is the usage error below, not the folder's own: `fmrl lint` named no folder.
  return resolveLintTargets(root, cwd, [root], trees).catch((error: unknown) => {
    if (error instanceof UsageError) throw new UsageError(noMarkdown)
    throw error
  })
}

/**
 * `fmrl lint [files…]`: lint Markdown (by default content/ and the generated outputs); `--fix` applies
 * the safe fixes. A large run moves to a helper thread of bounded heap (`thread`, see lint-thread.ts).
 */
export async function lintCommand(options: LintOptions, io: Io, cwd: string, thread: LintThread = {}): Promise<number> {
  checkFormat(options.format)
  if (options.fix && options.files.includes(stdinArgument)) throw new UsageError('Unexpected `--fix` with `-`, expected files to fix in place (standard input has none)')
  const links = options.online ? parseLinkFlags(options.online) : undefined
  const read = await readLintConfig(options.root, options.config, cwd)
  if (!read.config) {
    io.err(formatHuman([read.file]))
    return exitCodes.usage
  }
  const base: Omit<LintData, 'files'> = {crossListings: read.config.crossListings, ignoreUrls: read.config.ignoreUrls}
  const rules = read.config.rules
  const trees = new Trees()
  const cache = options.cache ? new FileTreeCache(options.root) : undefined
  if (!options.onThread && mayLintOnThread(options) && movesToThread(await lintInputBytes(options, cwd, trees, cache), thread.minimum)) {
    const code = await lintOnThread({options, cwd, color: io.color}, io, thread)
    if (code !== undefined) return code
  }
  let run = await prepare(options, cwd, trees, base, rules, cache)
  if (options.fix && (await fixTargets(run, options.root, io))) run = await prepare(options, cwd, new Trees(), base, rules, cache)
  const files: VFile[] = []
  for (const target of run.targets) {
    const file = await readTarget(target, run.survey, options.root, io)
    const tree = run.survey.trees.get(file)
    // Dropped once linted, so the trees go one by one rather than all at the end.
    run.survey.trees.delete(file)
    // Standard input is no file a later run reads again.
    if (!isUnreadable(file)) lintTarget(file, await run.settingsOf(target), tree, target.location === stdinArgument ? undefined : cache)
    files.push(file)
  }
  // A run that read every file it lints by default keeps only their trees; one given files keeps the rest too.
  if (cache) await saveTreeCache(cache, {prune: options.files.length === 0, unchanged: 'the findings above are complete, the next run parses again (`--no-cache` skips the cache)'}, io, cwd)
  // Loaded only for --online: the link checker brings the HTTP client.
  if (links) await (await import('./links/run.js')).runLinkCheck(files, options.root, links, io, {progress: options.progress})
  // The rules saw paths relative to each file's tree; reports name files as the user does.
  run.targets.forEach((target, index) => {
    files[index]!.path = target.display
  })
  const note = contentNote(run, options)
  if (note) io.err(note)
  return finishReport(files, options, io)
}

/**
 * Apply the safe fixes to every target and write the changed files; when any target is not UTF-8,
 * write nothing (it is reported with its place). Whether any file changed (content/ is then read again).
 */
async function fixTargets(run: LintRun, root: string, io: Io): Promise<boolean> {
  const read = await Promise.all(run.targets.map(async (target) => ({target, file: await readTarget(target, run.survey, root, io)})))
  if (read.some(({file}) => isUnreadable(file))) {
    io.err('fmrl: nothing was fixed: a file is not UTF-8 (see below)')
    return false
  }
  let changed = false
  for (const {target, file} of read) {
    // A file cut at the size limit is never written back (its size-limit error is reported).
    if (file.data.cut) continue
    const settings = await run.settingsOf(target)
    const fixed = fixText(String(file.value), (current) => lintFile(new VFile({path: target.path, value: current}), settings))
    if (fixed.applied.length === 0) continue
    // Loaded only to fix: the writer brings the lock (proper-lockfile).
    const {writeOutput} = await import('../write.js')
    await writeOutput(target.base, {path: target.path, content: markdownBytes(file, fixed.text)})
    io.err(`${target.display}: ${fixed.applied.length} fix${fixed.applied.length === 1 ? '' : 'es'} applied`)
    changed = true
  }
  return changed
}

/** When content/ has errors none of the targets shows, say once that the checks against the survey were skipped. */
function contentNote(run: LintRun, options: LintOptions): string | undefined {
  const broken = run.survey.contentFiles.filter((file) => file.messages.some((message) => message.fatal))
  if (broken.length === 0 || run.survey.data?.survey) return undefined
  const shown = broken.every((file) => run.targets.some((target) => target.base === options.root && target.path === file.path))
  return shown ? undefined : `fmrl: ${options.content}/ has errors, so the checks against the survey were skipped: run \`fmrl lint ${options.content}\` to see them`
}

/** Print the findings (errors only with `quiet`) and give the exit code: 1 on errors, or on more warnings than `maxWarnings`. */
export function finishReport(files: readonly VFile[], options: ReportOptions, io: Io): number {
  const warnings = files.reduce((sum, file) => sum + file.messages.filter((message) => !message.fatal).length, 0)
  if (options.quiet) for (const file of files) file.messages = file.messages.filter((message) => message.fatal)
  const report = formatReport(options.format as LintFormat, files, {color: io.color?.out})
  if (report !== '') io.out(report)
  if (hasErrors(files)) return exitCodes.problems
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.err(`fmrl: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings} allows`)
    return exitCodes.problems
  }
  return exitCodes.ok
}
