import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {VFile} from 'vfile'
import {exitCodes, type Io} from '../../io.js'
import {readLintConfig} from '../../lint-config.js'
import {listRepositoryFiles, resolveLintTargets} from '../../lint-files.js'
import {formatHuman, hasErrors} from '../../report.js'
import {checkFormat, formatReport} from '../lint.js'
import {urlsAtRef} from './changed.js'
import {parseLinkFlags, type LinkFlags} from './options.js'
import type {Progress} from './progress.js'
import {runLinkCheck} from './run.js'

export interface LinksCommandOptions {
  root: string
  content: string
  files: string[]
  format: string
  config: string | undefined
  changedSince: string | undefined
  flags: LinkFlags
}

/**
 * `fmrl links [files…]`: check every external URL of content/ (or of the given Markdown files) over
 * the network; the same outputs and exit codes as `fmrl lint` (1 when a link is dead).
 */
export async function linksCommand(options: LinksCommandOptions, io: Io, cwd: string, progress?: Progress): Promise<number> {
  checkFormat(options.format)
  const run = parseLinkFlags(options.flags)
  const read = await readLintConfig(options.root, options.config)
  if (!read.config) {
    io.err(formatHuman([read.file]))
    return exitCodes.usage
  }
  const repositoryFiles = await listRepositoryFiles(options.root)
  const paths = await resolveLintTargets(options.root, cwd, options.files.length > 0 ? options.files : [join(options.root, options.content)], repositoryFiles)
  const files: VFile[] = []
  for (const path of paths) {
    const file = new VFile({path, value: await readFile(join(options.root, path), 'utf8')})
    file.data.fmrl = {ignoreUrls: read.config.ignoreUrls}
    files.push(file)
  }
  const unchanged = options.changedSince === undefined ? undefined : await urlsAtRef(options.root, options.changedSince, paths)
  await runLinkCheck(files, options.root, run, io, {progress, unchanged})
  const report = formatReport(checkFormat(options.format), files)
  if (report !== '') io.out(report)
  return hasErrors(files) ? exitCodes.problems : exitCodes.ok
}
