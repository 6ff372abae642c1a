import {spawnSync} from 'node:child_process'
import {appendFile, copyFile, readFile, symlink, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {builtRepository, git} from './git-repository.js'
import {repositoryRoot, run, temporaryRepository} from './helpers.js'

/**
 * A built, committed repository with the pre-commit hook installed the way `pnpm install` does it:
 * the root package.json's simple-git-hooks config, installed by simple-git-hooks itself. `packages`
 * links to this repository's packages, so the hook runs the real built CLI.
 */
async function hookedRepository(): Promise<{root: string; matching: string}> {
  const {root, outputs} = await builtRepository()
  await symlink(join(repositoryRoot, 'packages'), join(root, 'packages'), 'dir')
  await copyFile(join(repositoryRoot, 'package.json'), join(root, 'package.json'))
  await appendFile(join(root, '.git/info/exclude'), '/packages\n/package.json\n')
  spawnSync(process.execPath, [join(repositoryRoot, 'node_modules/simple-git-hooks/cli.js')], {cwd: root, encoding: 'utf8', env: hookEnvironment()})
  const {'simple-git-hooks': hooks} = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {'simple-git-hooks': {'pre-commit': string}}
  expect((await readFile(join(root, '.git/hooks/pre-commit'), 'utf8')).endsWith(`\n${hooks['pre-commit']}`)).toBe(true)
  return {root, matching: `All ${outputs.length} generated files match content/.`}
}

function hookEnvironment(): NodeJS.ProcessEnv {
  const {SKIP_SIMPLE_GIT_HOOKS: _skip, SKIP_INSTALL_SIMPLE_GIT_HOOKS: _skipInstall, ...environment} = process.env
  return {...environment, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'fmrl test', GIT_AUTHOR_EMAIL: 'test@fmrl.invalid', GIT_COMMITTER_NAME: 'fmrl test', GIT_COMMITTER_EMAIL: 'test@fmrl.invalid'}
}

/** `git commit` as a contributor runs it, hook included. */
function commit(root: string, ...args: string[]): {status: number | null; stdout: string; stderr: string} {
  const {status, stdout, stderr} = spawnSync('git', ['commit', '--quiet', '--message', 'Change', ...args], {cwd: root, encoding: 'utf8', env: hookEnvironment()})
  return {status, stdout: stdout.trimEnd(), stderr: stderr.trimEnd()}
}

async function replace(path: string, from: string, to: string): Promise<void> {
  const text = await readFile(path, 'utf8')
  expect(text.split(from).length).toBe(2)
  await writeFile(path, text.replace(from, to))
}

// Each test builds, then commits through the hook, which starts node to lint and check every output
// (the web page among them); beside turbo's other test runs on two cores that takes past 30 s.
describe('pre-commit hook', {timeout: 60_000}, () => {
  test('installed from package.json: blocks a commit whose staged content has a lint error, and --no-verify skips it', async () => {
    const {root, matching} = await hookedRepository()
    await replace(join(root, 'content/references.md'), 'Thomas Carta, Clément Romac', 'Thomas Carta, ClÃ©ment Romac')
    expect((await run(['build'], root)).code).toBe(0)
    git(root, 'add', '--all')
    const head = git(root, 'rev-parse', 'HEAD')
    const blocked = commit(root)
    expect(blocked.status).toBe(1)
    // git sends a hook's standard output to standard error, so everything the hook says is in order here.
    expect(blocked).toEqual({
      status: 1,
      stdout: '',
      stderr: [
        'fmrl pre-commit: linting 1 staged content file',
        'content/references.md:7:40: error: Unexpected mojibake `Ã©`, expected `é` (UTF-8 read as Windows-1252) (no-mojibake)',
        '1 error, 0 warnings',
        matching,
        'fmrl pre-commit: commit blocked: fix the problems above (or skip this check with `git commit --no-verify`)'
      ].join('\n')
    })
    expect(git(root, 'rev-parse', 'HEAD')).toBe(head)
    expect(commit(root, '--no-verify')).toEqual({status: 0, stdout: '', stderr: ''})
    expect(git(root, 'rev-parse', 'HEAD')).not.toBe(head)
  })

  test('blocks a content change committed without rebuilding, naming the fix', async () => {
    const {root} = await hookedRepository()
    await replace(join(root, 'content/methods/agent.md'), '| AGILE | Feng et al., 2024 | Meerkat, Vicuna-1.5 | ✓\\* |', '| AGILE | Feng et al., 2024 | Meerkat, Vicuna-1.5 | × |')
    git(root, 'add', '--all')
    const blocked = commit(root)
    const lines = blocked.stderr.split('\n')
    expect(blocked.status).toBe(1)
    expect(lines[0]).toBe('fmrl pre-commit: linting 1 staged content file')
    expect(lines[1]).toBe('--- a/README.md\ton disk')
    const stale = lines.filter((line) => line.startsWith('--- a/')).length
    expect(lines.slice(-2)).toEqual([
      `${stale} generated files are stale: run \`pnpm build\` to regenerate them from content/.`,
      'fmrl pre-commit: commit blocked: fix the problems above (or skip this check with `git commit --no-verify`)'
    ])
  })

  test('lets a clean, rebuilt change through', async () => {
    const {root, matching} = await hookedRepository()
    await replace(join(root, 'content/methods/agent.md'), '| AGILE | Feng et al., 2024 | Meerkat, Vicuna-1.5 | ✓\\* |', '| AGILE | Feng et al., 2024 | Meerkat, Vicuna-1.5 | × |')
    await run(['build'], root)
    git(root, 'add', '--all')
    const passed = commit(root)
    expect(passed).toEqual({status: 0, stdout: '', stderr: `fmrl pre-commit: linting 1 staged content file\n${matching}`})
  })

  test('outside a git repository it says so and exits 2: nothing staged is not a clean commit', async () => {
    // Built, so that a check alone passes: the hook must not pass by linting nothing.
    const root = await temporaryRepository()
    expect((await run(['build'], root)).code).toBe(0)
    expect(await run(['pre-commit'], root)).toEqual({
      code: 2,
      out: '',
      err: 'fmrl: Unexpected `fmrl pre-commit` outside a git repository, expected to run as its pre-commit hook: lint with `fmrl lint` and check the outputs with `fmrl check`'
    })
  })
})
