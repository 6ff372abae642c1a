import {spawnSync} from 'node:child_process'
import {cp, mkdtemp, readdir, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, onTestFinished, test} from 'vitest'
import {repositoryRoot} from './helpers.js'

const {version} = JSON.parse(await readFile(join(repositoryRoot, 'packages/cli/package.json'), 'utf8')) as {version: string}
// pnpm without its update check (no network) or the git hook install.
const environment = {...process.env, npm_config_update_notifier: 'false', SKIP_INSTALL_SIMPLE_GIT_HOOKS: '1'}

function pnpm(args: string[], cwd: string) {
  const result = spawnSync('pnpm', args, {cwd, env: environment, encoding: 'utf8'})
  return {code: result.status, out: result.stdout, err: result.stderr}
}

describe('fmrl as a bin of the repository root', () => {
  test('pnpm exec fmrl and pnpm fmrl run the CLI from the root', () => {
    expect(pnpm(['exec', 'fmrl', '--version'], repositoryRoot)).toMatchObject({code: 0, out: `${version}\n`})
    expect(pnpm(['--silent', 'fmrl', '--version'], repositoryRoot)).toMatchObject({code: 0, out: `${version}\n`})
  }, 60_000)

  test('a fresh install links the bin before any build, and it says to build first', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'fmrl-install-'))
    onTestFinished(() => rm(copy, {recursive: true, force: true}))
    for (const path of ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml']) await cp(join(repositoryRoot, path), join(copy, path))
    for (const name of await readdir(join(repositoryRoot, 'packages'))) await cp(join(repositoryRoot, 'packages', name, 'package.json'), join(copy, 'packages', name, 'package.json'))
    await cp(join(repositoryRoot, 'packages/cli/bin'), join(copy, 'packages/cli/bin'), {recursive: true})
    // From the store this run's own install filled: no network.
    const install = pnpm(['install', '--offline', '--frozen-lockfile', '--ignore-scripts'], copy)
    expect(install.code, install.err).toBe(0)
    expect(`${install.out}${install.err}`).not.toContain('Failed to create bin')
    expect(pnpm(['exec', 'fmrl', '--version'], copy)).toMatchObject({code: 2, err: 'fmrl: Unexpected run before a build, expected packages/cli/bundle/bin.js: run `pnpm build` first\n'})
  }, 180_000)
})
