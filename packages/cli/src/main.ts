import {createRequire} from 'node:module'
import {resolve} from 'node:path'
import {Command, CommanderError, InvalidArgumentError} from 'commander'
import type {MethodFields} from '@fmrl/parser'
import {addFlags} from './commands/add-flags.js'
import type {Threads} from './threads.js'
import {addLinkFlags, type LinkFlags} from './commands/links/options.js'
import {exitCodes, fileErrorMessage, UsageError, type Io} from './io.js'
import {checkFormat, commandFormats} from './lint-report.js'
import {loadAsker} from './prompts.js'
import {findRoot} from './root.js'
import {recoverWrites} from './write.js'

// Each command's module is imported when it runs: `fmrl lint` need not load the renderers, LaTeX,
// the site, the importer or the HTTP client.
const {version} = createRequire(import.meta.url)('../package.json') as {version: string}

const lintHelp = `
Files: with no arguments, content/ and the generated Markdown outputs that exist (README.md, tables/*.md).
Arguments may be files (linted whatever their name), folders (their .md and .markdown files), globs
(quote them: 'docs/**/*.md') and - (standard input). Folders and globs skip .git/, node_modules/ and
what .gitignore and .fmrlignore files exclude (gitignore syntax, in any folder); a file named
explicitly is always linted. Files outside the root are linted with their own repository's files.

Root and configuration: --root defaults to the nearest folder at or above the working directory that
holds fmrl.config.json or .git; the configuration is <root>/fmrl.config.json when it exists, or --config
(relative to the working directory, or absolute).

Exit codes: 0 no errors (warnings allowed, up to --max-warnings), 1 errors (content errors included) or
too many warnings, 2 usage or configuration error, 130 interrupted (Ctrl-C).
Rules, configuration and ignore comments: packages/lint/README.md; flags: packages/cli/README.md`

/** The progress bar of the link check on standard error (its module loaded only when links are checked). */
async function loadProgress() {
  return (await import('./commands/links/progress.js')).terminalProgress(process.stderr)
}

/** A whole number of at least 0, for `--max-warnings`. */
function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of at least 0')
  return Number(value)
}

/** `--threads`: `auto`, `off`, or a whole number of threads from 1. */
function parseThreads(value: string): Threads {
  if (value === 'auto' || value === 'off') return value
  if (/^[1-9]\d*$/.test(value)) return Number(value)
  throw new InvalidArgumentError('expected auto, off or a number of threads from 1')
}

const exitCodeHelp = `
Exit codes:
  0    success (warnings allowed)
  1    problems found: content or lint errors, stale outputs
  2    usage or configuration error
  130  interrupted (Ctrl-C)`

/** Run the fmrl command line with `argv` (no node or script name); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io, cwd: string): Promise<number> {
  let code: number = exitCodes.ok
  const program = new Command('fmrl')
    .description('Build, check and lint the survey awesome list from its content/ folder')
    .exitOverride()
    .configureOutput({writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd())})
    .addHelpText('after', exitCodeHelp)
    .version(version, '-V, --version', 'print the version of fmrl')
    .option('--root <dir>', 'repository root the paths are relative to (default: the nearest folder up from here holding fmrl.config.json or .git)')
    .option('--content <dir>', 'content folder, relative to the root', 'content')
    // Before anything reads the outputs: finish (or undo) the write of a run that was killed.
    .hook('preAction', async () => recoverWrites(globals().root))
  const globals = () => {
    const options = program.opts<{root?: string; content: string}>()
    return {root: resolve(cwd, options.root ?? findRoot(cwd)), content: options.content}
  }
  const formatOption = ['--format <format>', 'report format: human or github (workflow annotations)', 'human'] as const
  const threadsOption = ['--threads <threads>', 'threads that parse content/ into the parse cache first (build: and render beside this one; lint: and lint 2 MiB of content/ or 4 MiB of other Markdown or more on one of bounded heap): auto (every core, from 1 MiB of text), off, or a number', parseThreads, 'auto' as Threads] as const
  program
    .command('build')
    .description('regenerate README.md and every other output from content/; writes nothing on a content error')
    .option(...formatOption)
    .option('--no-cache', 'parse content/ instead of reading the parse cache in .cache/fmrl/trees/, and record nothing there')
    .option(...threadsOption)
    .action(async (options: {format: string; cache: boolean; threads: Threads}) => {
      code = await (await import('./commands/build.js')).buildCommand({...globals(), cached: options.cache, threads: options.threads, format: checkFormat(options.format, commandFormats)}, io)
    })
  program
    .command('check')
    .description('compare every output with what content/ renders (a diff per stale file, hand edits traced to content/); never writes')
    .option('--adopt', 'write hand edits of generated tables into content/, then rebuild')
    .option(...formatOption)
    .option('--no-cache', 'render and parse content/ instead of reading what fmrl lint and fmrl build kept in .cache/fmrl/trees/ (check writes none)')
    .action(async (options: {adopt?: boolean; format: string; cache: boolean}) => {
      code = await (await import('./commands/check.js')).checkCommand({...globals(), adopt: options.adopt === true, cached: options.cache, format: checkFormat(options.format, commandFormats)}, io)
    })
  const add = program
    .command('add')
    .description('append a method to content/methods/<role>.md in canonical form, check it, then rebuild; on a terminal, asks for missing fields')
    .addHelpText('after', '\nExit codes: 0 added and rebuilt; 1 duplicate, content or lint errors; 2 missing or invalid flags. Nothing is written unless it exits 0.')
  for (const [flag, what] of addFlags) add.option(`${flag} <value>`, what)
  add.option(...formatOption)
  add.action(async ({format, ...fields}: MethodFields & {format: string}) => {
    code = await (await import('./commands/add.js')).addCommand({...globals(), format: checkFormat(format, commandFormats), fields, ask: process.stdin.isTTY && process.stdout.isTTY ? await loadAsker() : undefined, runCommand: (args) => main(args, io, cwd)}, io)
  })
  program
    .command('import')
    .description('read hand-kept awesome lists (tables, bullet lists, per-paper blocks, HTML tables) into content/, merging with what is there')
    .argument('<files...>', 'Markdown files of the lists to import')
    .option('--into <dir>', 'content folder to write or merge into, relative to the root or absolute (default: --content)')
    .option('--dry-run', 'print the diff of the content files instead of writing them')
    .option('--prefer <side>', 'which value a conflict keeps: existing (the default) or incoming', 'existing')
    .option('--format <format>', 'report format: human or json', 'human')
    .addHelpText('after', '\nEvery table cell, list entry and part of an entry is mapped to the model or listed in the report.\nExit codes: 0 imported (or nothing to change); 1 a list without recognisable entries, or content/ not in canonical form; 2 usage error.')
    .action(async (files: string[], options: {into?: string; dryRun?: boolean; prefer: string; format: string}) => {
      if (options.prefer !== 'existing' && options.prefer !== 'incoming') throw new UsageError(`Unexpected \`--prefer ${options.prefer}\`, expected \`existing\` or \`incoming\``)
      const global = globals()
      code = await (await import('./commands/import.js')).importCommand({root: global.root, files, into: options.into ?? global.content, dryRun: options.dryRun === true, preferIncoming: options.prefer === 'incoming', format: options.format}, io, cwd)
    })
  program
    .command('pre-commit')
    .description('what the git pre-commit hook runs: lint the staged content/ files, then check')
    .action(async () => {
      code = await (await import('./hook.js')).preCommitCommand(globals(), io, (args) => main(args, io, cwd))
    })
  const lint = program
    .command('lint')
    .description('lint Markdown: links, symbols, duplicates, consistency (default: content/ and the generated Markdown outputs; without content/, the Markdown files of the root)')
    .argument('[files...]', 'files, folders, globs or - (standard input) to lint (any awesome-list Markdown)')
    .option('--fix', 'apply the safe fixes (mojibake, symbol variants, URL normalization) to the files')
  addReportFlags(lint, 'configuration file, relative to the working directory (default: <root>/fmrl.config.json when it exists)')
    .option('--online', 'also check the external links over the network, as `fmrl links` does (its flags apply)')
    .option(...threadsOption)
    .addHelpText('after', lintHelp)
  addLinkFlags(lint).action(async (files: string[], options: LinkFlags & ReportFlags & {format: string; fix?: boolean; config?: string; online?: boolean; threads: Threads}) => {
    const {format, fix, config, online, quiet, maxWarnings, threads, ...flags} = options
    code = await (await import('./commands/lint.js')).lintCommand({...globals(), files, format, quiet, maxWarnings, fix: fix === true, config, cache: flags.cache !== false, threads, online: online ? flags : undefined, progress: online ? await loadProgress() : undefined}, io, cwd)
  })
  const links = program
    .command('links')
    .description('check the external links of content/ (or of the given Markdown files) over the network: dead, redirected, unknown')
    .argument('[files...]', 'files, folders, globs or - (standard input) to check (any awesome-list Markdown)')
  addReportFlags(links, 'configuration file (its ignoreUrls apply), relative to the working directory')
    .option('--changed-since <ref>', 'check only the URLs added or changed since a git ref (for pull requests)')
    .addHelpText('after', '\nExit codes: 0 no dead link, 1 dead links (or file:/javascript: URLs) found, 2 usage or configuration error.\nClasses, host handling and the cache: packages/cli/README.md')
  addLinkFlags(links).action(async (files: string[], options: LinkFlags & ReportFlags & {format: string; config?: string; changedSince?: string}) => {
    const {format, config, changedSince, quiet, maxWarnings, ...flags} = options
    code = await (await import('./commands/links/command.js')).linksCommand({...globals(), files, format, quiet, maxWarnings, config, changedSince, flags}, io, cwd, await loadProgress())
  })
  try {
    await program.parseAsync([...argv], {from: 'user'})
    return code
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage
    if (error instanceof UsageError) {
      io.err(`fmrl: ${error.message}`)
      return exitCodes.usage
    }
    const message = fileErrorMessage(error, cwd)
    if (message === undefined) throw error
    io.err(`fmrl: ${message}`)
    return exitCodes.usage
  }
}

/** The report flags lint and links share: the format, `--quiet`, `--max-warnings` and the configuration file. */
function addReportFlags(command: Command, configHelp: string): Command {
  return command
    .option('--format <format>', 'output format: human, json or github', 'human')
    .option('--quiet', 'print errors only (warnings still count for --max-warnings)')
    .option('--max-warnings <count>', 'exit 1 when there are more warnings than this', parseCount)
    .option('--config <file>', configHelp)
}

/** `--quiet` and `--max-warnings` as commander gives them. */
interface ReportFlags {
  quiet?: boolean
  maxWarnings?: number
}
