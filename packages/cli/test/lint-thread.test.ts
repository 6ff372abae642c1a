import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import type {LintOptions} from '../src/commands/lint.js'
// The built modules: the helper thread loads dist/lint-worker.js, which only the build makes.
import {lintCommand} from '../dist/commands/lint.js'
import {lintInputBytes, lintWorker, mayLintOnThread} from '../dist/lint-thread.js'
import {Trees} from '../dist/lint-files.js'
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

describe('lintInputBytes', () => {
  test('the larger of content/ and the files linted besides it; the root\'s Markdown (content/ included) without either; nothing for what cannot be read', async () => {
    const root = await temporaryDirectory()
    await mkdir(join(root, 'content/methods'), {recursive: true})
    await writeFile(join(root, 'content/survey.md'), 'a'.repeat(100))
    await writeFile(join(root, 'content/methods/agent.md'), 'b'.repeat(50))
    await writeFile(join(root, 'content/notes.txt'), 'c'.repeat(5000))
    await writeFile(join(root, 'README.md'), 'd'.repeat(1000))
    await writeFile(join(root, 'small.md'), 'e'.repeat(10))
    const bytes = (overrides: {root?: string; content?: string; files?: string[]}) => lintInputBytes({root, content: 'content', files: [], fix: false, ...overrides}, root, new Trees())
    expect([await bytes({}), await bytes({files: ['README.md']}), await bytes({files: ['small.md']}), await bytes({files: ['content']}), await bytes({content: 'none'}), await bytes({files: ['missing.md']})]).toEqual([150, 1000, 150, 150, 1160, 150])
  })
})

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
    expect(await lint(lintOptions(root), {worker: marker, minimum: 0})).toEqual({code: 3, lines: ['out: printed by the helper', 'err: a line to stderr', 'out: and one more to stdout']})
  })

  test('one under the minimum, one that may not move, or the helper\'s own is linted here', async () => {
    const root = await list()
    const here = await lint(lintOptions(root, {threads: 'off'}), {})
    expect(here).toEqual(listFindings)
    const bytes = (await readFile(join(root, 'README.md'))).length
    expect(await lint(lintOptions(root), {worker: marker, minimum: bytes + 1})).toEqual(here)
    expect(await lint(lintOptions(root, {threads: 1}), {worker: marker, minimum: 0})).toEqual(here)
    // The helper's own run (lint-worker.js sets onThread) stays where it is: no thread starts another.
    expect(await lint(lintOptions(root, {onThread: true}), {worker: marker, minimum: 0})).toEqual(here)
  })

  test('the helper\'s run is this thread\'s: the same findings, positions, colours, exit code and cache', async () => {
    const root = await temporaryRepository()
    const agent = join(root, 'content/methods/agent.md')
    await writeFile(agent, (await readFile(agent, 'utf8')).replace('| π_l, rft |', '| π_l, rtf |'))
    for (const [format, color] of [['human', true], ['json', false]] as const) {
      const here = await lint(lintOptions(root, {format, threads: 'off'}), {}, color)
      expect(here.code).toBe(1)
      expect(here.lines.join('\n')).toContain('no-unknown-symbol')
      expect(await lint(lintOptions(root, {format}), {worker: lintWorker, minimum: 0}, color)).toEqual(here)
    }
    // The helper writes the parse cache as this thread would: the next run reads it (and finds the same).
    const cached = await lint(lintOptions(root, {cache: true}), {worker: lintWorker, minimum: 0})
    expect(await lint(lintOptions(root, {cache: true, threads: 'off'}), {})).toEqual(cached)
    expect(cached.lines).toEqual(['out: content/methods/agent.md:8:108: error: Unexpected `rtf` in column `RL Role`, expected one of `π`, `π_l`, `π_g`, `v`, `v_l`, `v_g`, `τ_π`, `rft`, `o`; did you mean `rft` (reinforced fine-tuning)? (no-unknown-symbol)\n1 error, 0 warnings'])
  })

  test('a helper that does not load, dies, or runs out of its heap leaves the run to this thread: printed once, nothing lost', async () => {
    const root = await list()
    const here = await lint(lintOptions(root, {threads: 'off'}), {})
    expect(here).toEqual(listFindings)
    for (const worker of [new URL('./no-such-worker.mjs', import.meta.url), new URL('./crashing-worker.mjs', import.meta.url), new URL('./hungry-worker.mjs', import.meta.url)]) {
      expect(await lint(lintOptions(root), {worker, heapLimit: 32, minimum: 0})).toEqual(here)
    }
  })
})
