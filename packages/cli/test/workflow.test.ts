import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {validateWorkflow, type ValidationError} from '@action-validator/core'
import {parse} from 'yaml'
import {describe, expect, test} from 'vitest'
import {renderFromContent} from '../src/build.js'
import {git} from './git-repository.js'
import {repositoryRoot} from './helpers.js'

const workflows = join(repositoryRoot, '.github/workflows')
const ci = await readFile(join(workflows, 'ci.yml'), 'utf8')

/** Every leaf of a validation result as `path: detail`, sorted: action-validator nests a oneOf's branches in no fixed order. */
function leaves(errors: readonly ValidationError[]): string[] {
  return errors.flatMap((error): string[] => {
    if ('states' in error && error.states) return leaves(error.states.flatMap((state) => state.errors))
    return [`${'path' in error ? error.path : ''}: ${error.detail ?? error.title}`]
  }).sort()
}

describe('GitHub workflows', () => {
  test('every workflow is valid against the workflow schema (checked offline by action-validator)', async () => {
    const files = (await readdir(workflows)).filter((name) => /\.ya?ml$/.test(name))
    expect(files).toEqual(['ci.yml'])
    for (const file of files) expect(validateWorkflow(await readFile(join(workflows, file), 'utf8')), file).toEqual({actionType: 'workflow', errors: []})
  })

  test('the validator rejects a misspelled trigger, naming it', () => {
    expect(leaves(validateWorkflow(ci.replace('  pull_request:\n', '  pull_requests:\n')).errors)).toEqual([
      "/on: Additional property 'pull_requests' is not allowed",
      '/on: Enum conditions are not met',
      '/on: The value must be array',
      '/on: The value must be string'
    ])
  })

  test('the validator rejects broken YAML at its line and column', () => {
    const line = ci.split('\n').indexOf('      - name: Build') + 2
    expect(leaves(validateWorkflow(ci.replace('      - name: Build\n', '      - name: Build\n   ')).errors)).toEqual([
      `: mapping values are not allowed in this context at line ${line} column 15`
    ])
  })

  test('runs on pull requests and on pushes to main', () => {
    const workflow = parse(ci) as {on: Record<string, unknown>}
    expect(workflow.on).toEqual({pull_request: null, push: {branches: ['main']}, workflow_dispatch: null})
  })

  test('.ci/run runs the same pnpm steps, in the same order', async () => {
    const steps = (text: string) => [...text.matchAll(/^\s*(?:run: )?(pnpm [a-z]+(?: --[a-z-]+)*)(?: --format github)?$/gm)].map((match) => match[1]!)
    const local = await readFile(join(repositoryRoot, '.ci/run'), 'utf8')
    expect(steps(ci)).toEqual(['pnpm install --frozen-lockfile', 'pnpm build', 'pnpm check', 'pnpm lint', 'pnpm test'])
    expect(steps(local)).toEqual(steps(ci))
  })

  test('.ci/run installs the same Debian packages for the LaTeX test', async () => {
    const local = await readFile(join(repositoryRoot, '.ci/run'), 'utf8')
    const workflowPackages = /apt-get install -y --no-install-recommends ([a-z0-9 .+-]+)$/m.exec(ci)?.[1]?.split(' ')
    expect(workflowPackages).toEqual(['texlive-luatex', 'texlive-latex-recommended', 'lmodern', 'fonts-noto-core', 'fonts-noto-cjk', 'fonts-symbola', 'poppler-utils'])
    expect(/^tex_packages="([^"]+)"$/m.exec(local)?.[1]?.split(' ')).toEqual(workflowPackages)
  })
})

describe('turbo', {timeout: 30_000}, () => {
  /** A turbo output glob as a regular expression: `*` within a folder, `**` across folders. */
  const globPattern = (glob: string) => new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\0').replace(/\*/g, '[^/]*').replace(/\0/g, '.*')}$`)

  test('the generate task caches exactly the files fmrl build generates, and reads only content/', async () => {
    const {tasks} = JSON.parse(await readFile(join(repositoryRoot, 'turbo.json'), 'utf8')) as {tasks: Record<string, {inputs: string[]; outputs: string[]}>}
    const generate = tasks['//#generate']!
    const patterns = generate.outputs.map(globPattern)
    const committed = git(repositoryRoot, 'ls-files').split('\n').filter((path) => patterns.some((pattern) => pattern.test(path)))
    const rendered = await renderFromContent(repositoryRoot, 'content')
    expect(committed.sort()).toEqual(rendered.outputs!.map((output) => output.path).sort())
    expect(generate.inputs).toEqual(['content/**'])
  })
})
