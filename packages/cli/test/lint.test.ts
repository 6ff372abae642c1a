import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {lintConfigJsonSchema} from '@fmrl/model'
import {describe, expect, test} from 'vitest'
import {repositoryRoot, run, temporaryDirectory, temporaryRepository} from './helpers.js'

const sample = [
  '# List',
  '',
  '- [Paper](http://github.com/x/y)',
  '- [Again](https://github.com/x/y/tree/main)',
  '- [Nowhere](#missing)',
  ''
].join('\n')

/** A temporary repository with content/ and one list file to lint. */
async function withList(text = sample, config?: string): Promise<string> {
  const root = await temporaryRepository()
  await mkdir(join(root, 'lists'))
  await writeFile(join(root, 'lists/list.md'), text)
  if (config !== undefined) await writeFile(join(root, 'fmrl.config.json'), config)
  return root
}

describe('fmrl lint on our own files', () => {
  test('content/ and the generated outputs report nothing', async () => {
    expect(await run(['lint'], repositoryRoot)).toEqual({code: 0, out: '', err: ''})
  })

  test('a fresh build of content/ lints clean too', async () => {
    const root = await temporaryRepository()
    expect((await run(['build'], root)).code).toBe(0)
    expect(await run(['lint'], root)).toEqual({code: 0, out: '', err: ''})
  })
})

describe('output formats and exit codes', () => {
  test('human: file:line:column: severity: message (rule-id), then totals; errors exit 1', async () => {
    const root = await withList()
    expect(await run(['lint', 'lists/list.md'], root)).toEqual({
      code: 1,
      out: [
        'lists/list.md:3:11: warning: Unexpected `http:` URL `http://github.com/x/y`, expected `https://github.com/x/y` (github.com serves https) (prefer-https)',
        'lists/list.md:4:11: error: Unexpected URL `https://github.com/x/y/tree/main` for `Again`, already the link of `Paper` as `http://github.com/x/y` (line 3); expected each entry to have its own link (no-duplicate-url)',
        'lists/list.md:5:13: error: Unexpected anchor `#missing` that matches no heading, expected the id of a heading (no-dead-anchor)',
        '2 errors, 1 warning'
      ].join('\n'),
      err: ''
    })
  })

  test('json: an array of findings with places, severity, rule id and fix', async () => {
    const root = await withList()
    const result = await run(['lint', '--format', 'json', 'lists/list.md'], root)
    expect(result.code).toBe(1)
    expect(JSON.parse(result.out)[0]).toEqual({
      file: 'lists/list.md',
      line: 3,
      column: 11,
      endLine: 3,
      endColumn: 32,
      severity: 'warning',
      ruleId: 'prefer-https',
      message: 'Unexpected `http:` URL `http://github.com/x/y`, expected `https://github.com/x/y` (github.com serves https)',
      url: 'packages/lint/README.md#prefer-https',
      fix: {start: 18, end: 22, replacement: 'https'}
    })
  })

  test('github: one workflow annotation per finding, properties escaped', async () => {
    const root = await withList()
    const result = await run(['lint', '--format', 'github', 'lists/list.md'], root)
    expect(result.out.split('\n')).toEqual([
      '::warning file=lists/list.md,line=3,col=11,endLine=3,endColumn=32,title=prefer-https::Unexpected `http:` URL `http://github.com/x/y`, expected `https://github.com/x/y` (github.com serves https)',
      '::error file=lists/list.md,line=4,col=11,endLine=4,endColumn=43,title=no-duplicate-url::Unexpected URL `https://github.com/x/y/tree/main` for `Again`, already the link of `Paper` as `http://github.com/x/y` (line 3); expected each entry to have its own link',
      '::error file=lists/list.md,line=5,col=13,endLine=5,endColumn=21,title=no-dead-anchor::Unexpected anchor `#missing` that matches no heading, expected the id of a heading'
    ])
  })

  test('warnings alone exit 0', async () => {
    const root = await withList('# List\n\n- [Paper](http://github.com/x/y)\n')
    expect((await run(['lint', 'lists/list.md'], root)).code).toBe(0)
  })

  test('usage errors exit 2 with one line', async () => {
    const root = await withList()
    expect(await run(['lint', '--format', 'xml', 'lists/list.md'], root)).toEqual({code: 2, out: '', err: 'fmrl: Unexpected format `xml`, expected one of `human`, `json`, `github`'})
    expect(await run(['lint', 'lists/nope.md'], root)).toEqual({code: 2, out: '', err: 'fmrl: Unexpected path `lists/nope.md` that does not exist, expected a file, folder or glob to lint'})
    expect(await run(['lint', '--config', 'nope.json', 'lists/list.md'], root)).toEqual({code: 2, out: '', err: 'fmrl: Unexpected path `nope.json` that does not exist, expected a file or folder there (check --root and --content)'})
    const empty = await mkdtemp(join(tmpdir(), 'fmrl-empty-'))
    expect(await run(['lint'], empty)).toEqual({code: 2, out: '', err: 'fmrl: Unexpected lint without Markdown to read, expected files or folders, or a content folder (see --content)'})
    await rm(empty, {recursive: true, force: true})
  })

  test('without content/, the repository is another awesome list: fmrl lint lints its Markdown files', async () => {
    const list = await temporaryDirectory('fmrl-list-')
    await mkdir(join(list, '.git'))
    await writeFile(join(list, 'readme.md'), '# Awesome\n\n- [A](https://example.org/a)\n- [B](https://example.org/a)\n')
    await mkdir(join(list, 'node_modules/x'), {recursive: true})
    await writeFile(join(list, '.gitignore'), 'node_modules\n')
    await writeFile(join(list, 'node_modules/x/README.md'), '# Not ours\n\n- [A](https://example.org/a)\n- [B](https://example.org/a)\n')
    expect(await run(['lint'], list)).toEqual(await run(['lint', '.'], list))
    expect(await run(['lint'], list)).toEqual({code: 1, out: 'readme.md:4:7: error: Unexpected URL `https://example.org/a` for `B`, already the link of `A` (line 3); expected each entry to have its own link (no-duplicate-url)\n1 error, 0 warnings', err: ''})
  })

  test('--fix applies the safe fixes, writes the file, and a second --fix changes nothing', async () => {
    const root = await withList('# List\n\n- [Paper](http://github.com/x/y?tab=readme-ov-file) ‚úì\n')
    const first = await run(['lint', '--fix', 'lists/list.md'], root)
    expect(first).toEqual({code: 0, out: '', err: 'lists/list.md: 2 fixes applied'})
    expect(await readFile(join(root, 'lists/list.md'), 'utf8')).toBe('# List\n\n- [Paper](https://github.com/x/y) ✓\n')
    expect(await run(['lint', '--fix', 'lists/list.md'], root)).toEqual({code: 0, out: '', err: ''})
  })
})

describe('configuration', () => {
  test('severity per rule, rule options, cross-listings and ignored URLs', async () => {
    const config = JSON.stringify({
      rules: {'prefer-https': 'error', 'no-dead-anchor': 'off', 'no-duplicate-title': ['warn', {threshold: 0.5}]},
      ignoreUrls: ['https://github.com/x/y/*']
    })
    const root = await withList(sample, config)
    expect(await run(['lint', 'lists/list.md'], root)).toEqual({
      code: 1,
      out: ['lists/list.md:3:11: error: Unexpected `http:` URL `http://github.com/x/y`, expected `https://github.com/x/y` (github.com serves https) (prefer-https)', '1 error, 0 warnings'].join('\n'),
      err: ''
    })
  })

  test('cross-listings allow one method in two sections', async () => {
    const table = '| Method | FT |\n| - | - |\n| SayCan \\[Ichter et al., 2022] | × |\n'
    const text = `# List\n\n## Planner\n\n${table}\n## Reward\n\n${table}`
    expect((await run(['lint', 'lists/list.md'], await withList(text))).out).toBe(
      'lists/list.md:13:1: error: Unexpected second listing of `SayCan` (first at line 7), expected each method once; remove one, or allow it in `crossListings` of the configuration (no-duplicate-method)\n1 error, 0 warnings'
    )
    expect(await run(['lint', 'lists/list.md'], await withList(text, '{"crossListings": ["SayCan"]}'))).toEqual({code: 0, out: '', err: ''})
  })

  test('invalid configuration: positioned errors in the config file, exit 2', async () => {
    const config = '{\n  // comments are fine\n  "rules": {\n    "no-such-rule": "warn",\n    "no-mojibak": "off",\n    "prefer-https": ["warn", {"hosts": [1]}],\n    "no-mojibake": "loud"\n  },\n  "extra": true\n}\n'
    const root = await withList(sample, config)
    expect(await run(['lint', 'lists/list.md'], root)).toEqual({
      code: 2,
      out: '',
      err: [
        'fmrl.config.json:4:5: error: Unexpected rule `no-such-rule`, expected a rule id of `fmrl lint` (see packages/lint/README.md#rules) (config)',
        'fmrl.config.json:5:5: error: Unexpected rule `no-mojibak`, expected `no-mojibake` (config)',
        'fmrl.config.json:6:41: error: Unexpected value at `rules.prefer-https.1.hosts.0`: Invalid input: expected string, received number (config)',
        'fmrl.config.json:7:20: error: Unexpected value at `rules.no-mojibake`: Invalid option: expected one of "off"|"warn"|"error" (config)',
        'fmrl.config.json:9:3: error: Unexpected key `extra`, expected one the schema names (see schema/fmrl.config.schema.json) (config)',
        '5 errors, 0 warnings'
      ].join('\n')
    })
  })

  test('malformed JSON: positioned, exit 2', async () => {
    const root = await withList(sample, '{"rules": {"no-mojibake": "warn",,}}')
    expect(await run(['lint', 'lists/list.md'], root)).toEqual({
      code: 2,
      out: '',
      err: 'fmrl.config.json:1:34: error: Unexpected JSON: PropertyNameExpected, expected valid JSON (comments and trailing commas are allowed) (config)\n1 error, 0 warnings'
    })
  })

  test('the committed JSON Schema is the one the zod schema generates', async () => {
    await expect(`${JSON.stringify(lintConfigJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(join(repositoryRoot, 'schema/fmrl.config.schema.json'))
  })
})
