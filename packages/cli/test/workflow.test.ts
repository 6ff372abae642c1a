import {readFileSync} from 'node:fs'
import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {validateWorkflow, type ValidationError} from '@action-validator/core'
import {parse} from 'yaml'
import {describe, expect, test} from 'vitest'
import {LinksOptions} from '@fmrl/model'
import {siteDirectory} from '@fmrl/render'
import {renderFromContent} from '../src/build.js'
import {git} from './git-repository.js'
import {repositoryRoot} from './helpers.js'

const workflows = join(repositoryRoot, '.github/workflows')
const ci = await readFile(join(workflows, 'ci.yml'), 'utf8')
const pages = await readFile(join(workflows, 'pages.yml'), 'utf8')

interface Step {
  uses?: string
  run?: string
  with?: Record<string, unknown>
  id?: string
}
interface Workflow {
  on: Record<string, unknown>
  permissions: Record<string, string>
  jobs: Record<string, {needs?: string; environment?: {name: string; url: string}; steps: Step[]}>
}

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
    expect(files).toEqual(['ci.yml', 'links.yml', 'pages.yml'])
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

  test('.ci/run and CI install the same Debian packages: LuaLaTeX and fonts for the LaTeX test, Chromium for the browser tests', async () => {
    const local = await readFile(join(repositoryRoot, '.ci/run'), 'utf8')
    const workflowPackages = /apt-get install -y --no-install-recommends ([a-z0-9 .+-]+)$/m.exec(ci)?.[1]?.split(' ')
    expect(workflowPackages).toEqual(['texlive-luatex', 'texlive-latex-recommended', 'lmodern', 'fonts-noto-core', 'fonts-noto-cjk', 'fonts-symbola', 'poppler-utils', 'chromium'])
    expect(/^system_packages="([^"]+)"$/m.exec(local)?.[1]?.split(' ')).toEqual(workflowPackages)
  })

  test('Pages: on pushes to main, builds, checks the committed page, uploads site/ and deploys it', () => {
    const workflow = parse(pages) as Workflow
    expect(workflow.on).toEqual({push: {branches: ['main']}, workflow_dispatch: null})
    expect(workflow.permissions).toEqual({contents: 'read', pages: 'write', 'id-token': 'write'})
    const build = workflow.jobs.build!.steps
    expect(build.map((step) => step.uses ?? step.run)).toEqual([
      'actions/checkout@v4', 'pnpm/action-setup@v4', 'actions/setup-node@v4',
      'pnpm install --frozen-lockfile', 'pnpm build', `git diff --exit-code -- ${siteDirectory}`, 'actions/upload-pages-artifact@v3'
    ])
    expect(build.at(-1)!.with).toEqual({path: siteDirectory})
    const deploy = workflow.jobs.deploy!
    expect(deploy.needs).toBe('build')
    expect(deploy.environment).toEqual({name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}'})
    expect(deploy.steps).toEqual([{id: 'deployment', uses: 'actions/deploy-pages@v4'}])
  })

  test('.ci/run runs the same pnpm steps, in the same order', async () => {
    const steps = (text: string) => [...text.matchAll(/^\s*(?:run: )?(pnpm [a-z]+(?: --[a-z-]+)*)(?: --format github)?$/gm)].map((match) => match[1]!)
    const local = await readFile(join(repositoryRoot, '.ci/run'), 'utf8')
    expect(steps(ci)).toEqual(['pnpm install --frozen-lockfile', 'pnpm build', 'pnpm check', 'pnpm lint', 'pnpm typecheck', 'pnpm test'])
    expect(steps(local)).toEqual(steps(ci))
  })

})

describe('the links workflow', () => {
  interface Step {name?: string; if?: string; uses?: string; run?: string; with?: Record<string, unknown>}
  const links = parse(readFileSync(join(workflows, 'links.yml'), 'utf8')) as {on: Record<string, unknown>; jobs: {links: {steps: Step[]}}}
  const steps = links.jobs.links.steps
  const index = (match: (step: Step) => boolean) => steps.findIndex(match)

  test('runs weekly, on demand, and on pull requests that touch content/', () => {
    expect(links.on).toEqual({schedule: [{cron: '23 4 * * 1'}], workflow_dispatch: null, pull_request: {paths: ['content/**']}})
  })

  test('checks every link on schedule, the changed ones on pull requests, as annotations', () => {
    expect(steps.filter((step) => step.run?.startsWith('pnpm links')).map((step) => [step.if, step.run])).toEqual([
      ["github.event_name != 'pull_request'", 'pnpm links --format github'],
      ["github.event_name == 'pull_request'", 'pnpm links --format github --changed-since "origin/${GITHUB_BASE_REF}"']
    ])
    expect(steps[0]).toEqual({uses: 'actions/checkout@v4', with: {'fetch-depth': 0}})
  })

  test('restores the cache before the check and saves it after, failing runs included, at the path fmrl links uses', () => {
    const restore = index((step) => step.uses === 'actions/cache/restore@v4')
    const save = index((step) => step.uses === 'actions/cache/save@v4')
    const check = index((step) => step.run?.startsWith('pnpm links') === true)
    expect(restore).toBeGreaterThan(-1)
    expect(restore < check && check < save).toBe(true)
    expect([steps[restore]!.with!.path, steps[save]!.with!.path]).toEqual([LinksOptions.parse({}).cache, LinksOptions.parse({}).cache])
    expect(steps[save]!.if).toBe("always() && hashFiles('.cache/fmrl-links.json') != ''")
    expect(steps[restore]!.with!['restore-keys']).toBe('fmrl-links-')
  })
})

describe('turbo', () => {
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
