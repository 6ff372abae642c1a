import {join} from 'node:path'
import {fixText, lintFile, surveyData, type LintData, type LintSettings} from '@fmrl/lint'
import {parseContent} from '@fmrl/parser'
import {renderOutputs} from '@fmrl/render'
import {VFile} from 'vfile'
import {readContentFiles} from '../content-files.js'
import {exitCodes, UsageError, type Io} from '../io.js'
import {readLintConfig} from '../lint-config.js'
import {listRepositoryFiles, resolveLintTargets} from '../lint-files.js'
import {formatGithub, formatJson, lintFormats, type LintFormat} from '../lint-report.js'
import {readMarkdownFile} from '../read.js'
import {readMarkdown} from '../read-markdown.js'
import {formatHuman, hasErrors} from '../report.js'
import {writeOutput} from '../write.js'
import {runLinkCheck} from './links/run.js'
import {parseLinkFlags, type LinkFlags} from './links/options.js'
import type {Progress} from './links/progress.js'

export interface LintOptions {
  root: string
  content: string
  files: string[]
  format: string
  fix: boolean
  config: string | undefined
  /** `--online`: the link-check flags; the external links are checked too. */
  online?: LinkFlags | undefined
  progress?: Progress | undefined
}

/** The survey's lint data, and our own files (content/ and the generated Markdown) that exist. */
async function readSurvey(root: string, content: string, repositoryFiles: readonly string[]): Promise<{data: LintData | undefined; own: string[]; note: string | undefined}> {
  // Linting another list needs no content folder; any other error reading it is the user's to see.
  const files = await readContentFiles(root, content).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' && error.path === join(root, content)) return []
    throw error
  })
  const {survey, sources} = files.length > 0 ? parseContent(files) : {survey: undefined, sources: undefined}
  const outputs = survey ? renderOutputs(survey).map((output) => output.path) : ['README.md', ...repositoryFiles.filter((path) => path.startsWith('tables/'))]
  const own = [...files.map((file) => file.path), ...outputs.filter((path) => path.endsWith('.md') && repositoryFiles.includes(path))]
  const note = files.length > 0 && !survey ? `fmrl: ${content}/ has errors (run \`fmrl build\` to see them): checks against the survey were skipped` : undefined
  return {data: survey && surveyData(survey, sources), own, note}
}

/** `fmrl lint [files…]`: lint Markdown (by default content/ and the generated outputs); `--fix` applies the safe fixes. */
export async function lintCommand(options: LintOptions, io: Io, cwd: string): Promise<number> {
  checkFormat(options.format)
  const links = options.online ? parseLinkFlags(options.online) : undefined
  const read = await readLintConfig(options.root, options.config)
  if (!read.config) {
    io.err(formatHuman([read.file]))
    return exitCodes.usage
  }
  const repositoryFiles = await listRepositoryFiles(options.root)
  const {data: surveyLintData, own, note} = await readSurvey(options.root, options.content, repositoryFiles)
  if (note) io.err(note)
  const targets = options.files.length > 0 ? await resolveLintTargets(options.root, cwd, options.files, repositoryFiles) : own
  if (targets.length === 0) throw new UsageError('Unexpected lint without Markdown to read, expected files or folders, or a content folder (see --content)')
  const base: LintData = {files: repositoryFiles, crossListings: read.config.crossListings, ignoreUrls: read.config.ignoreUrls}
  const files: VFile[] = []
  for (const path of targets) {
    const {counts, ...reference} = surveyLintData ?? {}
    // Count claims of another list are about that list: the survey's counts are for our own files.
    const data: LintData = {...base, ...reference, ...(own.includes(path) && counts ? {counts} : {})}
    const settings: LintSettings = {rules: read.config.rules, data}
    const markdown = await readMarkdownFile(join(options.root, path))
    if (markdown.invalid) {
      // Bytes that are not UTF-8: the error is the finding, and --fix writes nothing.
      files.push(await readMarkdown(options.root, path))
      continue
    }
    let text = markdown.text
    // A file cut at the size limit is never written back.
    if (options.fix && markdown.complete) {
      const fixed = fixText(text, (current) => lintFile(new VFile({path, value: current}), settings))
      if (fixed.applied.length > 0) {
        await writeOutput(options.root, {path, content: fixed.text})
        io.err(`${path}: ${fixed.applied.length} fix${fixed.applied.length === 1 ? '' : 'es'} applied`)
        text = fixed.text
      }
    }
    const file = new VFile({path, value: text})
    lintFile(file, settings)
    files.push(file)
  }
  if (links) await runLinkCheck(files, options.root, links, io, {progress: options.progress})
  const report = formatReport(options.format as LintFormat, files)
  if (report !== '') io.out(report)
  return hasErrors(files) ? exitCodes.problems : exitCodes.ok
}

/** The output format a flag names; a usage error for any other. */
export function checkFormat(format: string): LintFormat {
  if (!(lintFormats as readonly string[]).includes(format)) {
    throw new UsageError(`Unexpected format \`${format}\`, expected one of ${lintFormats.map((known) => `\`${known}\``).join(', ')}`)
  }
  return format as LintFormat
}

/** The findings of files in an output format. */
export function formatReport(format: LintFormat, files: readonly VFile[]): string {
  if (format === 'json') return formatJson(files)
  if (format === 'github') return formatGithub(files)
  return formatHuman(files)
}
