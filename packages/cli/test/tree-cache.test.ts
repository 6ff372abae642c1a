import {createHash} from 'node:crypto'
import {mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {parseContent, parseMarkdown, parsedTexts, unpackSources} from '@fmrl/parser'
import type {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {readContentFiles} from '../src/content-files.js'
import {FileTreeCache, packageFingerprint, parseContentCached, parserFingerprint, treeCacheFolder} from '../src/tree-cache.js'
import {micromarkTexts, repositoryRoot, run, temporaryDirectory, temporaryRepository} from './helpers.js'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** Every entry of the cache, files' findings included. */
async function allEntries(root: string): Promise<{folders: string[]; entries: string[]}> {
  const folders = (await readdir(join(root, treeCacheFolder)).catch(() => [])).sort()
  const names = await Promise.all(folders.map((folder) => readdir(join(root, treeCacheFolder, folder))))
  return {folders, entries: names.flat().sort()}
}

/** The cache's trees (hashes of texts), surveys and records, and its fingerprint folders; the files' findings and kept reads are apart. */
async function entries(root: string): Promise<{folders: string[]; entries: string[]}> {
  const all = await allEntries(root)
  return {folders: all.folders, entries: all.entries.filter((name) => !name.startsWith('findings-') && !name.startsWith('read-'))}
}

/** Remove the reads kept of content files, so that reading content/ reads their trees again. */
async function dropReads(root: string): Promise<void> {
  const {folders, entries: names} = await allEntries(root)
  for (const name of names.filter((entry) => entry.startsWith('read-'))) await rm(join(root, treeCacheFolder, folders[0]!, name))
}

/** Remove the findings kept for each file, so that the rules run on the trees again. */
async function dropFindings(root: string): Promise<void> {
  const {folders, entries: names} = await allEntries(root)
  for (const name of names.filter((entry) => entry.startsWith('findings-'))) await rm(join(root, treeCacheFolder, folders[0]!, name))
}

/** Our repository's Markdown: content/ and the generated README and tables. */
async function ownMarkdown(): Promise<string[]> {
  const content = (await readdir(join(repositoryRoot, 'content'), {recursive: true})).filter((path) => path.endsWith('.md')).map((path) => `content/${path}`)
  const tables = (await readdir(join(repositoryRoot, 'tables'))).filter((path) => path.endsWith('.md')).map((path) => `tables/${path}`)
  return ['README.md', ...tables, ...content].sort()
}

/** A copy of the repository's content/ and outputs with findings in it (an unknown symbol, a bare http link, a missing file). */
async function repositoryWithFindings(): Promise<string> {
  const root = await temporaryRepository()
  expect((await run(['build'], root)).code).toBe(0)
  // The build's record of its outputs (see the last tests): these start without a cache.
  await rm(join(root, '.cache'), {recursive: true})
  const agent = join(root, 'content/methods/agent.md')
  const text = await readFile(agent, 'utf8')
  await writeFile(agent, text.replace('| ✓ |', '| ✔︎ |').replace('https://github.com/', 'http://github.com/'))
  await writeFile(join(root, 'notes.md'), '# Notes\n\nSee [the plan](plan.md) and [Table 1](tables/table1.md#missing).\n')
  return root
}

/** The entry holding the survey read from content/ (one after a lint of every content file). */
async function contentEntry(root: string): Promise<string> {
  const [folder] = (await entries(root)).folders
  const names = (await readdir(join(root, treeCacheFolder, folder!))).filter((name) => name.startsWith('content-'))
  expect(names).toHaveLength(1)
  return join(root, treeCacheFolder, folder!, names[0]!)
}

const lintJson = async (root: string, ...args: string[]) => {
  const result = await run(['lint', '--format', 'json', ...args], root)
  return {code: result.code, findings: JSON.parse(result.out) as unknown[]}
}

describe('the parse cache (.cache/fmrl/trees)', () => {
  test('a tree read back from the cache is the tree the parser makes of the text, on every file of our repository', async () => {
    const root = await temporaryDirectory()
    const texts = await Promise.all((await ownMarkdown()).map((path) => readFile(join(repositoryRoot, path), 'utf8')))
    const writer = new FileTreeCache(root, {fingerprint: 'f1'})
    for (const text of texts) parseMarkdown(text, writer)
    await writer.save()
    const reader = new FileTreeCache(root, {fingerprint: 'f1'})
    for (const text of texts) expect(parseMarkdown(text, reader)).toStrictEqual(parseMarkdown(text))
    // One tree per piece micromark parsed: README.md and the longer content files are parsed in several.
    const pieces = new Set(micromarkTexts(texts.flatMap((text) => parsedTexts(text))))
    expect(pieces.size).toBeGreaterThan(texts.length)
    expect(reader.counts).toEqual({hits: pieces.size, parsed: 0})
  })

  test('an entry holds each position as six numbers, and gives back every position as it was, one without offsets or a node without one too', async () => {
    const root = await temporaryDirectory()
    const text = '# Title\n\nSome *text*.\n'
    const tree = parseMarkdown(text)
    const paragraph = tree.children[1]!
    paragraph.position = {start: {line: 3, column: 1}, end: {line: 3, column: 13}}
    delete (paragraph as {children: Array<{position?: unknown}>}).children[0]!.position
    new FileTreeCache(root, {fingerprint: 'f1'}).set(text, tree)
    const entry = JSON.parse(await readFile(join(root, treeCacheFolder, 'f1', `${sha256(text)}.json`), 'utf8')) as {tree: {position: unknown; children: Array<{position: unknown}>}}
    expect(entry.tree.position).toEqual([1, 1, 0, 4, 1, text.length])
    expect(entry.tree.children[1]!.position).toEqual({start: {line: 3, column: 1}, end: {line: 3, column: 13}})
    const reader = new FileTreeCache(root, {fingerprint: 'f1'})
    expect(reader.get(text)).toStrictEqual(tree)
    // Only trees are counted: the serialized pieces a build keeps are none.
    reader.setSerialized('page', new Map([['a row', '<tr></tr>']]))
    expect(reader.counts).toEqual({hits: 1, parsed: 0})
  })

  test('fmrl lint gives the same findings at the same places with the cache cold, warm and off', async () => {
    const root = await repositoryWithFindings()
    const uncached = await lintJson(root, '--no-cache', 'content', 'notes.md', 'README.md')
    expect(await entries(root)).toEqual({folders: [], entries: []})
    const cold = await lintJson(root, 'content', 'notes.md', 'README.md')
    const stored = await entries(root)
    const warm = await lintJson(root, 'content', 'notes.md', 'README.md')
    expect(uncached.code).toBe(1)
    expect(uncached.findings.length).toBeGreaterThan(2)
    expect([cold, warm]).toEqual([uncached, uncached])
    // One folder for this parser, one entry per piece micromark parsed of each file linted (README, notes.md and every content file).
    expect(stored.folders).toEqual([parserFingerprint()])
    const linted = ['README.md', 'notes.md', ...(await readdir(join(root, 'content'), {recursive: true})).filter((path) => path.endsWith('.md')).map((path) => `content/${path}`)]
    const texts = await Promise.all(linted.map((path) => readFile(join(root, path), 'utf8')))
    expect(stored.entries).toEqual([...new Set(micromarkTexts(texts.flatMap((text) => parsedTexts(text))).map((text) => `${sha256(text)}.json`))].sort())
    expect(await entries(root)).toEqual(stored)
    // Beside them, the reads of the methods and references files read without a message (agent.md has findings).
    expect((await allEntries(root)).entries.filter((name) => name.startsWith('read-'))).toHaveLength(3)
  })

  test('the findings come from the trees it holds: a tree put in for a text is what lint and check read for it', async () => {
    const root = await repositoryWithFindings()
    const entryOf = async (path: string) => join(root, treeCacheFolder, parserFingerprint(), `${sha256(await readFile(join(root, path), 'utf8'))}.json`)
    /** Put the tree of `other` text into the entry of the file at `path`. */
    const plant = async (path: string, other: string) => {
      const entry = JSON.parse(await readFile(await entryOf(path), 'utf8')) as {tree: unknown}
      await writeFile(await entryOf(path), JSON.stringify({...entry, tree: parseMarkdown(other)}))
    }
    expect((await run(['lint', 'notes.md'], root)).code).toBe(1)
    // notes.md as if its links pointed at files that exist (and no findings kept for its text).
    await plant('notes.md', '# Notes\n\nSee [the plan](README.md) and [Table 1](tables/table1.md).\n')
    await dropFindings(root)
    expect(await run(['lint', 'notes.md'], root)).toEqual({code: 0, out: '', err: 'fmrl: content/ has errors, so the checks against the survey were skipped: run `fmrl lint content` to see them'})
    expect((await run(['lint', '--no-cache', 'notes.md'], root)).code).toBe(1)
    // content/ as if a method had another model: the outputs no longer match it.
    await writeFile(join(root, 'content/methods/agent.md'), await readFile(join(repositoryRoot, 'content/methods/agent.md'), 'utf8'))
    expect((await run(['check'], root)).code).toBe(0)
    await run(['lint', 'content'], root)
    // Without the survey read from content/ (see the next test) and the files' kept reads, check reads content/'s trees.
    await rm(await contentEntry(root))
    await dropReads(root)
    await plant('content/methods/agent.md', (await readFile(join(root, 'content/methods/agent.md'), 'utf8')).replace('| GPT-4 |', '| GPT-5 |'))
    expect((await run(['check'], root)).code).toBe(1)
    expect((await run(['check', '--no-cache'], root)).code).toBe(0)
  })

  test('the survey it holds for content/ is what lint and check read: a survey put in for the same texts', async () => {
    const root = await repositoryWithFindings()
    await writeFile(join(root, 'content/methods/agent.md'), await readFile(join(repositoryRoot, 'content/methods/agent.md'), 'utf8'))
    await rm(join(root, 'notes.md'))
    expect(await lintJson(root, 'README.md')).toEqual({code: 0, findings: []})
    const entry = JSON.parse(await readFile(await contentEntry(root), 'utf8')) as {survey: {methods: Array<{name: string; models: string[]}>}; sources: unknown; reads: string[]}
    // Read back, the survey equals a read of content/ without the cache: every value and every place.
    const fresh = parseContent(await readContentFiles(root, 'content'))
    expect(entry).toStrictEqual({format: expect.any(Number), content: expect.stringMatching(/^[0-9a-f]{64}$/), survey: fresh.survey, sources: expect.any(Object), reads: expect.any(Array)})
    expect(unpackSources(entry.sources)).toEqual([...fresh.sources])
    // Beside it, the names of the kept reads it was read from: those of the methods and references files.
    const kept = (await allEntries(root)).entries.filter((name) => name.startsWith('read-')).map((name) => name.replace(/\.json$/, ''))
    expect([...entry.reads].sort()).toEqual(kept)
    expect(kept).toHaveLength(4)
    // content/ as if AGILE had another model: the README disagrees with it, and the outputs no longer match.
    const agile = entry.survey.methods.find((method) => method.name === 'AGILE')!
    agile.models = ['GPT-5']
    await writeFile(await contentEntry(root), JSON.stringify(entry))
    const planted = await lintJson(root, 'README.md')
    expect(planted.code).toBe(1)
    expect(new Set(planted.findings.map((finding) => (finding as {ruleId: string}).ruleId))).toEqual(new Set(['consistent-values']))
    expect((await run(['check'], root)).code).toBe(1)
    expect((await run(['check', '--no-cache'], root)).code).toBe(0)
    expect(await lintJson(root, '--no-cache', 'README.md')).toEqual({code: 0, findings: []})
  })

  test('content/ that does not read into a survey, or carries a message, is not kept: its messages come from reading it again', async () => {
    const root = await repositoryWithFindings()
    const warned = await lintJson(root, 'content')
    expect(warned.code).toBe(1)
    expect((await entries(root)).entries.filter((name) => name.startsWith('content-'))).toEqual([])
    expect(await lintJson(root, 'content')).toEqual(warned)
  })

  test('the fingerprints change with the version of any package the parser uses and with any module of the parser, the model or the rules', async () => {
    const root = await temporaryDirectory()
    const put = async (path: string, text: string) => {
      await mkdir(join(root, path, '..'), {recursive: true})
      await writeFile(join(root, path), text)
    }
    const manifest = (name: string, version: string, dependencies: Record<string, string> = {}) => JSON.stringify({name, version, main: 'index.js', dependencies})
    await put('node_modules/@fmrl/parser/package.json', JSON.stringify({name: '@fmrl/parser', version: '0.1.0', main: 'dist/index.js', dependencies: {'@fmrl/model': 'workspace:*', 'remark-parse': '^11'}}))
    await put('node_modules/@fmrl/parser/dist/index.js', 'export {}\n')
    await put('node_modules/@fmrl/parser/dist/markdown.js', 'export const plugins = ["remark-gfm"]\n')
    await put('node_modules/remark-parse/package.json', manifest('remark-parse', '11.0.0', {micromark: '^4'}))
    await put('node_modules/remark-parse/index.js', '')
    await put('node_modules/micromark/package.json', manifest('micromark', '4.0.2'))
    await put('node_modules/micromark/index.js', '')
    await put('node_modules/@fmrl/lint/package.json', JSON.stringify({name: '@fmrl/lint', version: '0.1.0', main: 'dist/index.js', dependencies: {'@fmrl/parser': 'workspace:*'}}))
    await put('node_modules/@fmrl/lint/dist/index.js', 'export {}\n')
    // Node remembers a package.json it did not find: the model is there from the start.
    await put('node_modules/@fmrl/model/package.json', JSON.stringify({name: '@fmrl/model', version: '0.1.0', main: 'dist/index.js'}))
    await put('node_modules/@fmrl/model/dist/index.js', 'export const roles = ["agent"]\n')
    const from = join(root, 'cli.js')
    const seen = [parserFingerprint(from)]
    expect(parserFingerprint(from)).toBe(seen[0])
    // Without an install record, each package's version: a transitive one counts too.
    await put('node_modules/micromark/package.json', manifest('micromark', '4.0.3'))
    seen.push(parserFingerprint(from))
    // With one (npm's here), the record.
    await put('node_modules/.package-lock.json', '{"packages": {"node_modules/micromark": {"version": "4.0.3"}}}\n')
    seen.push(parserFingerprint(from))
    await put('node_modules/.package-lock.json', '{"packages": {"node_modules/micromark": {"version": "4.0.4"}}}\n')
    seen.push(parserFingerprint(from))
    await put('node_modules/@fmrl/parser/dist/markdown.js', 'export const plugins = ["remark-gfm", "remark-math"]\n')
    seen.push(parserFingerprint(from))
    // Any module of the parser (how content/ reads into a survey) and of the model it reads into.
    await put('node_modules/@fmrl/parser/dist/content/survey.js', 'export const singles = ["survey"]\n')
    seen.push(parserFingerprint(from))
    await put('node_modules/@fmrl/model/dist/index.js', 'export const roles = ["agent", "planner"]\n')
    seen.push(parserFingerprint(from))
    expect(parserFingerprint(from)).toBe(seen.at(-1))
    expect(new Set(seen).size).toBe(7)
    // The rules' fingerprint (what each file's findings are keyed by) covers the lint package and the parser it uses.
    const rules = [packageFingerprint('@fmrl/lint', from)]
    await put('node_modules/@fmrl/lint/dist/rules/no-missing-file.js', 'export const id = "no-missing-file"\n')
    rules.push(packageFingerprint('@fmrl/lint', from))
    await put('node_modules/@fmrl/parser/dist/content/survey.js', 'export const singles = ["survey", "legend"]\n')
    rules.push(packageFingerprint('@fmrl/lint', from))
    expect(new Set(rules).size).toBe(3)
  })

  test('a cache of another parser or fmrl version is never read, and is removed by the next run', async () => {
    const root = await repositoryWithFindings()
    const uncached = await lintJson(root, '--no-cache', 'notes.md')
    // Trees under another fingerprint that would hide every finding: an empty document for every text.
    const stale = new FileTreeCache(root, {fingerprint: 'an-older-fmrl'})
    stale.set(await readFile(join(root, 'notes.md'), 'utf8'), {type: 'root', children: []})
    await stale.save()
    expect(await lintJson(root, 'notes.md')).toEqual(uncached)
    expect((await entries(root)).folders).toEqual([parserFingerprint()])
  })

  test('a changed configuration is applied to cached trees: the rules run again on every file', async () => {
    const root = await repositoryWithFindings()
    const before = await lintJson(root, 'content', 'notes.md')
    await writeFile(join(root, 'fmrl.config.json'), '{"rules": {"no-missing-file": "off", "prefer-https": "off"}}\n')
    const after = await lintJson(root, 'content', 'notes.md')
    expect(after).toEqual(await lintJson(root, '--no-cache', 'content', 'notes.md'))
    const rules = (result: {findings: unknown[]}) => [...new Set(result.findings.map((finding) => (finding as {ruleId: string}).ruleId))].sort()
    expect(rules(before)).toEqual(['no-missing-file', 'no-unknown-symbol', 'prefer-https'])
    expect(rules(after)).toEqual(['no-unknown-symbol'])
  })

  test('a truncated or foreign entry is a miss, parsed again and rewritten', async () => {
    const root = await repositoryWithFindings()
    const uncached = await lintJson(root, '--no-cache', 'content', 'notes.md')
    await lintJson(root, 'content', 'notes.md')
    const {folders, entries: names} = await entries(root)
    const folder = join(root, treeCacheFolder, folders[0]!)
    const good = await readFile(join(folder, names[0]!), 'utf8')
    await writeFile(join(folder, names[0]!), good.slice(0, good.length / 2))
    const {format} = JSON.parse(good) as {format: number}
    await writeFile(join(folder, names[1]!), JSON.stringify({format, text: names[1]!.replace('.json', ''), tree: {type: 'paragraph'}}))
    await dropFindings(root)
    expect(await lintJson(root, 'content', 'notes.md')).toEqual(uncached)
    expect(JSON.parse(await readFile(join(folder, names[0]!), 'utf8'))).toEqual(JSON.parse(good))
    expect((JSON.parse(await readFile(join(folder, names[1]!), 'utf8')) as {tree: {type: string}}).tree.type).toBe('root')
  })

  test('a run over the default files keeps only their trees; a run given files keeps the others too', async () => {
    const root = await repositoryWithFindings()
    await run(['lint', 'notes.md'], root)
    await run(['lint'], root)
    const all = (await entries(root)).entries
    // notes.md is no default file: its entry went with the default run.
    await run(['lint', 'notes.md'], root)
    expect((await entries(root)).entries).toHaveLength(all.length + 1)
    await writeFile(join(root, 'content/datasets.md'), `${await readFile(join(root, 'content/datasets.md'), 'utf8')}\n`)
    await run(['lint'], root)
    const after = (await entries(root)).entries
    expect(after).toHaveLength(all.length)
    expect(after.filter((name) => !all.includes(name))).toHaveLength(1)
  })

  test('a run given files, and a build, keep the survey, kept reads and outputs record of the content/ they read, and drop those of an earlier content/', async () => {
    const root = await temporaryRepository()
    const ofContent = async () => (await allEntries(root)).entries.filter((name) => /^(content|read|outputs)-/.test(name))
    const kinds = (names: string[]) => names.map((name) => name.slice(0, name.indexOf('-'))).sort()
    await run(['build'], root)
    const built = await ofContent()
    expect(kinds(built)).toEqual(['content', 'outputs', 'read', 'read', 'read', 'read'])
    const agent = join(root, 'content/methods/agent.md')
    // Each edit reads the edited file again, from a new text: its read, the survey and the outputs record are new.
    await writeFile(agent, (await readFile(agent, 'utf8')).replace('| Meerkat, Vicuna-1.5 |', '| Meerkat, Vicuna-2 |'))
    expect((await run(['lint', 'README.md'], root)).code).toBe(1)
    const linted = await ofContent()
    expect(kinds(linted)).toEqual(['content', 'read', 'read', 'read', 'read'])
    expect(linted.filter((name) => !built.includes(name)).map((name) => name.slice(0, name.indexOf('-'))).sort()).toEqual(['content', 'read'])
    await writeFile(agent, (await readFile(agent, 'utf8')).replace('| Meerkat, Vicuna-2 |', '| Meerkat, Vicuna-3 |'))
    expect((await run(['build'], root)).code).toBe(0)
    const rebuilt = await ofContent()
    expect(kinds(rebuilt)).toEqual(['content', 'outputs', 'read', 'read', 'read', 'read'])
    // The three reads of the files not edited are the ones kept since the first build.
    expect(rebuilt.filter((name) => name.startsWith('read-') && built.includes(name))).toHaveLength(3)
  })

  test('a run that finds the survey of content/ keeps the reads it was read from: the next edit reads the edited file alone', async () => {
    const root = await temporaryRepository()
    const reads = async () => (await allEntries(root)).entries.filter((name) => name.startsWith('read-'))
    await run(['lint'], root)
    const first = await reads()
    expect(first).toHaveLength(4)
    // The survey is found: no file is read, and a run over the default files keeps only what it used.
    await run(['lint'], root)
    expect(await reads()).toEqual(first)
    const agent = join(root, 'content/methods/agent.md')
    await writeFile(agent, (await readFile(agent, 'utf8')).replace('| Meerkat, Vicuna-1.5 |', '| Meerkat, Vicuna-2 |'))
    await run(['lint'], root)
    const after = await reads()
    expect(after.filter((name) => first.includes(name))).toHaveLength(3)
    expect(after).toHaveLength(4)
  })

  test('the bytes of content/ its last kept read did not read: every file\'s before one, none after, the edited file\'s after an edit, through pruning and a read with a message', async () => {
    const root = await temporaryRepository()
    const unread = async () => new FileTreeCache(root).unreadBytes(await readContentFiles(root, 'content'))
    const agent = join(root, 'content/methods/agent.md')
    const all = (await readContentFiles(root, 'content')).reduce((sum, file) => sum + Buffer.byteLength(String(file.value)), 0)
    expect(await unread()).toBe(all)
    await run(['lint'], root)
    expect(await unread()).toBe(0)
    await writeFile(agent, (await readFile(agent, 'utf8')).replace('| Meerkat, Vicuna-1.5 |', '| Meerkat, Vicuna-2 |'))
    expect(await unread()).toBe((await readFile(agent)).length)
    // A run that finds the survey (and prunes what it did not use) leaves the list as it was.
    await run(['lint'], root)
    await run(['lint'], root)
    expect(await unread()).toBe(0)
    // A read with a message (a paragraph a methods file has no place for) is not kept: the list stays that of the last read that was.
    await writeFile(agent, `${await readFile(agent, 'utf8')}\nA stray paragraph.\n`)
    await run(['lint'], root)
    expect(await unread()).toBe((await readFile(agent)).length)
  })

  test('the serialized pieces are written a few thousand at a time as the JSON of the whole entry, and read back whole', async () => {
    const root = await temporaryDirectory()
    const cache = new FileTreeCache(root)
    const path = join(root, treeCacheFolder, cache.fingerprint, 'serialized-markdown.json')
    for (const count of [0, 1, 4096, 4097, 10_000]) {
      const texts = new Map(Array.from({length: count}, (_, index) => [`key ${index}`, `| cell "${index}" \u03c0 \\ |`] as const))
      cache.setSerialized('markdown', texts)
      const text = await readFile(path, 'utf8')
      expect(text).toBe(JSON.stringify({format: (JSON.parse(text) as {format: number}).format, render: (JSON.parse(text) as {render: string}).render, texts: [...texts]}))
      expect(new FileTreeCache(root).getSerialized('markdown')).toEqual(texts)
    }
  })

  test('a read of content/ through the cache hands lint the tree of every file it read, the same tree a read without a cache gives', async () => {
    const root = await temporaryDirectory()
    const paths = (trees: Map<VFile, unknown>) => [...trees.keys()].map((file) => file.path).sort()
    const files = await readContentFiles(repositoryRoot, 'content')
    const every = files.map((file) => file.path).sort()
    // A first read parses every file: lint is handed every tree, and reads none back from the cache.
    const first = await parseContentCached(files, new FileTreeCache(root), {keepTrees: true, threads: 'off'})
    expect(paths(first.trees)).toEqual(every)
    const plain = parseContent(await readContentFiles(repositoryRoot, 'content'), {keepTrees: true})
    const planner = (trees: Map<VFile, unknown>) => [...trees].find(([file]) => file.path === 'content/methods/planner.md')?.[1]
    expect(planner(first.trees)).toStrictEqual(planner(plain.trees))
    // One row edited: the kept reads of the other methods and references files are taken, their trees left in the cache.
    const edited = await readContentFiles(repositoryRoot, 'content')
    const agent = edited.find((file) => file.path === 'content/methods/agent.md')!
    agent.value = String(agent.value).replace('| Meerkat, Vicuna-1.5 |', '| Meerkat, Vicuna-2 |')
    const taken = ['content/methods/planner.md', 'content/methods/reward.md', 'content/references.md']
    const again = await parseContentCached(edited, new FileTreeCache(root), {keepTrees: true, threads: 'off'})
    expect(paths(again.trees)).toEqual(every.filter((path) => !taken.includes(path)))
  })

  test('a read of content/ gives the survey, its places and the trees, never the draft beside them: with the cache cold, warm, or without one', async () => {
    const root = await temporaryDirectory()
    const plain = parseContent(await readContentFiles(repositoryRoot, 'content'))
    for (const cache of [new FileTreeCache(root), new FileTreeCache(root), undefined]) {
      const read = await parseContentCached(await readContentFiles(repositoryRoot, 'content'), cache, {threads: 'off'})
      // The draft is a second copy of every method, which a caller holding the read would hold through a build.
      expect(Object.keys(read).sort()).toEqual(['sources', 'survey', 'trees'])
      expect(read.survey).toStrictEqual(plain.survey)
    }
  })

  test('the survey kept after lint --fix stands on the reads of the fixed files, not on those of the text before the fix', async () => {
    const root = await temporaryRepository()
    const agent = join(root, 'content/methods/agent.md')
    await writeFile(agent, (await readFile(agent, 'utf8')).replace('https://github.com/', 'http://github.com/'))
    expect((await run(['lint', '--fix', 'content'], root)).err).toContain('content/methods/agent.md: 1 fix applied')
    // The next run finds the survey of the fixed content/ and keeps what it stands on; the survey before the fix goes.
    expect((await run(['lint', 'content'], root)).code).toBe(0)
    const entry = JSON.parse(await readFile(await contentEntry(root), 'utf8')) as {reads: string[]}
    const reads = (await allEntries(root)).entries.filter((name) => name.startsWith('read-')).map((name) => name.replace(/\.json$/, ''))
    expect([...entry.reads].sort()).toEqual(reads)
    expect(reads).toHaveLength(4)
  })

  test('check reads the cache and never writes one; a cache that cannot be written is said, and changes no finding', async () => {
    const root = await repositoryWithFindings()
    await rm(join(root, 'notes.md'))
    await writeFile(join(root, 'content/methods/agent.md'), (await readFile(join(repositoryRoot, 'content/methods/agent.md'), 'utf8')))
    expect((await run(['check'], root)).code).toBe(0)
    expect(await entries(root)).toEqual({folders: [], entries: []})
    // A file where the cache's folder would be.
    await mkdir(join(root, '.cache'))
    await writeFile(join(root, '.cache/fmrl'), 'not a folder')
    const linted = await run(['lint', '--format', 'json'], root)
    expect(linted.code).toBe(0)
    expect(linted.out).toBe('[]')
    expect(linted.err).toMatch(/^fmrl: the parse cache was not written \(ENOTDIR on `\.cache\/fmrl\/trees\/[0-9a-f]{64}`\); the findings above are complete, the next run parses again \(`--no-cache` skips the cache\)$/)
  })

  test('a build records its outputs, and check compares their hashes instead of rendering; any difference renders as without the record', async () => {
    const root = await temporaryRepository()
    expect((await run(['build'], root)).code).toBe(0)
    const [record] = (await entries(root)).entries.filter((name) => name.startsWith('outputs-'))
    const recordPath = join(root, treeCacheFolder, parserFingerprint(), record!)
    const written = JSON.parse(await readFile(recordPath, 'utf8')) as {render: string; outputs: Array<{path: string; hash: string}>}
    expect(written.outputs.map((output) => output.path)).toEqual(['README.md', 'tables/table1.md', 'tables/agent.md', 'tables/planner.md', 'tables/reward.md', 'tables/table1.tex', 'export/survey.json', 'export/survey.schema.json', 'site/index.html'])
    for (const {path, hash} of written.outputs) expect(hash).toBe(sha256(await readFile(join(root, path), 'utf8')))
    expect(await run(['check'], root)).toEqual({code: 0, out: 'All 9 generated files match content/.', err: ''})
    // A README edited by hand: check renders, and says what check --no-cache says.
    const readme = await readFile(join(root, 'README.md'), 'utf8')
    await writeFile(join(root, 'README.md'), `${readme}\nA line by hand.\n`)
    const stale = await run(['check', '--no-cache'], root)
    expect(stale.code).toBe(1)
    expect(await run(['check'], root)).toEqual(stale)
    // The record is what check reads: one that says the edited README is what the build wrote hides it...
    const planted = {...written, outputs: written.outputs.map((output) => (output.path === 'README.md' ? {...output, hash: sha256(`${readme}\nA line by hand.\n`)} : output))}
    await writeFile(recordPath, JSON.stringify(planted))
    expect((await run(['check'], root)).code).toBe(0)
    // ...but never when another renderer made it, nor for other content/, nor with --adopt.
    await writeFile(recordPath, JSON.stringify({...planted, render: 'an-older-renderer'}))
    expect(await run(['check'], root)).toEqual(stale)
    await writeFile(recordPath, JSON.stringify(planted))
    expect((await run(['check', '--adopt'], root)).code).toBe(1)
    await writeFile(join(root, 'content/datasets.md'), `${await readFile(join(root, 'content/datasets.md'), 'utf8')}\n`)
    expect((await run(['check'], root)).code).toBe(1)
  })

  test('lint keeps the record of the outputs built from the content/ it reads, and drops those of other content/', async () => {
    const root = await temporaryRepository()
    await run(['build'], root)
    const records = async () => (await entries(root)).entries.filter((name) => name.startsWith('outputs-'))
    const [built] = await records()
    await run(['lint'], root)
    expect(await records()).toEqual([built])
    await writeFile(join(root, 'content/datasets.md'), `${await readFile(join(root, 'content/datasets.md'), 'utf8')}\n`)
    await run(['lint'], root)
    expect(await records()).toEqual([])
  })

  test('build reads the survey the cache holds for content/ and records what it wrote; with --no-cache it does neither', async () => {
    const root = await temporaryRepository()
    expect((await run(['build'], root)).code).toBe(0)
    const outputs = async () => Promise.all(['README.md', 'export/survey.json'].map((path) => readFile(join(root, path), 'utf8')))
    const built = await outputs()
    // The first build kept the survey content/ read into: a survey put in for it is what the next build renders.
    const entry = JSON.parse(await readFile(await contentEntry(root), 'utf8')) as {survey: {methods: Array<{name: string; models: string[]}>}}
    entry.survey.methods.find((method) => method.name === 'AGILE')!.models = ['GPT-5']
    await writeFile(await contentEntry(root), JSON.stringify(entry))
    expect((await run(['build'], root)).out).toContain('README.md: written')
    expect((await outputs())[1]).toContain('"GPT-5"')
    // Without the cache, content/ itself: the outputs as the first build wrote them, and no record of them.
    await rm(join(root, '.cache'), {recursive: true})
    expect((await run(['build', '--no-cache'], root)).out).toContain('README.md: written')
    expect(await outputs()).toEqual(built)
    expect(await entries(root)).toEqual({folders: [], entries: []})
  })

  test('build keeps the Markdown and the page rows it serialized: the next build takes them and writes what --no-cache writes; lint keeps them, another renderer\'s are not taken', async () => {
    const root = await temporaryRepository()
    expect((await run(['build'], root)).code).toBe(0)
    const entryPath = (part: string) => join(root, treeCacheFolder, parserFingerprint(), `serialized-${part}.json`)
    const read = async (part: string) => JSON.parse(await readFile(entryPath(part), 'utf8')) as {render: string; texts: Array<[string, string]>}
    const values = async (part: string) => (await read(part)).texts.map(([, value]) => value)
    const agileRow = (rows: string[]) => rows.filter((row) => row.includes('>AGILE</a>'))
    // The Markdown's are each method's rows (their cells as JSON) and the texts outside tables.
    const markdownCells = async () => (await read('markdown')).texts.filter(([key]) => key.startsWith('\u0002')).flatMap(([, value]) => JSON.parse(value) as string[])
    expect(await markdownCells()).toContain('Meerkat, Vicuna-1.5')
    expect(agileRow(await values('page'))).toEqual([expect.stringContaining('<td>Meerkat, Vicuna-1.5</td>')])
    // A row edited: the build takes the rest, serializes the new cells and row, and keeps only what it used.
    const agent = join(root, 'content/methods/agent.md')
    await writeFile(agent, (await readFile(agent, 'utf8')).replace('Meerkat, Vicuna-1.5', 'Meerkat, Vicuna-2'))
    expect((await run(['build'], root)).out).toContain('README.md: written')
    expect(await markdownCells()).toContain('Meerkat, Vicuna-2')
    expect(await markdownCells()).not.toContain('Meerkat, Vicuna-1.5')
    expect(agileRow(await values('page'))).toEqual([expect.stringContaining('<td>Meerkat, Vicuna-2</td>')])
    const outputs = async () => Promise.all(['README.md', 'tables/table1.md', 'tables/agent.md', 'site/index.html'].map((path) => readFile(join(root, path), 'utf8')))
    const built = await outputs()
    expect((await run(['build', '--no-cache'], root)).out).toContain('README.md: unchanged')
    expect(await outputs()).toEqual(built)
    // A full lint, which prunes what it did not use, leaves them for the next build.
    await run(['lint'], root)
    // What they hold is what the build shows (planted, it is taken)...
    const plant = async (part: string, from: string, to: string) => {
      const kept = await read(part)
      expect(kept.texts.length).toBeGreaterThan(30)
      await writeFile(entryPath(part), JSON.stringify({...kept, texts: kept.texts.map(([key, value]): [string, string] => [key, value.replace(from, to)])}))
    }
    await plant('markdown', 'Meerkat, Vicuna-2', 'Planted-2')
    await plant('page', '<td>Meerkat, Vicuna-2</td>', '<td>Planted-3</td>')
    await run(['build'], root)
    const planted = await outputs()
    expect(planted[0]).toContain('| Planted-2 ')
    expect(planted[3]).toContain('<td>Planted-3</td>')
    // ...but never what another renderer serialized, nor an entry that holds anything but pairs of strings.
    for (const part of ['markdown', 'page']) await writeFile(entryPath(part), JSON.stringify({...(await read(part)), render: 'an-older-renderer'}))
    await run(['build'], root)
    expect(await outputs()).toEqual(built)
    await plant('page', '<td>Meerkat, Vicuna-2</td>', '<td>Planted-4</td>')
    const foreign = await read('page')
    await writeFile(entryPath('page'), JSON.stringify({...foreign, texts: [...foreign.texts, ['a key', 5]]}))
    await run(['build'], root)
    expect(await outputs()).toEqual(built)
  })

  /** A built copy of our repository whose README disagrees with content/ (a finding with a cause), with an http link (one with a fix) and a note linking to a missing file. */
  async function repositoryWithReadmeFindings(): Promise<string> {
    const root = await temporaryRepository()
    expect((await run(['build'], root)).code).toBe(0)
    const readme = await readFile(join(root, 'README.md'), 'utf8')
    await writeFile(join(root, 'README.md'), readme.replace('| Meerkat, Vicuna-1.5    |', '| Meerkat, Vicuna-2      |').replace('(https://github.com/bytarnish/AGILE)', '(http://github.com/bytarnish/AGILE)'))
    await writeFile(join(root, 'notes.md'), '# Notes\n\nSee [the plan](plan.md).\n')
    await rm(join(root, '.cache'), {recursive: true})
    return root
  }

  test('lint keeps each file\'s findings: a warm run prints in every format what a cold and an uncached run print, from what it kept', async () => {
    const root = await repositoryWithReadmeFindings()
    const formats = ['human', 'json', 'github']
    const print = async (...flags: string[]) => Promise.all(formats.map(async (format) => run(['lint', '--format', format, ...flags, 'README.md', 'notes.md'], root)))
    const uncached = await print('--no-cache')
    expect(uncached.map((result) => result.code)).toEqual([1, 1, 1])
    const json = JSON.parse(uncached[1]!.out) as Array<{ruleId: string; fix?: unknown}>
    expect([...new Set(json.map((finding) => finding.ruleId))].sort()).toEqual(['consistent-values', 'no-missing-file', 'prefer-https'])
    expect(json.some((finding) => finding.fix)).toBe(true)
    expect(await print()).toEqual(uncached)
    const kept = (await allEntries(root)).entries.filter((name) => name.startsWith('findings-'))
    expect(kept).toHaveLength(2)
    expect(await print()).toEqual(uncached)
    // What it prints is what it kept: findings put in for notes.md's text and settings are printed as they are.
    for (const name of kept) {
      const path = join(root, treeCacheFolder, parserFingerprint(), name)
      const entry = JSON.parse(await readFile(path, 'utf8')) as {findings: Array<{reason: string; ruleId: string}>}
      if (entry.findings[0]?.ruleId !== 'no-missing-file') continue
      entry.findings[0].reason = 'A finding put in the cache'
      await writeFile(path, JSON.stringify(entry))
    }
    expect((await run(['lint', 'notes.md'], root)).out).toBe('notes.md:3:16: error: A finding put in the cache (no-missing-file)\n1 error, 0 warnings')
    expect((await run(['lint', '--no-cache', 'notes.md'], root)).out).toContain('Unexpected link to missing file `plan.md`')
  })

  test('a file\'s findings are found again when anything the rules read changes: the file list, the survey, the text', async () => {
    const root = await repositoryWithReadmeFindings()
    const both = async () => {
      const cached = await lintJson(root, 'README.md', 'notes.md')
      expect(cached).toEqual(await lintJson(root, '--no-cache', 'README.md', 'notes.md'))
      return cached.findings.map((finding) => (finding as {ruleId: string}).ruleId).sort()
    }
    expect(await both()).toEqual(['consistent-values', 'no-missing-file', 'prefer-https'])
    // The plan now exists: notes.md's link is fine.
    await writeFile(join(root, 'plan.md'), '# Plan\n')
    expect(await both()).toEqual(['consistent-values', 'prefer-https'])
    // content/ now says what the README says.
    const agent = join(root, 'content/methods/agent.md')
    await writeFile(agent, (await readFile(agent, 'utf8')).replace('| Meerkat, Vicuna-1.5 |', '| Meerkat, Vicuna-2 |'))
    expect(await both()).toEqual(['prefer-https'])
    await writeFile(join(root, 'README.md'), (await readFile(join(root, 'README.md'), 'utf8')).replace('(http://github.com/bytarnish/AGILE)', '(https://github.com/bytarnish/AGILE)'))
    expect(await both()).toEqual([])
  })

  test('a row edited in content/ finds again the findings of the files that name its method, and keeps the others\'', async () => {
    const root = await temporaryRepository()
    expect((await run(['build'], root)).code).toBe(0)
    await rm(join(root, '.cache'), {recursive: true})
    // The planner table's findings, kept alone, then one put in: it shows whether they were found again or kept.
    expect(await lintJson(root, 'tables/planner.md')).toEqual({code: 0, findings: []})
    const [kept] = (await allEntries(root)).entries.filter((name) => name.startsWith('findings-'))
    const entryPath = join(root, treeCacheFolder, parserFingerprint(), kept!)
    const entry = JSON.parse(await readFile(entryPath, 'utf8')) as {lookups: Record<string, string[]>; findings: unknown[]}
    expect(entry.lookups['consistent-values']).toContain('saytap')
    entry.findings = [{reason: 'A finding put in the cache', place: {line: 1, column: 1}, ruleId: 'no-mojibake', source: 'fmrl', fatal: false}]
    await writeFile(entryPath, JSON.stringify(entry))
    const put = 'tables/planner.md:1:1: warning: A finding put in the cache (no-mojibake)'
    const agent = join(root, 'content/methods/agent.md')
    const planner = join(root, 'content/methods/planner.md')
    // An agent method's models changed, not rebuilt: the README and the agent table, which show it, disagree; the planner table is kept.
    await writeFile(agent, (await readFile(agent, 'utf8')).replace('| Meerkat, Vicuna-1.5 |', '| Meerkat, Vicuna-2 |'))
    const afterAgent = await run(['lint', 'tables/planner.md', 'README.md', 'tables/agent.md'], root)
    expect(afterAgent.out.split('\n').filter((line) => line.includes('Vicuna-2') || line.includes('put in'))).toEqual([
      put,
      expect.stringMatching(/^README\.md:\d+:\d+: error: Unexpected Model\(s\) `Meerkat, Vicuna-1\.5` for `AGILE`, expected `Meerkat, Vicuna-2` as at content\/methods\/agent\.md:\d+:\d+ \(consistent-values\)$/),
      expect.stringMatching(/^tables\/agent\.md:\d+:\d+: error: Unexpected Model\(s\) `Meerkat, Vicuna-1\.5` for `AGILE`, expected `Meerkat, Vicuna-2` as at content\/methods\/agent\.md:\d+:\d+ \(consistent-values\)$/)
    ])
    // A planner method changed: the planner table is linted again, and what it finds is what an uncached run finds.
    await writeFile(planner, (await readFile(planner, 'utf8')).replace(/^(\| SayTap +\| [^|]+\| )GPT-4 /m, '$1GPT-5 '))
    const afterPlanner = await lintJson(root, 'tables/planner.md')
    expect(afterPlanner).toEqual(await lintJson(root, '--no-cache', 'tables/planner.md'))
    expect(afterPlanner.findings).toEqual([expect.objectContaining({file: 'tables/planner.md', line: 15, ruleId: 'consistent-values', message: 'Unexpected Model(s) `GPT-4` for `SayTap`, expected `GPT-5` as at content/methods/planner.md:7:30'})])
  })
})
