import {join} from 'node:path'
import {exitCodes, type Io} from '../../io.js'
import {readLintConfig} from '../../lint-config.js'
import {resolveLintTargets, Trees} from '../../lint-files.js'
import {checkFormat} from '../../lint-report.js'
import {isUnreadable} from '../../read-markdown.js'
import {formatHuman} from '../../report.js'
import {finishReport, readLintTarget, type ReportOptions} from '../lint.js'
import {urlsAtRef} from './changed.js'
import {parseLinkFlags, type LinkFlags} from './options.js'
import type {Progress} from './progress.js'
import {runLinkCheck} from './run.js'

export interface LinksCommandOptions extends ReportOptions {
  root: string
  content: string
  files: string[]
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
  const read = await readLintConfig(options.root, options.config, cwd)
  if (!read.config) {
    io.err(formatHuman([read.file]))
    return exitCodes.usage
  }
  const targets = await resolveLintTargets(options.root, cwd, options.files.length > 0 ? options.files : [join(options.root, options.content)], new Trees())
  const files = await Promise.all(targets.map((target) => readLintTarget(target, io)))
  files.forEach((file, index) => {
    file.path = targets[index]!.display
    file.data.fmrl = {ignoreUrls: read.config!.ignoreUrls}
  })
  const readable = files.filter((file) => !isUnreadable(file))
  const unchanged = options.changedSince === undefined ? undefined : await urlsAtRef(options.root, options.changedSince, readable.map((file) => file.path))
  await runLinkCheck(readable, options.root, run, io, {progress, unchanged})
  return finishReport(files, options, io)
}
