import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {contentParsedTexts, parseContent} from '@fmrl/parser'
import {renderPageOutput} from '@fmrl/render'
import {describe, expect, test} from 'vitest'
// The built modules, which the bundle is made of.
import {lintCommand} from '../dist/commands/lint.js'
import {parseAhead} from '../dist/parse-ahead.js'
import type {RenderResult, RenderTask} from '../dist/render-threads.js'
import {startThread} from '../dist/threads.js'
import {FileTreeCache, parserFingerprint, treeCacheFolder} from '../dist/tree-cache.js'
import {decodeOutput} from '../dist/write.js'
import {readContentFiles} from '../src/content-files.js'
import {bin, micromarkTexts, repositoryRoot, runBin, temporaryDirectory, temporaryRepository} from './helpers.js'

// What the `fmrl` bin runs is the bundle (rolldown.config.mjs); the other tests mostly run the modules.
const bundled = (name: string) => new URL(`../bundle/${name}`, import.meta.url)
const modules = join(repositoryRoot, 'packages/cli/dist/bin.js')
const faults = fileURLToPath(new URL('fs-faults.mjs', import.meta.url))

/** Every file under `root` with its bytes, by path relative to it. */
async function tree(root: string): Promise<Record<string, string>> {
  const entries = await readdir(root, {recursive: true, withFileTypes: true})
  const files = entries.filter((entry) => entry.isFile() && !join(entry.parentPath, entry.name).includes(`${root}/.cache`))
  return Object.fromEntries(await Promise.all(files.map(async (entry) => [relative(root, join(entry.parentPath, entry.name)), await readFile(join(entry.parentPath, entry.name), 'utf8')] as const)))
}

describe('the bundle', () => {
  test("its parse helper writes every tree the read parses with micromark, as the modules' helper does", async () => {
    const root = await temporaryDirectory()
    const files = await readContentFiles(repositoryRoot, 'content')
    const cache = new FileTreeCache(root)
    await parseAhead(cache, files, 2, {worker: bundled('parse-worker.js')})
    const texts = micromarkTexts([...new Set(files.flatMap((file) => contentParsedTexts(file)))])
    expect(texts.filter((text) => !cache.has(text))).toEqual([])
    const read = parseContent(files, {cache})
    const uncached = parseContent(await readContentFiles(repositoryRoot, 'content'))
    expect(read.messages).toEqual(uncached.messages)
    expect(read.survey).toStrictEqual(uncached.survey)
  })

  test('its render helper gives the page the renderer gives, byte for byte: the inlined scripts are the built ones', async () => {
    const {survey} = parseContent(await readContentFiles(repositoryRoot, 'content'))
    if (!survey) throw new Error('the real content reads into a survey')
    const texts = new Map<string, string>()
    const expected = {output: renderPageOutput(survey, {texts}), texts}
    const thread = startThread<RenderResult>(bundled('render-worker.js'))
    const helped = await thread.run({survey} satisfies RenderTask)
    expect(helped && {output: decodeOutput(helped.output), texts: helped.texts}).toStrictEqual(expected)
  })

  test("its lint helper gives the run the modules' lint gives: what it prints and its exit code", async () => {
    const root = await temporaryRepository()
    const agent = join(root, 'content/methods/agent.md')
    await writeFile(agent, (await readFile(agent, 'utf8')).replace('| π_l, rft |', '| π_l, rtf |'))
    const options = {root, content: 'content', files: ['content'], fix: false, config: undefined, format: 'human', cache: false, threads: 'auto'} as const
    const printed = async (thread: Parameters<typeof lintCommand>[3]) => {
      const lines: string[] = []
      const code = await lintCommand(options, {out: (text) => lines.push(`out: ${text}`), err: (text) => lines.push(`err: ${text}`)}, root, thread)
      return {code, lines}
    }
    const expected = await printed({minimum: {content: Number.POSITIVE_INFINITY, files: Number.POSITIVE_INFINITY}})
    expect(expected.lines.join('\n')).toContain('(no-unknown-symbol)')
    expect(await printed({worker: bundled('lint-worker.js'), minimum: {content: 0, files: 0}})).toEqual(expected)
  })

  test('it keys the cache by the fingerprints of the modules it was bundled from, without reading them', async () => {
    const [viaBundle, viaModules] = [await temporaryRepository(), await temporaryRepository()]
    const reads = async (root: string, entry?: string) => {
      const log = join(root, 'reads.log')
      const linted = await runBin(['lint', 'content'], {cwd: root, entry, preload: faults, env: {FMRL_TEST_READ_LOG: log}})
      const built = (await readFile(log, 'utf8')).split('\n').filter((path) => /\/packages\/[^/]+\/dist\/.*\.js$/.test(path))
      return {code: linted.code, folders: await readdir(join(root, treeCacheFolder)), builtModulesRead: built.length > 0}
    }
    const expected = {code: 0, folders: [parserFingerprint()]}
    expect(await reads(viaModules, modules)).toEqual({...expected, builtModulesRead: true})
    expect(await reads(viaBundle)).toEqual({...expected, builtModulesRead: false})
  })

  test('lint and build through it print, exit and write what they do through the modules', async () => {
    // runBin without an entry runs what the `fmrl` bin runs.
    expect(bin).toBe(join(repositoryRoot, 'packages/cli/bundle/bin.js'))
    const [viaBundle, viaModules] = [await temporaryRepository(), await temporaryRepository()]
    const list = '# List\n\n- [Paper](http://github.com/x/y)\n- [Nowhere](#missing)\n'
    for (const root of [viaBundle, viaModules]) {
      await mkdir(join(root, 'lists'))
      await writeFile(join(root, 'lists/list.md'), list)
    }
    const lint = ['lint', '--no-cache', '--format', 'json', 'content', 'lists/list.md']
    const [bundleLint, modulesLint] = [await runBin(lint, {cwd: viaBundle}), await runBin(lint, {cwd: viaModules, entry: modules})]
    expect(bundleLint).toEqual(modulesLint)
    const findings = JSON.parse(bundleLint.out) as Array<{ruleId: string; line: number}>
    expect({code: bundleLint.code, findings: findings.map(({ruleId, line}) => `${line} ${ruleId}`)}).toEqual({code: 1, findings: ['3 prefer-https', '4 no-dead-anchor']})
    const build = ['build', '--threads', '2']
    const [bundleBuild, modulesBuild] = [await runBin(build, {cwd: viaBundle}), await runBin(build, {cwd: viaModules, entry: modules})]
    expect(bundleBuild).toEqual(modulesBuild)
    expect({code: bundleBuild.code, err: bundleBuild.err, last: bundleBuild.out.split('\n').at(-2)}).toEqual({code: 0, err: '', last: 'site/index.html: written'})
    const built = await tree(viaBundle)
    expect(Object.keys(built)).toContain('site/index.html')
    expect(built).toEqual(await tree(viaModules))
    // Every other command, each loading its own chunk: check after the build, an import of a real list
    // (aikorea's awesome-rl) into a folder of its own, an add missing its fields, the hook outside git
    // (a usage error: nothing can be staged there).
    const realList = join(repositoryRoot, 'fixtures/lists/aikorea--awesome-rl.md')
    const commands = [['check'], ['import', realList, '--into', 'imported'], ['add', '--name', 'X', '--format', 'json'], ['pre-commit'], ['--help']]
    const results = []
    for (const argv of commands) {
      const [throughBundle, throughModules] = [await runBin(argv, {cwd: viaBundle}), await runBin(argv, {cwd: viaModules, entry: modules})]
      expect(throughBundle, argv.join(' ')).toEqual(throughModules)
      results.push(`${argv[0]} ${throughBundle.code}`)
    }
    expect(results).toEqual(['check 0', 'import 0', 'add 2', 'pre-commit 2', '--help 0'])
    expect(await tree(join(viaBundle, 'imported'))).toEqual(await tree(join(viaModules, 'imported')))
  })
})
