import {mkdir, readdir, readFile, stat, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import type {LintOptions} from '../src/commands/lint.js'
// The built modules: the helper thread loads dist/lint-worker.js, which only the build makes.
import {lintCommand} from '../dist/commands/lint.js'
import {lintInputBytes, lintWorker, mayLintOnThread, movesToThread} from '../dist/lint-thread.js'
import {Trees} from '../dist/lint-files.js'
import {FileTreeCache} from '../dist/tree-cache.js'
import {temporaryDirectory, temporaryRepository} from './helpers.js'

const lintOptions = (root: string, overrides: Partial<LintOptions> = {}): LintOptions => ({root, content: 'content', files: [], fix: false, config: undefined, format: 'human', cache: false, threads: 'auto', ...overrides})

/** Run lintCommand with a capturing Io: what it printed, in order, by stream, and its exit code. */
async function lint(options: LintOptions, thread: Parameters<typeof lintCommand>[3], color = false) {
  const lines: string[] = []
  const code = await lintCommand(options, {out: (text) => lines.push(`out: ${text}`), err: (text) => lines.push(`err: ${text}`), color: {out: color, err: color}}, options.root, thread)
  return {code, lines}
}

const marker = new URL('./marker-lint-worker.mjs', import.meta.url)

describe('mayLintOnThread', () => {
  test('a run may move unless it fixes, checks links online, reads standard input, or has --threads off or 1', () => {
    const options = {root: '/r', content: 'content', files: ['README.md'], fix: false}
    expect([
      mayLintOnThread(options),
      mayLintOnThread({...options, threads: 'auto'}),
      mayLintOnThread({...options, threads: 2}),
      mayLintOnThread({...options, fix: true}),
      mayLintOnThread({...options, online: {}}),
      mayLintOnThread({...options, files: ['README.md', '-']}),
      mayLintOnThread({...options, threads: 'off'}),
      mayLintOnThread({...options, threads: 1})
    ]).toEqual([true, true, true, false, false, false, false, false])
  })
})

describe('movesToThread', () => {
  test('content/ from its minimum, the files linted besides it from theirs', () => {
    const minimum = {content: 100, files: 400}
    expect([{content: 99, files: 399}, {content: 100, files: 0}, {content: 0, files: 400}, {content: 399, files: 99}].map((bytes) => movesToThread(bytes, minimum))).toEqual([false, true, true, true])
    expect([{content: 99, files: 0}, {content: 0, files: 399}].map((bytes) => movesToThread(bytes, minimum))).toEqual([false, false])
  })

  test('by default the 10k content/ (3.3 MB) moves and a README of 3.2 MB stays', () => {
    expect([movesToThread({content: 3_289_734, files: 0}), movesToThread({content: 0, files: 3_200_792}), movesToThread({content: 0, files: 4_194_304})]).toEqual([true, false, true])
  })
})

describe('lintInputBytes', () => {
  test('content/, and the files linted besides it; the root\'s Markdown (content/ included) without either; nothing for what cannot be read', async () => {
    const root = await temporaryDirectory()
    await mkdir(join(root, 'content/methods'), {recursive: true})
    await writeFile(join(root, 'content/survey.md'), 'a'.repeat(100))
    await writeFile(join(root, 'content/methods/agent.md'), 'b'.repeat(50))
    await writeFile(join(root, 'content/notes.txt'), 'c'.repeat(5000))
    await writeFile(join(root, 'README.md'), 'd'.repeat(1000))
    await writeFile(join(root, 'small.md'), 'e'.repeat(10))
    const bytes = (overrides: {root?: string; content?: string; files?: string[]}) => lintInputBytes({root, content: 'content', files: [], fix: false, ...overrides}, root, new Trees())
    expect([await bytes({}), await bytes({files: ['README.md']}), await bytes({files: ['small.md']}), await bytes({files: ['content']}), await bytes({content: 'none'}), await bytes({files: ['missing.md']})]).toEqual([{content: 150, files: 0}, {content: 150, files: 1000}, {content: 150, files: 10}, {content: 150, files: 150}, {content: 0, files: 1160}, {content: 150, files: 0}])
  })
})

describe('lintInputBytes with the parse cache', () => {
  test('content/ counts the files the last kept read of it did not read: all of it, then none, then the edited file; so a lint moves by what it reads', async () => {
    const root = await temporaryRepository()
    const options = lintOptions(root, {cache: true})
    const bytes = () => lintInputBytes(options, root, new Trees(), new FileTreeCache(root))
    const sizes = await Promise.all((await readdir(join(root, 'content'), {recursive: true})).filter((path) => path.endsWith('.md')).map(async (path) => (await stat(join(root, 'content', path))).size))
    expect(await bytes()).toEqual({content: sizes.reduce((sum, size) => sum + size, 0), files: 0})
    await lint(options, {})
    expect(await bytes()).toEqual({content: 0, files: 0})
    const agent = join(root, 'content/methods/agent.md')
    await writeFile(agent, (await readFile(agent, 'utf8')).replace('| Meerkat, Vicuna-1.5 |', '| Meerkat, Vicuna-2 |'))
    const edited = (await stat(agent)).size
    expect(await bytes()).toEqual({content: edited, files: 0})
    const helped = {code: 3, lines: ['out: printed by the helper', 'err: a line to stderr', 'out: and one more to stdout']}
    expect(await lint(options, {worker: marker, minimum: {content: edited, files: Number.POSITIVE_INFINITY}})).toEqual(helped)
    expect(await lint(options, {worker: marker, minimum: {content: edited + 1, files: Number.POSITIVE_INFINITY}})).toEqual({code: 0, lines: []})
  })
})

/** A minimum every run reaches. */
const anything = {content: 0, files: 0}

describe('lintCommand on a helper thread', () => {
  // A list with an error: a link given twice.
  async function list(): Promise<string> {
    const root = await temporaryDirectory()
    await writeFile(join(root, 'README.md'), '# List\n\n- [A](https://a.example)\n- [B](https://a.example)\n')
    return root
  }
  const listFindings = {
    code: 1,
    lines: ['out: README.md:4:7: error: Unexpected URL `https://a.example` for `B`, already the link of `A` (line 3); expected each entry to have its own link (no-duplicate-url)\n1 error, 0 warnings']
  }

  test('a run of at least the minimum is the helper\'s, what it printed printed here in order, its exit code the run\'s', async () => {
    const root = await list()
    expect(await lint(lintOptions(root), {worker: marker, minimum: anything})).toEqual({code: 3, lines: ['out: printed by the helper', 'err: a line to stderr', 'out: and one more to stdout']})
  })

  test('one under the minimum, one that may not move, or the helper\'s own is linted here', async () => {
    const root = await list()
    const here = await lint(lintOptions(root, {threads: 'off'}), {})
    expect(here).toEqual(listFindings)
    const bytes = (await readFile(join(root, 'README.md'))).length
    expect(await lint(lintOptions(root), {worker: marker, minimum: {content: bytes + 1, files: bytes + 1}})).toEqual(here)
    expect(await lint(lintOptions(root, {threads: 1}), {worker: marker, minimum: anything})).toEqual(here)
    // The helper's own run (lint-worker.js sets onThread) stays where it is: no thread starts another.
    expect(await lint(lintOptions(root, {onThread: true}), {worker: marker, minimum: anything})).toEqual(here)
  })

  test('the helper\'s run is this thread\'s: the same findings, positions, colours, exit code and cache', async () => {
    const root = await temporaryRepository()
    const agent = join(root, 'content/methods/agent.md')
    await writeFile(agent, (await readFile(agent, 'utf8')).replace('| π_l, rft |', '| π_l, rtf |'))
    for (const [format, color] of [['human', true], ['json', false]] as const) {
      const here = await lint(lintOptions(root, {format, threads: 'off'}), {}, color)
      expect(here.code).toBe(1)
      expect(here.lines.join('\n')).toContain('no-unknown-symbol')
      expect(await lint(lintOptions(root, {format}), {worker: lintWorker, minimum: anything}, color)).toEqual(here)
    }
    // The helper writes the parse cache as this thread would: the next run reads it (and finds the same).
    const cached = await lint(lintOptions(root, {cache: true}), {worker: lintWorker, minimum: anything})
    expect(await lint(lintOptions(root, {cache: true, threads: 'off'}), {})).toEqual(cached)
    expect(cached.lines).toEqual(['out: content/methods/agent.md:8:108: error: Unexpected `rtf` in column `RL Role`, expected one of `π`, `π_l`, `π_g`, `v`, `v_l`, `v_g`, `τ_π`, `rft`, `o`; did you mean `rft` (reinforced fine-tuning)? (no-unknown-symbol)\n1 error, 0 warnings'])
  })

  test('a helper that does not load, dies, or runs out of its heap leaves the run to this thread: printed once, nothing lost', async () => {
    const root = await list()
    const here = await lint(lintOptions(root, {threads: 'off'}), {})
    expect(here).toEqual(listFindings)
    for (const worker of [new URL('./no-such-worker.mjs', import.meta.url), new URL('./crashing-worker.mjs', import.meta.url), new URL('./hungry-worker.mjs', import.meta.url)]) {
      expect(await lint(lintOptions(root), {worker, heapLimit: 32, minimum: anything})).toEqual(here)
    }
  })
})
