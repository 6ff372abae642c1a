import {spawn} from 'node:child_process'
import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {PassThrough} from 'node:stream'
import {setTimeout as delay} from 'node:timers/promises'
import {afterEach, beforeEach, describe, expect, test} from 'vitest'
import {terminalProgress} from '../src/commands/links/progress.js'
import {git} from './git-repository.js'
import {bin, run, temporaryDirectory} from './helpers.js'
import {startLinkServer, type LinkServer} from './link-server.js'

let server: LinkServer
beforeEach(async () => {
  server = await startLinkServer()
})
afterEach(async () => {
  await server.close()
})

/** A folder holding `lists/list.md`, whose links point at the test server (`@/` stands for its origin). */
async function withList(lines: string[]): Promise<string> {
  const root = await temporaryDirectory('fmrl-links-')
  await mkdir(join(root, 'lists'))
  await writeFile(join(root, 'lists/list.md'), `# List\n\n${lines.map((line) => line.replaceAll('@/', `${server.origin}/`)).join('\n')}\n`)
  return root
}

const local = ['--allow-private', '--timeout', '2s']
const summaryLine = /^fmrl links: .*$/m
const withoutTimes = (text: string) => text.replace(/ in \d+\.\d s/g, ' in T').replace(/ \d+\.\d s \(/g, ' T (')

describe('fmrl links: output formats and exit codes', () => {
  test('human: dead links are errors at their URL, redirects warnings with the new URL; exit 1', async () => {
    const root = await withList(['- [Live](@/ok)', '- [Dead](@/missing)', '- [Gone](@/gone#part)', '- [Moved](@/moved-301#usage)', '- [Temporary](@/found-302)', '- [Wall](@/bot-wall)', '- [Script](javascript:alert(1))', '- [Mail](mailto:a@b.c)'])
    const result = await run(['links', 'lists/list.md', '--dead-after', '1', ...local], root)
    expect(result.out).toBe(
      [
        `lists/list.md:4:10: error: Unexpected dead link \`${server.origin}/missing\` (404 Not Found), expected a URL that answers: update or remove it (dead-link)`,
        `lists/list.md:5:10: error: Unexpected dead link \`${server.origin}/gone#part\` (410 Gone), expected a URL that answers: update or remove it (dead-link)`,
        `lists/list.md:6:11: warning: Unexpected permanent redirect (301 Moved Permanently) from \`${server.origin}/moved-301#usage\`, expected its new URL \`${server.origin}/new#usage\` (permanent-redirect)`,
        "lists/list.md:9:12: error: Unexpected `javascript:` URL `javascript:alert(1)`, expected an http(s) URL (it opens on the reader's own machine; fmrl links never opens it) (local-url)",
        '3 errors, 1 warning'
      ].join('\n')
    )
    expect(withoutTimes(result.err)).toBe(`fmrl links: 6 URLs: 3 ok, 2 dead, 1 unknown (0 from the cache); 11 requests, 0 retries in T\nslowest hosts (time in requests): 127.0.0.1:${server.port} T (6 URLs)`)
    expect(result.code).toBe(1)
  })

  test('json and github: the same findings as `fmrl lint` prints them, with the redirect as a fix', async () => {
    const root = await withList(['- [Moved](@/moved-308)', '- [Dead](@/missing)'])
    const json = await run(['links', 'lists/list.md', '--format', 'json', '--dead-after', '1', '--no-cache', ...local], root)
    const url = `${server.origin}/moved-308`
    const start = `# List\n\n- [Moved](`.length
    expect(JSON.parse(json.out)).toEqual([
      {file: 'lists/list.md', line: 3, column: 11, endLine: 3, endColumn: 11 + url.length, severity: 'warning', ruleId: 'permanent-redirect', message: `Unexpected permanent redirect (308 Permanent Redirect) from \`${url}\`, expected its new URL \`${server.origin}/new\``, url: 'packages/cli/README.md#permanent-redirect', fix: {start, end: start + url.length, replacement: `${server.origin}/new`}},
      {file: 'lists/list.md', line: 4, column: 10, endLine: 4, endColumn: 10 + `${server.origin}/missing`.length, severity: 'error', ruleId: 'dead-link', message: `Unexpected dead link \`${server.origin}/missing\` (404 Not Found), expected a URL that answers: update or remove it`, url: 'packages/cli/README.md#dead-link'}
    ])
    const github = await run(['links', 'lists/list.md', '--format', 'github', '--dead-after', '1', '--no-cache', ...local], root)
    expect(github.out.split('\n')).toEqual([
      `::warning file=lists/list.md,line=3,col=11,endLine=3,endColumn=${11 + url.length},title=permanent-redirect::Unexpected permanent redirect (308 Permanent Redirect) from \`${url}\`, expected its new URL \`${server.origin}/new\``,
      `::error file=lists/list.md,line=4,col=10,endLine=4,endColumn=${10 + `${server.origin}/missing`.length},title=dead-link::Unexpected dead link \`${server.origin}/missing\` (404 Not Found), expected a URL that answers: update or remove it`
    ])
    expect([json.code, github.code]).toEqual([1, 1])
  })

  test('all links live: nothing on stdout, the summary on stderr, exit 0; the default files are the content folder', async () => {
    const root = await withList(['- [Live](@/ok)', '- [Again](@/ok#top)'])
    const result = await run(['links', '--content', 'lists', ...local], root)
    expect({...result, err: withoutTimes(result.err)}).toEqual({code: 0, out: '', err: `fmrl links: 1 URL: 1 ok, 0 dead, 0 unknown (0 from the cache); 1 request, 0 retries in T\nslowest hosts (time in requests): 127.0.0.1:${server.port} T (1 URL)`})
  })

  test('usage errors exit 2 and name the flag', async () => {
    const root = await withList(['- [Live](@/ok)'])
    expect(await run(['links', 'lists/list.md', '--timeout', '10'], root)).toEqual({code: 2, out: '', err: 'fmrl: Unexpected `--timeout 10`, expected a duration with its unit, such as 500ms, 10s, 5m, 12h or 7d'})
    expect(await run(['links', 'lists/list.md', '--dead-after', '0'], root)).toEqual({code: 2, out: '', err: 'fmrl: Unexpected `--dead-after 0`, expected a whole number from 1 to 100'})
    expect(await run(['links', 'lists/list.md', '--format', 'xml'], root)).toEqual({code: 2, out: '', err: 'fmrl: Unexpected format `xml`, expected one of `human`, `json`, `github`'})
    expect(server.log).toEqual([])
  })
})

describe('failing runs and the cache', () => {
  test('a dead link fails the run only in its second failing run; unknown results are asked again, settled ones not', async () => {
    const root = await withList(['- [Dead](@/missing)', '- [Live](@/ok)', '- [Wall](@/bot-wall)'])
    const first = await run(['links', 'lists/list.md', ...local], root)
    expect([first.code, first.out]).toEqual([0, `lists/list.md:3:10: warning: Unexpected 404 Not Found from \`${server.origin}/missing\` (failing run 1 of the 2 that make it dead), expected a URL that answers (dead-link)\n0 errors, 1 warning`])
    const second = await run(['links', 'lists/list.md', ...local], root)
    expect([second.code, second.out]).toEqual([1, `lists/list.md:3:10: error: Unexpected dead link \`${server.origin}/missing\` (404 Not Found in 2 runs in a row), expected a URL that answers: update or remove it (dead-link)\n1 error, 0 warnings`])
    const requests = server.log.length
    // Third run: the dead and the ok URL come from the cache; the bot wall (unknown) is asked again.
    const third = await run(['links', 'lists/list.md', ...local], root)
    expect([third.code, third.out]).toEqual([second.code, second.out])
    expect(server.log.slice(requests)).toEqual(['HEAD /bot-wall', 'GET /bot-wall'])
    expect(third.err.match(summaryLine)?.[0].replace(/ in .*$/, '')).toBe('fmrl links: 3 URLs: 1 ok, 1 dead, 1 unknown (2 from the cache); 2 requests, 0 retries')
    const cache = JSON.parse(await readFile(join(root, '.cache/fmrl-links.json'), 'utf8')) as {entries: Record<string, {outcome: string; failures: number}>}
    expect(Object.fromEntries(Object.entries(cache.entries).map(([url, entry]) => [url.slice(server.origin.length), [entry.outcome, entry.failures]]))).toEqual({'/bot-wall': ['unknown', 0], '/missing': ['dead', 2], '/ok': ['ok', 0]})
  })

  test('past --max-age a cached URL is asked again; --no-cache neither reads nor writes', async () => {
    const root = await withList(['- [Live](@/ok)'])
    await run(['links', 'lists/list.md', ...local], root)
    await run(['links', 'lists/list.md', ...local, '--max-age', '0ms'], root)
    await run(['links', 'lists/list.md', ...local, '--cache', 'elsewhere.json', '--no-cache'], root)
    expect(server.log).toEqual(['HEAD /ok', 'HEAD /ok', 'HEAD /ok'])
    expect(await readdir(root)).toEqual(['.cache', 'lists'])
  })

  test('a cache file that is not a cache is set aside with a note, and rewritten', async () => {
    const root = await withList(['- [Live](@/ok)'])
    await mkdir(join(root, '.cache'))
    await writeFile(join(root, '.cache/fmrl-links.json'), '{"version": 9}')
    const result = await run(['links', 'lists/list.md', ...local], root)
    expect(result.err.split('\n')[0]).toBe('fmrl links: Unexpected content in the cache file `.cache/fmrl-links.json` (Invalid input: expected 1 at `version`), expected one written by this version of fmrl links: starting afresh')
    expect(JSON.parse(await readFile(join(root, '.cache/fmrl-links.json'), 'utf8')).version).toBe(1)
  })

  test('a run killed mid-way leaves a complete cache with what it had checked', async () => {
    const fast = Array.from({length: 20}, (_, index) => `- [${index}](@/slow?ms=5&i=${index})`)
    const root = await withList([...fast, '- [Silent](@/silent)'])
    const child = spawn(process.execPath, [bin, 'links', 'lists/list.md', '--allow-private', '--timeout', '30s'], {cwd: root, stdio: 'ignore'})
    const cachePath = join(root, '.cache/fmrl-links.json')
    let entries = 0
    for (let tries = 0; tries < 100 && entries < 20; tries++) {
      await delay(100)
      const text = await readFile(cachePath, 'utf8').catch(() => '')
      if (text) entries = Object.keys((JSON.parse(text) as {entries: object}).entries).length
    }
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    expect(entries).toBe(20)
    const requests = server.log.length
    const rerun = await run(['links', 'lists/list.md', ...local, '--timeout', '200ms', '--retries', '0'], root)
    expect(server.log.slice(requests)).toEqual(['HEAD /silent'])
    expect(rerun.err.match(summaryLine)?.[0].replace(/ in .*$/, '')).toBe('fmrl links: 21 URLs: 20 ok, 0 dead, 1 unknown (20 from the cache); 1 request, 0 retries')
  })
})

describe('what is checked', () => {
  test('without --allow-private a URL at a private address is refused, never requested', async () => {
    const root = await withList(['- [Live](@/ok)'])
    const result = await run(['links', 'lists/list.md'], root)
    expect([result.code, result.out]).toEqual([0, `lists/list.md:3:10: warning: Unexpected request of \`${server.origin}/ok\` to a private address (127.0.0.1 is a loopback address), expected a public address (pass --allow-private to check it) (private-address)\n0 errors, 1 warning`])
    expect(server.log).toEqual([])
  })

  test('--changed-since: only the URLs added or changed since the ref; a bad ref is a usage error', async () => {
    const root = await withList(['- [Old](@/ok)', '- [Also old](@/gone)'])
    git(root, 'init', '--quiet')
    git(root, 'add', '.')
    git(root, '-c', 'user.name=t', '-c', 'user.email=t@t.invalid', 'commit', '--quiet', '-m', 'list')
    const list = await readFile(join(root, 'lists/list.md'), 'utf8')
    await writeFile(join(root, 'lists/list.md'), list.replace(`${server.origin}/gone`, `${server.origin}/missing`) + `- [New](${server.origin}/ok-2)\n`)
    const result = await run(['links', 'lists/list.md', '--changed-since', 'HEAD', '--dead-after', '1', ...local], root)
    expect(server.log.sort()).toEqual(['GET /missing', 'HEAD /missing', 'HEAD /ok-2'])
    expect(result.code).toBe(1)
    expect(await run(['links', 'lists/list.md', '--changed-since', 'no-such-branch', ...local], root)).toEqual({
      code: 2,
      out: '',
      err: 'fmrl: Unexpected `--changed-since no-such-branch`, expected a git commit, branch or tag of the repository (for a pull request, fetch its base first)'
    })
  })

  test('the ignored URLs of fmrl.config.json are not checked', async () => {
    const root = await withList(['- [Live](@/ok)', '- [Skipped](@/missing)'])
    await writeFile(join(root, 'fmrl.config.json'), JSON.stringify({ignoreUrls: [`${server.origin}/missing`]}))
    expect((await run(['links', 'lists/list.md', ...local, '--dead-after', '1'], root)).code).toBe(0)
    expect(server.log).toEqual(['HEAD /ok'])
  })

  test('fmrl lint --online: the lint findings and the link findings in one report', async () => {
    const root = await withList(['- [Dead](@/missing)', '- [Nowhere](#nowhere)'])
    const result = await run(['lint', 'lists/list.md', '--online', '--dead-after', '1', ...local], root)
    expect(result.out).toBe(
      [
        `lists/list.md:3:10: error: Unexpected dead link \`${server.origin}/missing\` (404 Not Found), expected a URL that answers: update or remove it (dead-link)`,
        'lists/list.md:4:13: error: Unexpected anchor `#nowhere` that matches no heading, expected the id of a heading (no-dead-anchor)',
        '2 errors, 0 warnings'
      ].join('\n')
    )
    expect(result.code).toBe(1)
    expect((await run(['lint', 'lists/list.md'], root)).out).not.toContain('dead-link')
  })
})

describe('the progress bar', () => {
  test('drawn on a terminal only', () => {
    const stream = Object.assign(new PassThrough(), {isTTY: true, columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true}) as unknown as NodeJS.WriteStream
    let drawn = ''
    ;(stream as unknown as PassThrough).on('data', (chunk: Buffer) => (drawn += chunk.toString()))
    const progress = terminalProgress(stream)!
    progress.start(2)
    progress.tick()
    progress.tick()
    progress.stop()
    expect(drawn).toContain('fmrl links [')
    expect(drawn).toContain('2/2 URLs')
    expect(terminalProgress(Object.assign(new PassThrough(), {isTTY: false}) as unknown as NodeJS.WriteStream)).toBeUndefined()
  })
})
