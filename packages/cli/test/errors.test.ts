import {access, appendFile, chmod, mkdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, test} from 'vitest'
import {run, runBin, temporaryRepository} from './helpers.js'

const faults = fileURLToPath(new URL('fs-faults.mjs', import.meta.url))
const exists = (path: string) => access(path).then(() => true, () => false)
const agent = 'content/methods/agent.md'
const nothingWritten = 'Nothing was written: fix content/ and run the build again.'
// chmod 000 stops every reader but root; as root, the same error is injected into the real CLI instead.
const isRoot = process.getuid?.() === 0

describe('bounded input: past the parser\'s limits, a positioned error and exit 1', () => {
  test('a 50 MB methods file: read only up to the limit, refused where it passes 8 MiB', async () => {
    const root = await temporaryRepository()
    const row = '| X | Feng et al., 2024 | Meerkat | ✓ | act | single | - | online | π_l | acc | - | - |\n'
    await appendFile(join(root, agent), row.repeat(Math.ceil(50_000_000 / Buffer.byteLength(row))))
    expect(await run(['build'], root)).toEqual({
      code: 1,
      out: '',
      err: [`${agent}:92177:11: error: Unexpected file larger than 8 MiB, expected at most that: split it into smaller files (max-file-size)`, '1 error, 0 warnings', nothingWritten].join('\n')
    })
    expect(await exists(join(root, 'README.md'))).toBe(false)
  })

  test('10,000 nested block quotes in content: build and lint name the line, nothing is written', async () => {
    const root = await temporaryRepository()
    await appendFile(join(root, agent), `\n${'>'.repeat(10_000)} x\n`)
    const error = `${agent}:26:1: error: Unexpected block quotes and lists nested 10000 deep, expected at most 64 (max-nesting-depth)`
    expect(await run(['build'], root)).toEqual({code: 1, out: '', err: [error, '1 error, 0 warnings', nothingWritten].join('\n')})
    expect(await exists(join(root, 'README.md'))).toBe(false)
    const linted = await run(['lint', agent], root)
    expect(linted.code).toBe(1)
    expect(linted.out).toBe(`${error}\n1 error, 0 warnings`)
  })

  test('lint of another list with `*[` 10,000 times in a line: exit 1 at once, and --fix writes nothing', async () => {
    const root = await temporaryRepository()
    const text = `# List\n\n- [A](https://example.org) ${'*['.repeat(10_000)}\n`
    await writeFile(join(root, 'list.md'), text)
    const expected = {code: 1, out: 'list.md:3:526: error: Unexpected more than 500 emphasis runs (`*`, `_`, `~`) and brackets (`[`, `]`) in one paragraph, heading or table row, expected at most 500: escape them (`\\*`) or split the text (max-inline-markers)\n1 error, 0 warnings', err: ''}
    expect(await run(['lint', 'list.md'], root)).toEqual(expected)
    expect(await run(['lint', '--fix', 'list.md'], root)).toEqual(expected)
    expect(await readFile(join(root, 'list.md'), 'utf8')).toBe(text)
  })
})

describe('file system errors of the environment: exit 2, the path named, never "internal error"', () => {
  test('a content file that is a folder', async () => {
    const root = await temporaryRepository()
    await mkdir(join(root, 'content/methods/extra.md'))
    expect(await run(['build'], root)).toEqual({code: 2, out: '', err: 'fmrl: Unexpected folder `content/methods/extra.md`, expected a file'})
  })

  test('a configuration path that is a folder, default or named', async () => {
    const root = await temporaryRepository()
    await mkdir(join(root, 'fmrl.config.json'))
    expect(await run(['lint'], root)).toEqual({code: 2, out: '', err: 'fmrl: Unexpected folder `fmrl.config.json`, expected a file'})
    await mkdir(join(root, 'config'))
    expect(await run(['lint', '--config', 'config'], root)).toEqual({code: 2, out: '', err: 'fmrl: Unexpected folder `config`, expected a file'})
  })

  test('an output that is a folder: nothing is written, not even the other outputs', async () => {
    const root = await temporaryRepository()
    await mkdir(join(root, 'tables/table1.md'), {recursive: true})
    expect(await run(['build'], root)).toEqual({code: 2, out: '', err: 'fmrl: Unexpected folder `tables/table1.md`, expected a file'})
    expect(await exists(join(root, 'README.md'))).toBe(false)
  })

  test('--content naming a file', async () => {
    const root = await temporaryRepository()
    expect(await run(['build', '--content', agent], root)).toEqual({code: 2, out: '', err: `fmrl: Unexpected file on the path \`${agent}\`, expected a folder (check --root and --content)`})
  })

  test.skipIf(isRoot)('an unreadable content file (chmod 000; skipped as root, which reads it anyway: see the injected case)', async () => {
    const root = await temporaryRepository()
    await chmod(join(root, agent), 0o000)
    expect(await run(['build'], root)).toEqual({code: 2, out: '', err: `fmrl: Unexpected permission denied (EACCES) to read \`${agent}\`, expected read access (check its permissions and owner)`})
  })

  test('EACCES reading a content file or an output, and writing an output folder, injected into the real CLI', async () => {
    const root = await temporaryRepository()
    const cli = (suffix: string) => runBin(['build'], {cwd: root, preload: faults, env: {FMRL_TEST_FAIL: `EACCES:${suffix}`}})
    expect(await cli(agent)).toEqual({code: 2, signal: null, out: '', err: `fmrl: Unexpected permission denied (EACCES) to read \`${agent}\`, expected read access (check its permissions and owner)\n`})
    expect(await cli('README.md')).toEqual({code: 2, signal: null, out: '', err: 'fmrl: Unexpected permission denied (EACCES) to read `README.md`, expected read access (check its permissions and owner)\n'})
    expect(await cli('/tables')).toEqual({code: 2, signal: null, out: '', err: 'fmrl: Unexpected permission denied (EACCES) to write `tables`, expected write access (check its permissions and owner)\n'})
    expect(await exists(join(root, 'README.md'))).toBe(false)
    expect(await runBin(['build'], {cwd: root, preload: faults, env: {FMRL_TEST_FAIL: `EIO:${agent}`}})).toEqual({code: 2, signal: null, out: '', err: `fmrl: Unexpected EIO (injected by fs-faults) from open on \`${agent}\`, expected to read it\n`})
  })
})
