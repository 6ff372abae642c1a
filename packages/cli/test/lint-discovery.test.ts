import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {dirname, join, relative} from 'node:path'
import {describe, expect, onTestFinished, test} from 'vitest'
import {main} from '../src/main.js'
import {run, temporaryRepository} from './helpers.js'

const https = (file: string, line = 1, column = 11) =>
  `${file}:${line}:${column}: warning: Unexpected \`http:\` URL \`http://github.com/x/y\`, expected \`https://github.com/x/y\` (github.com serves https) (prefer-https)`
const insecure = '- [Paper](http://github.com/x/y)\n'
const totals = (warnings: number) => `0 errors, ${warnings} warning${warnings === 1 ? '' : 's'}`

/** A folder holding `files` (path to text); a `.git` folder makes it a repository root. */
async function tree(files: Record<string, string>, prefix = 'fmrl-tree-'): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix))
  onTestFinished(() => rm(root, {recursive: true, force: true}))
  for (const [path, text] of Object.entries(files)) {
    await mkdir(path.endsWith('/') ? join(root, path) : dirname(join(root, path)), {recursive: true})
    if (!path.endsWith('/')) await writeFile(join(root, path), text)
  }
  return root
}

describe('which files fmrl lint reads', () => {
  test('a folder outside the repository: linted with its own files, named from the working directory', async () => {
    const root = await temporaryRepository()
    const other = await tree({'.git/': '', 'README.md': '# Other\n\n- [Guide](docs/guide.md)\n- [Gone](docs/gone.md)\n', 'docs/guide.md': `# Guide\n\n${insecure}`})
    const name = relative(root, other)
    expect(await run(['lint', name], root)).toEqual({
      code: 1,
      out: [
        `${name}/README.md:4:10: error: Unexpected link to missing file \`docs/gone.md\`, expected \`docs/gone.md\` to exist in the repository (no-missing-file)`,
        https(`${name}/docs/guide.md`, 3),
        '1 error, 1 warning'
      ].join('\n'),
      err: ''
    })
  })

  test('globs (quoted, so the shell leaves them) match files; a glob that matches nothing is a usage error', async () => {
    const root = await tree({'lists/a.md': insecure, 'lists/b.md': insecure, 'lists/nested/c.md': insecure, 'notes.txt': insecure})
    expect(await run(['lint', 'lists/*.md'], root)).toEqual({code: 0, out: [https('lists/a.md'), https('lists/b.md'), totals(2)].join('\n'), err: ''})
    expect((await run(['lint', '**/*.md'], root)).out.split('\n').at(-1)).toBe(totals(3))
    expect(await run(['lint', 'lists/*.markdown'], root)).toEqual({code: 2, out: '', err: 'fmrl: Unexpected glob `lists/*.markdown` that matches no file to lint, expected at least one that the ignore files do not exclude'})
  })

  test('- reads standard input, strictly as UTF-8', async () => {
    const root = await tree({})
    const lint = async (bytes: Uint8Array) => {
      const out: string[] = []
      const code = await main(['lint', '-'], {out: (text) => out.push(text), err: () => {}, readStdin: async () => bytes}, root)
      return {code, out: out.join('\n')}
    }
    expect(await lint(Buffer.from(`# List\n\n${insecure}`))).toEqual({code: 0, out: [https('<stdin>', 3), totals(1)].join('\n')})
    expect(await lint(Buffer.from([0x23, 0x20, 0xff]))).toEqual({code: 1, out: '<stdin>:1:3: error: Unexpected byte 0xFF that is not UTF-8, expected UTF-8 text: re-save the file as UTF-8 (invalid-utf8)\n1 error, 0 warnings'})
    expect(await run(['lint', '--fix', '-'], root)).toEqual({code: 2, out: '', err: 'fmrl: Unexpected `--fix` with `-`, expected files to fix in place (standard input has none)'})
  })

  test('folders honour .gitignore and .fmrlignore in any folder (negations too); dist/ is linted unless ignored', async () => {
    const root = await tree({
      '.gitignore': 'build/\n*.tmp.md\n',
      '.fmrlignore': 'vendor/\ndocs/*.md\n!docs/keep.md\n',
      'dist/list.md': insecure,
      'build/list.md': insecure,
      'vendor/list.md': insecure,
      'draft.tmp.md': insecure,
      'docs/skip.md': insecure,
      'docs/keep.md': insecure,
      'docs/more/.fmrlignore': 'old.md\n',
      'docs/more/old.md': insecure,
      'docs/more/new.md': insecure,
      'node_modules/x/README.md': insecure
    })
    expect(await run(['lint', '.'], root)).toEqual({code: 0, out: [https('dist/list.md'), https('docs/keep.md'), https('docs/more/new.md'), totals(3)].join('\n'), err: ''})
    // A file named on the command line is linted, ignored or not.
    expect((await run(['lint', 'vendor/list.md'], root)).out).toBe([https('vendor/list.md'), totals(1)].join('\n'))
  })

  test('a link to a file git ignores is a missing file: it is not in the repository others see', async () => {
    const root = await tree({'.gitignore': 'build/\n', 'README.md': '# List\n\n- [Built](build/index.html)\n', 'build/index.html': ''})
    expect((await run(['lint', 'README.md'], root)).out).toBe(
      'README.md:3:11: error: Unexpected link to missing file `build/index.html`, expected `build/index.html` to exist in the repository (no-missing-file)\n1 error, 0 warnings'
    )
  })

  test('a folder without Markdown to lint is a usage error', async () => {
    const root = await tree({'.fmrlignore': 'docs/\n', 'docs/a.md': insecure, 'images/a.png': ''})
    expect(await run(['lint', 'docs'], root)).toEqual({code: 2, out: '', err: 'fmrl: Unexpected folder `docs` without Markdown files (.md, .markdown) to lint, expected at least one that the ignore files do not exclude'})
    expect((await run(['lint', 'images'], root)).code).toBe(2)
  })
})

describe('root and configuration, found upwards from the working directory', () => {
  test('from a subfolder: the repository root is found (content/ and fmrl.config.json with it); paths stay root-relative', async () => {
    const root = await temporaryRepository()
    await mkdir(join(root, '.git'))
    await mkdir(join(root, 'lists/deep'), {recursive: true})
    await writeFile(join(root, 'lists/list.md'), insecure)
    await writeFile(join(root, 'fmrl.config.json'), '{"rules": {"prefer-https": "error"}}')
    const cwd = join(root, 'lists/deep')
    expect(await run(['lint', '../list.md'], cwd)).toEqual({code: 1, out: `${https('lists/list.md').replace('warning', 'error')}\n1 error, 0 warnings`, err: ''})
    // With no arguments: the root's content/ (which lints clean).
    expect(await run(['lint'], cwd)).toEqual({code: 0, out: '', err: ''})
  })

  test('fmrl.config.json marks a root as well, without git', async () => {
    const root = await tree({'fmrl.config.json': '{"rules": {"prefer-https": "off"}}', 'sub/list.md': insecure})
    expect(await run(['lint', 'list.md'], join(root, 'sub'))).toEqual({code: 0, out: '', err: ''})
  })

  test('an absolute --config path, and one relative to the working directory', async () => {
    const root = await tree({'.git/': '', 'list.md': insecure, 'settings/strict.json': '{"rules": {"prefer-https": "error"}}'})
    const strict = `${https('list.md').replace('warning', 'error')}\n1 error, 0 warnings`
    expect(await run(['lint', '--config', join(root, 'settings/strict.json'), 'list.md'], root)).toEqual({code: 1, out: strict, err: ''})
    expect(await run(['lint', '--config', 'strict.json', '../list.md'], join(root, 'settings'))).toEqual({code: 1, out: strict, err: ''})
  })
})
