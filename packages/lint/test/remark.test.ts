import {execFile} from 'node:child_process'
import {cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {VFile} from 'vfile'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {lintFile} from '../src/lint.js'
import {repositoryData} from '../src/remark.js'
import {formatMessage} from './helpers.js'

const execute = promisify(execFile)

/** Run remark-cli on `list.md` in `folder`: its exit code and what its reporter printed. */
async function remark(folder: string): Promise<{code: number; stderr: string}> {
  try {
    const {stderr} = await execute(process.execPath, [remarkCli, 'list.md', '--no-stdout', '--no-color'], {cwd: folder})
    return {code: 0, stderr}
  } catch (error) {
    const failed = error as {code: number; stderr: string}
    return {code: failed.code, stderr: failed.stderr}
  }
}
const packageRoot = fileURLToPath(new URL('..', import.meta.url))
const repositoryRoot = fileURLToPath(new URL('../../..', import.meta.url))
const remarkCli = join(packageRoot, 'node_modules/remark-cli/cli.js')
// remark-cli loads `@fmrl/lint` as a package would be installed: from dist/ (turbo builds before testing).

// A list with findings of several rules, ignore comments in both syntaxes, a relative link and a symbol column.
const list = [
  '# List',
  '',
  '- [Paper](http://github.com/x/y) ‚Äî a tool',
  '- [Guide](docs/missing.md)',
  '',
  '<!-- fmrl disable prefer-https -->',
  '',
  '- [Quiet](http://github.com/x/z)',
  '',
  '<!-- fmrl-enable prefer-https -->',
  '',
  '| Method | FT |',
  '| - | - |',
  '| A | yes |',
  ''
].join('\n')

/** The `.remarkrc.mjs` files the README shows, as written. */
async function documentedConfigs(): Promise<string[]> {
  const readme = await readFile(join(packageRoot, 'README.md'), 'utf8')
  return [...readme.matchAll(/```js\n(\/\/ \.remarkrc\.mjs\n[\s\S]*?)```/g)].map((match) => match[1]!)
}

/** `line:column-line:column: reason (rule-id)` of each message remark-cli's reporter prints. */
function reported(stderr: string): string[] {
  return stderr.split('\n').flatMap((line) => {
    const match = /^\s*(\d+:\d+(?:-\d+:\d+)?)?\s+(?:error|warning|info)\s+(.+?)\s+(\S+)\s+fmrl\s*$/.exec(line)
    return match ? [`${match[1] ? `${match[1]}: ` : ''}${match[2]} (${match[3]})`] : []
  })
}

describe('under remark-cli', () => {
  let folder = ''
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'fmrl-remark-'))
    await mkdir(join(folder, 'node_modules/@fmrl'), {recursive: true})
    await symlink(packageRoot, join(folder, 'node_modules/@fmrl/lint'), 'dir')
    await cp(join(repositoryRoot, 'content'), join(folder, 'content'), {recursive: true})
    await writeFile(join(folder, 'list.md'), list)
  })
  afterAll(async () => {
    await rm(folder, {recursive: true, force: true})
  })

  test('the README shows two configurations', async () => {
    expect(await documentedConfigs()).toHaveLength(2)
  })

  test('the first configuration: the rules as in lintFile, and one note for the checks without data', async () => {
    const [config] = await documentedConfigs()
    await writeFile(join(folder, '.remarkrc.mjs'), config!)
    const {code, stderr} = await remark(folder)
    expect(code).toBe(1)
    const settings = {rules: {'no-duplicate-title': ['warn', {threshold: 0.85}]}} as const
    const expected = lintFile(new VFile({path: 'list.md', value: list}), settings).map(formatMessage)
    expect(reported(stderr).sort()).toEqual([...expected].sort())
    expect(expected).toEqual([
      'Unexpected lint without `files` and `vocabularies` data: skipped `no-missing-file` (needs `files`), `no-unknown-symbol` (needs `vocabularies`); expected them in the `data` option (see packages/lint/README.md#remark-cli) (lint-data)',
      '3:11-3:32: Unexpected `http:` URL `http://github.com/x/y`, expected `https://github.com/x/y` (github.com serves https) (prefer-https)',
      '3:34-3:37: Unexpected mojibake `‚Äî`, expected `—` (UTF-8 read as Mac Roman) (no-mojibake)'
    ])
  })

  test('the second configuration: data read by the config, no note', async () => {
    const [, config] = await documentedConfigs()
    await writeFile(join(folder, '.remarkrc.mjs'), config!)
    const {code, stderr} = await remark(folder)
    expect(code).toBe(1)
    expect(reported(stderr)).toEqual([
      '3:11-3:32: Unexpected `http:` URL `http://github.com/x/y`, expected `https://github.com/x/y` (github.com serves https) (prefer-https)',
      '3:34-3:37: Unexpected mojibake `‚Äî`, expected `—` (UTF-8 read as Mac Roman) (no-mojibake)',
      '4:11-4:26: Unexpected link to missing file `docs/missing.md`, expected `docs/missing.md` to exist in the repository (no-missing-file)',
      '14:7-14:10: Unexpected `yes` in column `FT`, expected `✓` (full fine-tuning) (no-unknown-symbol)'
    ])
  })
})

describe('repositoryData', () => {
  test('gives the file list alone without content, and the survey data with valid content', async () => {
    expect(repositoryData(['b.md', 'a.md'], [])).toEqual({files: ['a.md', 'b.md']})
    const paths = (await readdir(join(repositoryRoot, 'content'), {recursive: true})).filter((path) => path.endsWith('.md')).map((path) => `content/${path.split(sep).join('/')}`)
    const content = await Promise.all(paths.map(async (path) => ({path, value: await readFile(join(repositoryRoot, path), 'utf8')})))
    const data = repositoryData(paths, content)
    expect(data.files).toEqual([...paths].sort())
    expect(data.vocabularies?.map((vocabulary) => vocabulary.id)).toContain('ft')
    expect(data.survey?.methods.length).toBe(data.counts?.methods)
    const broken = content.map((file) => (file.path.endsWith('legend.md') ? {...file, value: '# Legend\n\nnothing here\n'} : file))
    expect(repositoryData(paths, broken)).toEqual({files: [...paths].sort()})
  })
})
