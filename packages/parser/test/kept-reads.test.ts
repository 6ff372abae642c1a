import type {Root} from 'mdast'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {contentParsedTexts, parseContent, parseMarkdown, type TreeCache} from '../src/index.js'
import {contentFiles, messages} from './helpers.js'

/** A cache as the CLI's is (every entry stored as JSON and read back new), recording the trees asked for and kept. */
class MemoryCache implements TreeCache {
  readonly trees = new Map<string, string>()
  readonly reads = new Map<string, string>()
  asked: string[] = []
  kept: string[] = []
  get(text: string): Root | undefined {
    this.asked.push(text)
    const entry = this.trees.get(text)
    return entry === undefined ? undefined : (JSON.parse(entry) as Root)
  }
  set(text: string, tree: Root): void {
    this.trees.set(text, JSON.stringify(tree))
  }
  getRead(key: string): unknown {
    const entry = this.reads.get(key)
    return entry === undefined ? undefined : JSON.parse(entry)
  }
  setRead(key: string, read: unknown): void {
    this.reads.set(key, JSON.stringify(read))
  }
  keep(texts: readonly string[]): void {
    this.kept.push(...texts)
  }
  /** Forget what was asked and kept, for the next read. */
  reset(): void {
    this.asked = []
    this.kept = []
  }
}

/** A read of content/ as tests compare it: the survey, the draft, every place and every message. */
function read(files: VFile[], cache?: MemoryCache) {
  const {survey, draft, sources} = parseContent(files, {cache})
  return {survey, draft, sources, messages: messages(files)}
}

const growing = ['content/methods/agent.md', 'content/methods/planner.md', 'content/methods/reward.md', 'content/references.md']
const textsOf = (files: VFile[], paths: readonly string[]) => files.filter((file) => paths.includes(file.path)).flatMap((file) => contentParsedTexts(file))

describe('kept reads of content files', () => {
  test('a methods or references file read before is not parsed again, and the read equals one without a cache, every value and place', () => {
    const uncached = read(contentFiles())
    expect(uncached.survey).toBeDefined()
    const cache = new MemoryCache()
    expect(read(contentFiles(), cache)).toStrictEqual(uncached)
    expect(cache.reads.size).toBe(growing.length)
    cache.reset()
    const files = contentFiles()
    expect(read(files, cache)).toStrictEqual(uncached)
    // Their trees were neither asked for nor parsed, only kept for a lint that needs them.
    expect(cache.asked.filter((text) => textsOf(files, growing).includes(text))).toEqual([])
    expect(cache.kept.sort()).toEqual(textsOf(files, growing).sort())
    expect(cache.asked.length).toBeGreaterThan(0)
  })

  test('a file whose text or inputs changed is read again: an edited row, then a legend the methods are checked against', () => {
    const cache = new MemoryCache()
    read(contentFiles(), cache)
    const edit = (files: VFile[], path: string, from: string, to: string) => {
      const file = files.find((candidate) => candidate.path === path)!
      expect(String(file.value)).toContain(from)
      file.value = String(file.value).replace(from, to)
      return files
    }
    const editedRow = () => edit(contentFiles(), 'content/methods/agent.md', '| Meerkat, Vicuna-1.5 |', '| Meerkat, Vicuna-2 |')
    cache.reset()
    expect(read(editedRow(), cache)).toStrictEqual(read(editedRow()))
    expect(cache.kept.sort()).toEqual(textsOf(contentFiles(), growing.slice(1)).sort())
    // A symbol's meaning changed in the legend: every methods file is read against it again, the references are not.
    const editedLegend = () => edit(editedRow(), 'content/legend.md', 'full fine-tuning', 'complete fine-tuning')
    cache.reset()
    expect(read(editedLegend(), cache)).toStrictEqual(read(editedLegend()))
    expect(cache.kept).toEqual(textsOf(contentFiles(), ['content/references.md']))
  })

  test('a read that put a message on its file is not kept: the message comes again with every read', () => {
    const withMessage = () => {
      const files = contentFiles()
      const planner = files.find((file) => file.path === 'content/methods/planner.md')!
      planner.value = String(planner.value).replace(/^(\| SayTap \| [^|]+\| [^|]+\| )× /m, '$1yes ')
      return files
    }
    const uncached = read(withMessage())
    expect(uncached.messages).toEqual([expect.stringMatching(/^content\/methods\/planner\.md:7:40-7:43: Unexpected symbol `yes` in column `FT`, expected one of `✓`, `✓\*`, `×`; add it to content\/legend\.md to allow it \(no-unknown-symbol\)$/)])
    const cache = new MemoryCache()
    expect(read(withMessage(), cache)).toStrictEqual(uncached)
    expect(read(withMessage(), cache)).toStrictEqual(uncached)
    expect(cache.reads.size).toBe(growing.length - 1)
  })

  test('keepTrees with kept reads: the trees of the files read are handed back, none of a file whose kept read was taken', () => {
    const cache = new MemoryCache()
    const keeping = (files: VFile[]) => parseContent(files, {cache, keepTrees: true})
    const paths = (read: {trees: Map<VFile, unknown>}) => [...read.trees.keys()].map((file) => file.path).sort()
    const every = contentFiles().map((file) => file.path).sort()
    // A first read: every file is read, and every tree handed back.
    const first = keeping(contentFiles())
    expect(paths(first)).toEqual(every)
    expect(first.survey).toStrictEqual(read(contentFiles()).survey)
    // One row edited: the other growing files' kept reads are taken, so only their trees stay in the cache.
    const files = contentFiles()
    const agent = files.find((file) => file.path === 'content/methods/agent.md')!
    agent.value = String(agent.value).replace('| Meerkat, Vicuna-1.5 |', '| Meerkat, Vicuna-2 |')
    const edited = keeping(files)
    const untouched = growing.filter((path) => path !== agent.path)
    expect(paths(edited)).toEqual(every.filter((path) => !untouched.includes(path)))
    const copies = files.map((file) => new VFile({path: file.path, value: file.value}))
    const uncachedTrees = parseContent(copies, {keepTrees: true}).trees
    expect(edited.trees.get(agent)).toStrictEqual(uncachedTrees.get(copies.find((file) => file.path === agent.path)!))
    expect(edited.survey).toStrictEqual(read(files).survey)
    // Nothing changed: every growing file's read is kept, so only the other files' trees come back.
    expect(paths(keeping(files))).toEqual(every.filter((path) => !growing.includes(path)))
  })

  test('keepTrees as a number: the one file parsed past it comes back too, but none of several', () => {
    const budget = 50_000
    // The growing files made larger than the budget (blank lines at the end change no value or place), the others fit in it.
    const padded = (files: VFile[]) => {
      for (const file of files) if (growing.includes(file.path)) file.value = `${String(file.value)}${'\n'.repeat(budget)}`
      expect(files.filter((file) => !growing.includes(file.path)).reduce((sum, file) => sum + String(file.value).length, 0)).toBeLessThan(budget)
      return files
    }
    const edit = (path: string, from: string, to: string) => (files: VFile[]) => {
      const file = files.find((candidate) => candidate.path === path)!
      expect(String(file.value)).toContain(from)
      file.value = String(file.value).replace(from, to)
      return files
    }
    const cache = new MemoryCache()
    const keeping = (files: VFile[]) => parseContent(files, {cache, keepTrees: budget})
    const paths = (read: {trees: Map<VFile, unknown>}) => [...read.trees.keys()].map((file) => file.path).sort()
    const small = contentFiles().map((file) => file.path).filter((path) => !growing.includes(path)).sort()
    // The first read parses the four growing files: none of their trees is handed back.
    expect(paths(keeping(padded(contentFiles())))).toEqual(small)
    // A row edited: the other growing files' kept reads are taken, and the tree of the one parsed comes back.
    const editAgent = edit('content/methods/agent.md', '| Meerkat, Vicuna-1.5 |', '| Meerkat, Vicuna-2 |')
    const files = editAgent(padded(contentFiles()))
    const edited = keeping(files)
    expect(paths(edited)).toEqual([...small, 'content/methods/agent.md'].sort())
    const agent = files.find((file) => file.path === 'content/methods/agent.md')!
    expect(edited.trees.get(agent)).toStrictEqual(parseMarkdown(String(agent.value)))
    expect(edited.survey).toStrictEqual(read(editAgent(padded(contentFiles()))).survey)
    // The same row edited again, and one of the references: two growing files are parsed, and neither tree comes back.
    const editAgain = edit('content/methods/agent.md', '| Meerkat, Vicuna-2 |', '| Meerkat, Vicuna-3 |')
    const editReferences = edit('content/references.md', '| Brooks et al., 2023 | Ethan A. Brooks,', '| Brooks et al., 2023 | Ethan Brooks,')
    expect(paths(keeping(editReferences(editAgain(files))))).toEqual(small)
  })
})
