import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {contentParsedTexts, parseContent} from '@fmrl/parser'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
// The built modules: the helper threads load dist/parse-worker.js, which only the build makes.
import {helperHeapLimit, parseAhead, parseBatches, parseCost, parseHelperHeapLimit} from '../dist/parse-ahead.js'
import {parseAheadMinimum, runOnThread, threadsFor} from '../dist/threads.js'
import {FileTreeCache} from '../dist/tree-cache.js'
import {readContentFiles} from '../src/content-files.js'
import {micromarkTexts, repositoryRoot, temporaryDirectory} from './helpers.js'

/** Our content files, agent.md of about 700 KB (its rows again and again, the methods renamed): several pieces, several batches. */
async function contentFiles(): Promise<VFile[]> {
  const files = await readContentFiles(repositoryRoot, 'content')
  const agent = await readFile(join(repositoryRoot, 'content/methods/agent.md'), 'utf8')
  const large = Array.from({length: 250}, (_, copy) => agent.replace(/^\| ([^|]+?) \|/gm, (_row, name: string) => (name === 'Method' || name === '-' ? `| ${name} |` : `| ${name} ${copy} |`))).join('\n')
  expect(large.length).toBeGreaterThan(500_000)
  return files.map((file) => (file.path === 'content/methods/agent.md' ? new VFile({path: file.path, value: large}) : file))
}

const copies = (files: readonly VFile[]) => files.map((file) => new VFile({path: file.path, value: file.value}))

describe('threadsFor', () => {
  test('off and 1 are this thread alone; a number is that many helpers; auto is every core from parseAheadMinimum bytes on', () => {
    expect([threadsFor('off', 1e9, 8), threadsFor(1, 1e9, 8), threadsFor(3, 10, 1)]).toEqual([0, 0, 3])
    expect([threadsFor('auto', parseAheadMinimum - 1, 2), threadsFor('auto', parseAheadMinimum, 2), threadsFor('auto', 1e9, 1)]).toEqual([0, 2, 0])
  })
})

describe('runOnThread', () => {
  test('a helper is given the heap limit asked for (V8 then lets its heap grow less far before it collects); without one, the default', async () => {
    const worker = new URL('./heap-limit-worker.mjs', import.meta.url)
    const mb = (bytes: number | undefined) => Math.round((bytes ?? 0) / 2 ** 20)
    const limited = mb(await runOnThread<number>(worker, undefined, {heapLimit: parseHelperHeapLimit}))
    const unlimited = mb(await runOnThread<number>(worker, undefined))
    // The limit counts the old generation; the isolate's whole heap adds the young generation's room.
    expect({limited: limited >= parseHelperHeapLimit && limited < parseHelperHeapLimit + 64, unlimited: unlimited > 2 * parseHelperHeapLimit}).toEqual({limited: true, unlimited: true})
  })
})

describe('helperHeapLimit', () => {
  test('a helper gets the limit unless one of its texts may need more (1 KiB a character), then the default heap', () => {
    const characters = (count: number) => 'a'.repeat(count)
    expect([helperHeapLimit([characters(4096), characters(512 * 1024)], 512), helperHeapLimit([characters(4096), characters(512 * 1024 + 1)], 512), helperHeapLimit([], 512)]).toEqual([512, undefined, 512])
  })
})

describe('parseBatches', () => {
  test('a text costs a unit a character of markup and a thousandth a character', () => {
    expect([parseCost(''), parseCost('plain words'), parseCost('| [a](b) | $x$ |'), parseCost('`c` *d* _e_ <f> \\ !')]).toEqual([0, 0.011, 9.016, 9.019])
  })

  test('the texts are cut in order into runs of about the same cost, not the same length', () => {
    // A table of links is slower to parse than prose of the same length: one such text weighs as much as ten times its length of prose.
    const rows = '| [a](b) |\n'.repeat(100)
    const prose = 'word '.repeat(2200)
    expect([parseCost(rows), parseCost(prose)]).toEqual([601.1, 11])
    const texts = [rows, prose, prose, prose]
    expect(parseBatches(texts, 2)).toEqual([[rows], [prose, prose, prose]])
    expect(parseBatches([prose, prose, prose, rows], 2)).toEqual([[prose, prose, prose], [rows]])
    expect(parseBatches([prose, prose], 3)).toEqual([[prose], [], [prose]])
    expect(parseBatches(['', ''], 2)).toEqual([['', ''], []])
  })
})

describe('parseAhead', () => {
  test('helper threads write every tree the read would parse with micromark; the read then parses none and gives what an uncached read gives', async () => {
    const root = await temporaryDirectory()
    const files = await contentFiles()
    const texts = [...new Set(files.flatMap((file) => contentParsedTexts(file)))]
    const parsed = micromarkTexts(texts)
    expect(parsed.length).toBeGreaterThan(files.length)
    expect(parsed.length).toBeLessThan(texts.length)
    const cache = new FileTreeCache(root)
    expect(texts.filter((text) => cache.has(text))).toEqual([])
    await parseAhead(cache, files, 2)
    // Before this thread parses anything, the cache holds the tree of every text micromark parses: the helpers
    // wrote them, and no other (the rows of agent.md's pieces are left to the read).
    expect(texts.filter((text) => cache.has(text))).toEqual(parsed)
    const read = parseContent(files, {cache})
    const plain = parseContent(copies(files))
    // The helpers' trees count as this run's parses; the read parsed none more.
    expect(cache.counts).toEqual({hits: 0, parsed: parsed.length})
    expect({survey: read.survey, sources: read.sources, messages: files.map((file) => file.messages.map(String))}).toStrictEqual({survey: plain.survey, sources: plain.sources, messages: files.map(() => [])})
  })

  test('helpers whose texts may need more than the heap limit get the default heap: every tree is still written ahead', async () => {
    // A large section of headings and lists (no table: micromark parses it all), in pieces of 2 to 8 KiB.
    const section = Array.from({length: 3000}, (_, index) => `## Method ${index}\n\n- Citation: A et al., 2024\n- Models: GPT-4, $\\pi_l$\n`).join('\n')
    const files = [new VFile({path: 'content/sections/overview.md', value: `# Overview\n\n${section}`})]
    const texts = [...new Set(files.flatMap((file) => contentParsedTexts(file)))]
    expect(micromarkTexts(texts)).toEqual(texts)
    const cache = new FileTreeCache(await temporaryDirectory())
    // One MB is less than any text may need (a helper given it runs out at once and writes nothing).
    expect(texts.every((text) => helperHeapLimit([text], 1) === undefined)).toBe(true)
    await parseAhead(cache, files, 2, {heapLimit: 1})
    expect(texts.filter((text) => !cache.has(text))).toEqual([])
  })

  test('nothing is parsed ahead with off, one thread, auto below the minimum, or a cache that keeps nothing', async () => {
    const files = await contentFiles()
    const small = await readContentFiles(repositoryRoot, 'content')
    const texts = (of: readonly VFile[]) => of.flatMap((file) => contentParsedTexts(file))
    for (const [threads, of, write] of [['off', files, true], [1, files, true], ['auto', small, true], [2, files, false]] as const) {
      const cache = new FileTreeCache(await temporaryDirectory(), {write})
      await parseAhead(cache, of, threads)
      expect({threads, write, kept: texts(of).filter((text) => cache.has(text))}).toEqual({threads, write, kept: []})
    }
  })

  test('a helper thread that does not load, dies before it reports or runs out of its heap limit leaves the texts to the read: nothing hangs or throws', async () => {
    const files = await contentFiles()
    const texts = micromarkTexts([...new Set(files.flatMap((file) => contentParsedTexts(file)))])
    const plain = JSON.stringify(parseContent(copies(files)).survey)
    // Each text is small enough for the helpers to be given the 32 MB limit the hungry one runs out of.
    expect(helperHeapLimit(texts, 32)).toBe(32)
    for (const worker of ['no-such-worker.mjs', 'crashing-worker.mjs', 'hungry-worker.mjs'].map((name) => new URL(`./${name}`, import.meta.url))) {
      const cache = new FileTreeCache(await temporaryDirectory())
      await parseAhead(cache, copies(files), 2, {worker, heapLimit: 32})
      const kept = texts.filter((text) => cache.has(text)).length
      const read = parseContent(copies(files), {cache})
      // Nothing written ahead; every tree parsed by the read itself, and the same survey.
      expect({worker: worker.pathname.split('/').at(-1), kept, counts: cache.counts, same: JSON.stringify(read.survey) === plain}).toEqual({worker: worker.pathname.split('/').at(-1), kept: 0, counts: {hits: 0, parsed: texts.length}, same: true})
    }
  })

  test('with a file past the limits nothing is parsed ahead (the read parses no file), and the file gets no message from being looked at', async () => {
    const cache = new FileTreeCache(await temporaryDirectory())
    const files = await contentFiles()
    const file = new VFile({path: 'content/sections/nul.md', value: `# Nul\n\n${'a'.repeat(10)}\0\n`})
    expect(contentParsedTexts(file)).toEqual([])
    await parseAhead(cache, [...files, file], 2)
    expect(file.messages).toEqual([])
    expect(files.flatMap((other) => contentParsedTexts(other)).filter((text) => cache.has(text))).toEqual([])
  })
})
