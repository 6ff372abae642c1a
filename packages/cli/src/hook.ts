import {resolve} from 'node:path'
import {checkCommand} from './commands/check.js'
import {readStaged} from './git.js'
import {exitCodes, UsageError, type Io} from './io.js'

export interface PreCommitOptions {
  root: string
  content: string
}

/** Run another fmrl command in the same process (one node start keeps the hook fast). */
export type RunCommand = (argv: string[]) => Promise<number>

/**
 * `fmrl pre-commit`, what the git pre-commit hook runs: lint the content/ files staged for commit,
 * then check that every generated file matches content/. Lint reads the files as they are in the
 * working tree, so stage what you linted. Exit 1 blocks the commit; `git commit --no-verify` skips it.
 * Outside a git repository it is a usage error (exit 2).
 */
export async function preCommitCommand(options: PreCommitOptions, io: Io, runCommand: RunCommand): Promise<number> {
  const index = await readStaged(options.root, options.content)
  // Outside git nothing can be staged: linting nothing and passing would look like a clean commit.
  if (!index) throw new UsageError('Unexpected `fmrl pre-commit` outside a git repository, expected to run as its pre-commit hook: lint with `fmrl lint` and check the outputs with `fmrl check`')
  const staged = index.filter((path) => path.endsWith('.md'))
  const say = (text: string) => io.err(`fmrl pre-commit: ${text}`)
  let code: number = exitCodes.ok
  if (staged.length > 0) {
    say(`linting ${staged.length} staged content file${staged.length === 1 ? '' : 's'}`)
    code = Math.max(code, await runCommand(['--root', options.root, '--content', options.content, 'lint', ...staged.map((path) => resolve(options.root, path))]))
  }
  // Lint just kept what content/ read into: check reads it instead of parsing again.
  code = Math.max(code, await checkCommand({...options, cached: true}, io))
  if (code !== exitCodes.ok) say('commit blocked: fix the problems above (or skip this check with `git commit --no-verify`)')
  return code
}
