// The benchmark's own guarantees: the generator is deterministic and writes content fmrl accepts
// without a message, the harness reads a child's peak memory and tells a timeout and an
// out-of-memory abort from a failure, and the ratios and profile summaries add up.
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, describe, expect, test} from 'vitest'
import {cli, markdownFiles, realVocabularies, repositoryRoot, writeSize} from './fixtures.mjs'
import {contentFiles, generateSurvey, readmeFile} from './generate.mjs'
import {benchEnvironment, runOnce} from './measure.mjs'
import {packageOf, summarise} from './profile.mjs'
import {targetRows} from './report.mjs'
import {addRatios} from './scale.mjs'

const scratch = mkdtempSync(join(tmpdir(), 'fmrl-bench-test-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))
const node = process.execPath

describe('generate', () => {
  const vocabularies = realVocabularies()
  const files = (seed) => {
    const survey = generateSurvey({rows: 300, seed, ...vocabularies})
    return {...contentFiles(survey), 'README.md': readmeFile(survey)}
  }

  test('is deterministic: one seed gives the same bytes, another seed other bytes', () => {
    expect(files(7)).toEqual(files(7))
    expect(files(8)['methods/agent.md']).not.toBe(files(7)['methods/agent.md'])
  })

  test('splits the rows over every role and category, with one reference per citation', () => {
    const survey = generateSurvey({rows: 300, seed: 1, ...vocabularies})
    const categories = vocabularies.taxonomy.flatMap((role) => role.categories.map((category) => `${role.id}/${category.id}`))
    const used = new Set(survey.methods.map((method) => `${method.role}/${method.category}`))
    expect([...used].sort()).toEqual([...categories].sort())
    expect(survey.references.map((reference) => reference.citation).sort()).toEqual(survey.methods.map((method) => method.citation.text).sort())
    expect(new Set(survey.methods.map((method) => method.name.toLowerCase())).size).toBe(300)
  })

  // Parses half a megabyte whole with micromark: seconds on a loaded two-core machine.
  test('content and a README of 1,000 rows parse, in pieces and their rows without the table construct, to the tree remark gives the whole', {timeout: 60_000}, async () => {
    const {parseMarkdown, parsedTexts, parseTableRows, parseWhole} = await import(pathToFileURL(join(repositoryRoot, 'packages/parser/dist/index.js')).href)
    const survey = generateSurvey({rows: 1000, seed: 3, ...vocabularies})
    const generated = {...contentFiles(survey), 'README.md': readmeFile(survey)}
    for (const [path, text] of Object.entries(generated)) expect({path, tree: parseMarkdown(text)}).toStrictEqual({path, tree: parseWhole(text)})
    // The methods files, the references and the README are cut, and nearly all their pieces are rows.
    const pieces = Object.values(generated).flatMap((text) => parsedTexts(text))
    expect(pieces.filter((piece) => parseTableRows(piece, parseWhole)).length).toBeGreaterThan(pieces.length * 0.8)
  })

  // Spawns fmrl three times: seconds each on a loaded two-core machine.
  test('writes a content folder fmrl builds, and content and a README fmrl lints without a message', {timeout: 120_000}, () => {
    const fixture = writeSize(join(scratch, 'valid'), 120)
    const build = runOnce({command: node, args: [cli, 'build', '--root', fixture.site], cwd: fixture.site})
    expect(build.status).toBe('ok')
    expect(JSON.parse(readFileSync(join(fixture.site, 'export/survey.json'), 'utf8')).methods).toHaveLength(120)
    for (const [root, target] of [[fixture.site, 'content'], [fixture.readme, 'README.md']]) {
      const lint = runOnce({command: node, args: [cli, 'lint', '--root', root, '--format', 'json', target], cwd: root})
      expect({target, status: lint.status, output: lint.output}).toEqual({target, status: 'ok', output: undefined})
    }
    expect(markdownFiles(fixture.content).map((path) => path.slice(fixture.content.length + 1))).toEqual([
      'datasets.md', 'environments.md', 'legend.md', 'lists.md', 'methods/agent.md', 'methods/planner.md', 'methods/reward.md', 'reading-list.md', 'references.md',
      'sections/contributing.md', 'sections/future-directions.md', 'sections/highlights.md', 'sections/overview.md', 'survey.md', 'taxonomy.md'
    ])
  })
})

describe('the parse cache on generated content', () => {
  test('fmrl lint gives the same findings at the same places with the cache off, cold, warm, and warm after an edit, on a file cached in pieces', {timeout: 120_000}, () => {
    const fixture = writeSize(join(scratch, 'cached'), 1000)
    const agent = join(fixture.content, 'methods/agent.md')
    const rows = readFileSync(agent, 'utf8').split('\n')
    // Many times the piece size (4 KiB): parsed, and cached, piece by piece.
    expect(rows.join('\n').length).toBeGreaterThan(16 * 4 * 1024)
    const first = rows.findIndex((line) => line.startsWith('| ') && /\| <https:\/\//.test(line))
    // Findings for the rules to place: an http link, a duplicate of the first row's name.
    rows[first] = rows[first].replace('| <https://', '| <http://')
    rows.splice(first + 1, 0, rows[first + 1].replace(/^\| [^|]+\|/, rows[first].match(/^\| [^|]+\|/)[0]))
    writeFileSync(agent, rows.join('\n'))
    const lint = (...flags) => {
      const result = spawnSync(node, [cli, 'lint', '--root', fixture.site, '--format', 'json', ...flags, 'content'], {cwd: fixture.site, encoding: 'utf8'})
      return {status: result.status, findings: JSON.parse(result.stdout)}
    }
    const uncached = lint('--no-cache')
    expect(uncached.status).toBe(1)
    expect(new Set(uncached.findings.map((finding) => finding.ruleId))).toEqual(new Set(['consistent-values', 'no-duplicate-method', 'no-duplicate-url', 'prefer-https']))
    expect([lint(), lint()]).toEqual([uncached, uncached])
    writeFileSync(agent, readFileSync(agent, 'utf8').replace('| <http://', '| <ftp://'))
    const edited = lint('--no-cache')
    expect(edited).not.toEqual(uncached)
    expect(lint()).toEqual(edited)
  })
})

describe('parsing ahead on helper threads', () => {
  test('fmrl lint and build with two threads parsing (and rendering) give what one thread gives: the same findings, trees, survey and every output', {timeout: 120_000}, () => {
    const fixture = writeSize(join(scratch, 'threads'), 1000)
    const agent = join(fixture.content, 'methods/agent.md')
    // A finding in a piece far from the first: an http link near the end of the file.
    const rows = readFileSync(agent, 'utf8').split('\n')
    const last = rows.findLastIndex((line) => line.startsWith('| ') && /\| <https:\/\//.test(line))
    rows[last] = rows[last].replace('| <https://', '| <http://')
    writeFileSync(agent, rows.join('\n'))
    const cache = join(fixture.site, '.cache')
    const kept = () => {
      const files = readdirSync(cache, {recursive: true, withFileTypes: true}).filter((entry) => entry.isFile())
      return Object.fromEntries(files.map((entry) => [join(entry.parentPath, entry.name).slice(cache.length), readFileSync(join(entry.parentPath, entry.name), 'utf8')]).sort(([a], [b]) => a.localeCompare(b)))
    }
    // Each run from an empty cache; the lints before the builds, whose outputs join the file list the rules see.
    const lint = (threads) => {
      rmSync(cache, {recursive: true, force: true})
      const result = spawnSync(node, [cli, 'lint', '--root', fixture.site, '--format', 'json', '--threads', threads, 'content'], {cwd: fixture.site, encoding: 'utf8'})
      return {status: result.status, findings: JSON.parse(result.stdout), kept: kept()}
    }
    const build = (threads) => {
      rmSync(cache, {recursive: true, force: true})
      const result = spawnSync(node, [cli, 'build', '--root', fixture.site, '--threads', threads], {cwd: fixture.site, encoding: 'utf8'})
      // Every output: with two threads the page is rendered on a helper.
      const outputs = ['README.md', 'tables', 'export', 'site'].flatMap((path) => (path.endsWith('.md') ? [path] : readdirSync(join(fixture.site, path)).map((name) => `${path}/${name}`)))
      return {status: result.status, outputs: Object.fromEntries(outputs.map((path) => [path, readFileSync(join(fixture.site, path), 'utf8')]))}
    }
    const one = lint('off')
    // A warning: exit code 0.
    expect(one.status).toBe(0)
    expect(one.findings.map((finding) => [finding.ruleId, finding.line])).toEqual([['prefer-https', last + 1]])
    // Several pieces' trees, the survey and every file's findings.
    expect(Object.keys(one.kept).length).toBeGreaterThan(20)
    expect(lint('2')).toEqual(one)
    const built = build('off')
    expect(built.status).toBe(0)
    expect(Object.keys(built.outputs)).toEqual(expect.arrayContaining(['README.md', 'tables/table1.md', 'tables/table1.tex', 'export/survey.json', 'site/index.html']))
    expect(build('2')).toEqual(built)
  })
})

describe('a build after a build', () => {
  test('takes the cells, texts and page rows the last build kept, and writes what a build without the cache writes, with and without a helper', {timeout: 120_000}, () => {
    const fixture = writeSize(join(scratch, 'rebuild'), 1000)
    const agent = join(fixture.content, 'methods/agent.md')
    const outputs = () => {
      const paths = ['README.md', 'tables', 'export', 'site'].flatMap((path) => (path.endsWith('.md') ? [path] : readdirSync(join(fixture.site, path)).map((name) => `${path}/${name}`)))
      return Object.fromEntries(paths.map((path) => [path, readFileSync(join(fixture.site, path), 'utf8')]))
    }
    const build = (...flags) => spawnSync(node, [cli, 'build', '--root', fixture.site, ...flags], {cwd: fixture.site, encoding: 'utf8'}).status
    const kept = () => readdirSync(join(fixture.site, '.cache'), {recursive: true}).map(String).filter((name) => name.includes('serialized-')).map((name) => name.split('/').pop()).sort()
    for (const threads of ['off', '2']) {
      rmSync(join(fixture.site, '.cache'), {recursive: true, force: true})
      expect(build('--threads', threads)).toBe(0)
      expect(kept()).toEqual(['serialized-markdown.json', 'serialized-page.json'])
      // One row edited: its models, which the README, Table 1 (Markdown and LaTeX), the role page, the JSON and the web page show.
      const rows = readFileSync(agent, 'utf8').split('\n')
      const row = rows.findIndex((line) => line.startsWith('| ') && /\| <https:\/\//.test(line))
      const cells = rows[row].split(' | ')
      cells[2] = `${cells[2]}, Edited-${threads}`
      rows[row] = cells.join(' | ')
      writeFileSync(agent, rows.join('\n'))
      expect(build('--threads', threads)).toBe(0)
      const rebuilt = outputs()
      expect(Object.keys(rebuilt).filter((path) => rebuilt[path].includes(`Edited-${threads}`)).sort()).toEqual(['README.md', 'export/survey.json', 'site/index.html', 'tables/agent.md', 'tables/table1.md', 'tables/table1.tex'])
      expect(build('--no-cache', '--threads', 'off')).toBe(0)
      expect(outputs()).toEqual(rebuilt)
    }
  })
})

describe('runOnce', () => {
  test('reads the peak RSS and CPU time of the node child itself', {timeout: 60_000}, () => {
    const small = runOnce({command: node, args: ['-e', '0'], cwd: scratch})
    const large = runOnce({command: node, args: ['-e', 'const b = Buffer.alloc(200 * 2 ** 20, 1); console.log(b[5])'], cwd: scratch})
    expect([small.status, large.status, large.nodeProcesses]).toEqual(['ok', 'ok', 1])
    expect(small.peakRssBytes).toBeLessThan(150 * 2 ** 20)
    expect(large.peakRssBytes - small.peakRssBytes).toBeGreaterThan(190 * 2 ** 20)
    expect(large.cpuMs).toBeGreaterThan(0)
    // Worker threads load the preload too: the process is still one record, its CPU time counted once.
    const threaded = runOnce({command: node, args: ['-e', "const {Worker} = require('node:worker_threads'); for (let i = 0; i < 3; i++) new Worker('const end = Date.now() + 300; while (Date.now() < end);', {eval: true})"], cwd: scratch})
    expect([threaded.status, threaded.nodeProcesses]).toEqual(['ok', 1])
    expect(threaded.cpuMs).toBeLessThan(threaded.wallMs * 2.5)
  })

  test('tells a timeout, an out-of-memory abort and an unexpected exit code apart', {timeout: 60_000}, () => {
    const hang = runOnce({command: node, args: ['-e', 'setTimeout(() => {}, 60000)'], cwd: scratch, timeoutMs: 500})
    const oom = runOnce({command: node, args: ['--max-old-space-size=20', '-e', 'const a = []; for (;;) a.push({x: Math.random()})'], cwd: scratch})
    const failed = runOnce({command: node, args: ['-e', 'process.exit(3)'], cwd: scratch})
    const accepted = runOnce({command: node, args: ['-e', 'process.exit(1)'], cwd: scratch, accept: [0, 1]})
    expect([hang.status, oom.status, failed.status, failed.exitCode, accepted.status]).toEqual(['timeout', 'oom', 'failed', 3, 'ok'])
  })

  test('drops a heap limit the caller set, so fmrl runs on the default heap', () => {
    const environment = benchEnvironment({NODE_OPTIONS: '--max-old-space-size=64 --no-warnings'})
    expect(environment.NODE_OPTIONS).toMatch(/^--no-warnings --require ".*usage\.cjs"$/)
  })
})

test('addRatios: each measurement against the remark-parse floor of its size and input, warm runs against cold', () => {
  const base = {suite: 'scale', size: '1k', rows: 1000, status: 'ok', input: 'content'}
  const [floor, lint, warm, readme, refused] = addRatios([
    {...base, id: 'floor-parse', wallMs: 2000, cpuMs: 1000, peakRssBytes: 100},
    {...base, id: 'fmrl-lint', wallMs: 5000, cpuMs: 4000, peakRssBytes: 250},
    {...base, id: 'fmrl-lint-warm', warmOf: 'fmrl-lint', wallMs: 500, cpuMs: 400, peakRssBytes: 250},
    {...base, input: 'readme', id: 'fmrl-lint', status: 'timeout', wallMs: 9000, cpuMs: null, peakRssBytes: null},
    {...base, id: 'fmrl-lint-refused', refused: true, wallMs: 500, cpuMs: 400, peakRssBytes: 100}
  ])
  expect(floor.ratios).toEqual({wall: 1, cpu: 1, peakRss: 1, rowsPerSecond: 1})
  expect([lint.rowsPerSecond, lint.ratios]).toEqual([200, {wall: 2.5, cpu: 4, peakRss: 2.5, rowsPerSecond: 0.4}])
  expect([warm.ratios.ofCold, warm.ratios.ofColdCpu]).toEqual([0.1, 0.1])
  expect([readme.rowsPerSecond, readme.ratios]).toEqual([null, {wall: null, cpu: null, peakRss: null, rowsPerSecond: null}])
  // A file refused at the limits: its time is a figure, its rows per second none.
  expect([refused.rowsPerSecond, refused.ratios.wall, refused.ratios.rowsPerSecond]).toEqual([null, 0.25, null])
})

test('targetRows: the content targets against the floor, a cold lint, a warm one, one after an edit and the hook', () => {
  const base = {suite: 'content', size: 'content', input: 'content', status: 'ok'}
  const rows = targetRows([
    {...base, id: 'fmrl-lint', ratios: {wall: 3.16, cpu: 4.38}},
    {...base, id: 'fmrl-lint-cached', ratios: {wall: 0.95, cpu: 0.93}},
    {...base, id: 'fmrl-lint-edited', ratios: {wall: 1.51, cpu: 1.2}},
    {...base, id: 'pre-commit', status: 'failed', ratios: {wall: 1, cpu: 1}}
  ])
  expect(rows).toEqual([
    ['fmrl lint on our content ≤ 1.5× node + modules', '3.16× (CPU 4.38×)', 'not met'],
    ['… with the parse cache warm', '0.95× (CPU 0.93×)', 'met'],
    ['… one row edited, parse cache warm', '1.51× (CPU 1.20×)', 'not met'],
    ['pre-commit hook ≤ 1.5× node + modules', '- (CPU -)', 'not measured']
  ])
})

describe('profile', () => {
  test('packageOf names the package of a script URL', () => {
    expect([
      packageOf('file:///r/node_modules/.pnpm/micromark@4.0.3/node_modules/micromark/dev/lib/create-tokenizer.js', 'go'),
      packageOf('file:///r/node_modules/.pnpm/@inquirer+core@1/node_modules/@inquirer/core/dist/index.js', 'x'),
      packageOf('file:///r/packages/lint/dist/rules/no-dead-anchor.js', 'check'),
      packageOf('node:internal/modules/esm/loader', 'load'),
      packageOf('', '(garbage collector)'),
      packageOf('', 'set')
    ]).toEqual(['micromark', '@inquirer/core', '@fmrl/lint', 'node (module loader)', '(garbage collector)', '(native)'])
  })

  test('summarise counts each sample once per group on its stack, and self time per package and function', () => {
    const frame = (id, functionName, url, children = []) => ({id, callFrame: {functionName, url, lineNumber: 0}, children})
    const rule = 'file:///r/packages/lint/dist/rules/no-dead-anchor.js'
    const visit = 'file:///r/node_modules/unist-util-visit-parents/lib/index.js'
    const profile = {
      nodes: [frame(1, '(root)', '', [2, 5]), frame(2, 'check', rule, [3]), frame(3, 'visit', visit, [4]), frame(4, 'visit', visit), frame(5, '(garbage collector)', '')],
      // A sample lasts until the next: 1 ms at check, 2 ms at the outer visit, 3 ms at the inner one, 4 ms of GC.
      samples: [2, 3, 4, 5, 1],
      timeDeltas: [0, 1000, 2000, 3000, 4000]
    }
    const summary = summarise(profile)
    expect(summary.totalMs).toBe(10)
    expect(summary.onStack).toEqual({'rule:no-dead-anchor': 6, visit: 5})
    expect(summary.selfByPackage).toEqual([['(garbage collector)', 4], ['unist-util-visit-parents', 5], ['@fmrl/lint', 1], ['(root)', 0]].sort((a, b) => b[1] - a[1]))
    expect(summary.selfByFunction[0]).toEqual(['visit unist-util-visit-parents index.js:1', 5])
  })
})
