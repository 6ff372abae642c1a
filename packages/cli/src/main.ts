import {Command, CommanderError} from 'commander'
import type {MethodFields} from '@fmrl/parser'
import {addCommand, addFlags} from './commands/add.js'
import {buildCommand} from './commands/build.js'
import {checkCommand} from './commands/check.js'
import {importCommand} from './commands/import.js'
import {lintCommand} from './commands/lint.js'
import {linksCommand} from './commands/links/command.js'
import {addLinkFlags, type LinkFlags} from './commands/links/options.js'
import {terminalProgress} from './commands/links/progress.js'
import {preCommitCommand} from './hook.js'
import {exitCodes, fileErrorMessage, UsageError, type Io} from './io.js'
import {loadAsker} from './prompts.js'
import {recoverWrites} from './write.js'

const exitCodeHelp = `
Exit codes:
  0  success (warnings allowed)
  1  problems found: content or lint errors, stale outputs
  2  usage or configuration error`

/** Run the fmrl command line with `argv` (no node or script name); resolves to the exit code. */
export async function main(argv: readonly string[], io: Io, cwd: string): Promise<number> {
  let code: number = exitCodes.ok
  const program = new Command('fmrl')
    .description('Build, check and lint the survey awesome list from its content/ folder')
    .exitOverride()
    .configureOutput({writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd())})
    .addHelpText('after', exitCodeHelp)
    .option('--root <dir>', 'repository root the paths are relative to', cwd)
    .option('--content <dir>', 'content folder, relative to the root', 'content')
    // Before anything reads the outputs: finish (or undo) the write of a run that was killed.
    .hook('preAction', async () => recoverWrites(program.opts<{root: string}>().root))
  program
    .command('build')
    .description('regenerate README.md and every other output from content/; writes nothing on a content error')
    .action(async () => {
      code = await buildCommand(program.opts<{root: string; content: string}>(), io)
    })
  program
    .command('check')
    .description('compare every output with what content/ renders (a diff per stale file, hand edits traced to content/); never writes')
    .option('--adopt', 'write hand edits of generated tables into content/, then rebuild')
    .action(async (options: {adopt?: boolean}) => {
      code = await checkCommand({...program.opts<{root: string; content: string}>(), adopt: options.adopt === true}, io)
    })
  const add = program
    .command('add')
    .description('append a method to content/methods/<role>.md in canonical form, check it, then rebuild; on a terminal, asks for missing fields')
    .addHelpText('after', '\nExit codes: 0 added and rebuilt; 1 duplicate, content or lint errors; 2 missing or invalid flags. Nothing is written unless it exits 0.')
  for (const [flag, what] of addFlags) add.option(`${flag} <value>`, what)
  add.action(async (fields: MethodFields) => {
    code = await addCommand({...program.opts<{root: string; content: string}>(), fields, ask: process.stdin.isTTY && process.stdout.isTTY ? await loadAsker() : undefined, runCommand: (args) => main(args, io, cwd)}, io)
  })
  program
    .command('import')
    .description('read hand-kept awesome lists (tables, bullet lists, per-paper blocks, HTML tables) into content/, merging with what is there')
    .argument('<files...>', 'Markdown files of the lists to import')
    .option('--into <dir>', 'content folder to write or merge into, relative to the root (default: --content)')
    .option('--dry-run', 'print the diff of the content files instead of writing them')
    .option('--prefer <side>', 'which value a conflict keeps: existing (the default) or incoming', 'existing')
    .option('--format <format>', 'report format: human or json', 'human')
    .addHelpText('after', '\nEvery table cell, list entry and part of an entry is mapped to the model or listed in the report.\nExit codes: 0 imported (or nothing to change); 1 a list without recognisable entries, or content/ not in canonical form; 2 usage error.')
    .action(async (files: string[], options: {into?: string; dryRun?: boolean; prefer: string; format: string}) => {
      if (options.prefer !== 'existing' && options.prefer !== 'incoming') throw new UsageError(`Unexpected \`--prefer ${options.prefer}\`, expected \`existing\` or \`incoming\``)
      const global = program.opts<{root: string; content: string}>()
      code = await importCommand({root: global.root, files, into: options.into ?? global.content, dryRun: options.dryRun === true, preferIncoming: options.prefer === 'incoming', format: options.format}, io, cwd)
    })
  program
    .command('pre-commit')
    .description('what the git pre-commit hook runs: lint the staged content/ files, then check')
    .action(async () => {
      code = await preCommitCommand(program.opts<{root: string; content: string}>(), io, (args) => main(args, io, cwd))
    })
  const lint = program
    .command('lint')
    .description('lint Markdown: links, symbols, duplicates, consistency (default: content/ and the generated Markdown outputs)')
    .argument('[files...]', 'files or folders to lint (any awesome-list Markdown)')
    .option('--format <format>', 'output format: human, json or github', 'human')
    .option('--fix', 'apply the safe fixes (mojibake, symbol variants, URL normalization) to the files')
    .option('--config <file>', 'configuration file, relative to the root (default: fmrl.config.json when it exists)')
    .option('--online', 'also check the external links over the network, as `fmrl links` does (its flags apply)')
    .addHelpText('after', '\nExit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or configuration error.\nRules, configuration and ignore comments: packages/lint/README.md')
  addLinkFlags(lint).action(async (files: string[], options: LinkFlags & {format: string; fix?: boolean; config?: string; online?: boolean}) => {
    const {format, fix, config, online, ...flags} = options
    code = await lintCommand({...program.opts<{root: string; content: string}>(), files, format, fix: fix === true, config, online: online ? flags : undefined, progress: online ? terminalProgress(process.stderr) : undefined}, io, cwd)
  })
  const links = program
    .command('links')
    .description('check the external links of content/ (or of the given Markdown files) over the network: dead, redirected, unknown')
    .argument('[files...]', 'files or folders to check (any awesome-list Markdown)')
    .option('--format <format>', 'output format: human, json or github', 'human')
    .option('--config <file>', 'configuration file (its ignoreUrls apply), relative to the root')
    .option('--changed-since <ref>', 'check only the URLs added or changed since a git ref (for pull requests)')
    .addHelpText('after', '\nExit codes: 0 no dead link, 1 dead links (or file:/javascript: URLs) found, 2 usage or configuration error.\nClasses, host handling and the cache: packages/cli/README.md')
  addLinkFlags(links).action(async (files: string[], options: LinkFlags & {format: string; config?: string; changedSince?: string}) => {
    const {format, config, changedSince, ...flags} = options
    code = await linksCommand({...program.opts<{root: string; content: string}>(), files, format, config, changedSince, flags}, io, cwd, terminalProgress(process.stderr))
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
