import {spawn, spawnSync} from 'node:child_process'
import {appendFile, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {colorEnabled} from '../src/terminal.js'
import {bin, repositoryRoot, run, temporaryRepository} from './helpers.js'

const {version} = JSON.parse(await readFile(join(repositoryRoot, 'packages/cli/package.json'), 'utf8')) as {version: string}

// Two warnings (an http URL, a reference without definition) and one error (a dead anchor).
const list = '# List\n\n- [Paper](http://github.com/x/y)\n- [Nowhere](#missing)\n- [Undefined][nope]\n'
const findings = [
  'list.md:3:11: warning: Unexpected `http:` URL `http://github.com/x/y`, expected `https://github.com/x/y` (github.com serves https) (prefer-https)',
  'list.md:4:13: error: Unexpected anchor `#missing` that matches no heading, expected the id of a heading (no-dead-anchor)',
  'list.md:5:3: warning: Unexpected reference `[Undefined][nope]` without a definition, expected a definition such as `[nope]: https://…`, or escape the bracket as `\\[` (no-undefined-reference)'
]
const warningsOnly = '# List\n\n- [Paper](http://github.com/x/y)\n- [Undefined][nope]\n'

async function withList(text: string): Promise<string> {
  const root = await temporaryRepository()
  await writeFile(join(root, 'list.md'), text)
  return root
}

// Every variable Node reads to decide on colour is the test's to set (CI runs with CI=true, which means none).
const colorVariables = ['FORCE_COLOR', 'NO_COLOR', 'NODE_DISABLE_COLORS', 'CI', 'TMUX', 'TERM', 'COLORTERM']
const withColorVariables = (env: Record<string, string>) => ({...Object.fromEntries(Object.entries(process.env).filter(([name]) => !colorVariables.includes(name))), ...env})

/** The built binary in `cwd` with `env` added, its output captured (standard input closed). */
function spawnFmrl(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, env: withColorVariables(env), encoding: 'utf8', input: ''})
  return {code: result.status, out: result.stdout, err: result.stderr}
}

describe('--version', () => {
  test('prints the version of fmrl and exits 0', async () => {
    expect(await run(['--version'], repositoryRoot)).toEqual({code: 0, out: version, err: ''})
    expect(version).toMatch(/^\d+\.\d+\.\d+$/)
  })
})

describe('--quiet and --max-warnings', () => {
  test('--quiet prints the errors only', async () => {
    const root = await withList(list)
    expect(await run(['lint', '--quiet', 'list.md'], root)).toEqual({code: 1, out: `${findings[1]}\n1 error, 0 warnings`, err: ''})
    expect(await run(['lint', '--quiet', '--format', 'json', 'list.md'], root).then((result) => JSON.parse(result.out).map((finding: {ruleId: string}) => finding.ruleId))).toEqual(['no-dead-anchor'])
  })

  test('--max-warnings N: more warnings than N exit 1, N or fewer exit 0; --quiet hides them but they still count', async () => {
    const root = await withList(warningsOnly)
    expect(await run(['lint', '--max-warnings', '2', 'list.md'], root)).toMatchObject({code: 0})
    expect(await run(['lint', '--max-warnings', '1', 'list.md'], root)).toEqual({
      code: 1,
      out: [findings[0], findings[2]!.replace('5:3', '4:3'), '0 errors, 2 warnings'].join('\n'),
      err: 'fmrl: 2 warnings, more than --max-warnings 1 allows'
    })
    expect(await run(['lint', '--quiet', '--max-warnings', '0', 'list.md'], root)).toEqual({code: 1, out: '', err: 'fmrl: 2 warnings, more than --max-warnings 0 allows'})
  })

  test('--max-warnings takes a whole number', async () => {
    const root = await withList(list)
    expect(await run(['lint', '--max-warnings', 'some', 'list.md'], root)).toEqual({code: 2, out: '', err: "error: option '--max-warnings <count>' argument 'some' is invalid. expected a whole number of at least 0"})
  })
})

describe('colour', () => {
  test('on a terminal with colours, unless NO_COLOR; FORCE_COLOR decides alone (as Node reads them)', () => {
    expect(colorEnabled(true, {TERM: 'xterm-256color'})).toBe(true)
    expect(colorEnabled(true, {TERM: 'xterm-256color', NO_COLOR: '1'})).toBe(false)
    expect(colorEnabled(true, {TERM: 'dumb'})).toBe(false)
    expect(colorEnabled(false, {TERM: 'xterm-256color'})).toBe(false)
    expect(colorEnabled(false, {FORCE_COLOR: '1'})).toBe(true)
    expect(colorEnabled(true, {TERM: 'xterm-256color', FORCE_COLOR: '0'})).toBe(false)
    // Node's rule: CI set by a service it does not know is a log, without colours.
    expect(colorEnabled(true, {TERM: 'xterm-256color', CI: 'true'})).toBe(false)
    expect(colorEnabled(true, {TERM: 'xterm-256color', CI: 'true', GITHUB_ACTIONS: 'true'})).toBe(true)
  })

  test('the binary: plain text into a pipe, colours with FORCE_COLOR, none with NO_COLOR', async () => {
    const root = await withList(warningsOnly)
    const plain = spawnFmrl(['lint', 'list.md'], root)
    expect(plain.out).toBe(`${[findings[0], findings[2]!.replace('5:3', '4:3'), '0 errors, 2 warnings'].join('\n')}\n`)
    const forced = spawnFmrl(['lint', 'list.md'], root, {FORCE_COLOR: '1'})
    expect(forced.out.split('\n')[0]).toBe('list.md:3:11: \u001b[33mwarning\u001b[39m: Unexpected `http:` URL `http://github.com/x/y`, expected `https://github.com/x/y` (github.com serves https) \u001b[2m(prefer-https)\u001b[22m')
    expect(spawnFmrl(['lint', 'list.md'], root, {NO_COLOR: '1'}).out).toBe(plain.out)
  }, 90_000)

  test('on a terminal (script gives the binary one): coloured, and not with NO_COLOR', async () => {
    const root = await withList(warningsOnly)
    const onTerminal = (env: Record<string, string>) => spawnSync('script', ['-qec', `${process.execPath} ${bin} lint list.md`, '/dev/null'], {cwd: root, env: withColorVariables({TERM: 'xterm-256color', ...env}), encoding: 'utf8', input: ''}).stdout
    expect(onTerminal({})).toContain('\u001b[33mwarning\u001b[39m')
    expect(onTerminal({NO_COLOR: '1'})).not.toContain('\u001b[')
  }, 90_000)
})

describe('--format github for build, check and add', () => {
  const typo = (text: string) => text.replace('| π_l, rft |', '| π_l, rtf |')
  const annotation =
    '::error file=content/methods/agent.md,line=8,col=108,endLine=8,endColumn=111,title=no-unknown-symbol::Unexpected symbol `rtf` in column `RL Role`, expected one of `π`, `π_l`, `π_g`, `v`, `v_l`, `v_g`, `τ_π`, `rft`, `o`; add it to content/legend.md to allow it'

  test('build and check: content errors as annotations on stdout, the human report on stderr as before', async () => {
    const root = await temporaryRepository()
    const path = join(root, 'content/methods/agent.md')
    await writeFile(path, typo(await readFile(path, 'utf8')))
    const build = await run(['build', '--format', 'github'], root)
    expect([build.code, build.out]).toEqual([1, annotation])
    expect(build.err.split('\n').at(-1)).toBe('Nothing was written: fix content/ and run the build again.')
    expect(await run(['check', '--format', 'github'], root)).toMatchObject({code: 1, out: annotation})
  })

  test('check: one annotation per stale output', async () => {
    const root = await temporaryRepository()
    expect((await run(['build'], root)).code).toBe(0)
    await appendFile(join(root, 'README.md'), 'A hand-written line.\n')
    const result = await run(['check', '--format', 'github'], root)
    expect(result.code).toBe(1)
    expect(result.out.split('\n')[0]).toBe('::error file=README.md,title=stale-output::Unexpected `README.md` that differs from what content/ renders, expected it regenerated: run `pnpm build`')
  })

  test('add: flag problems and duplicates as annotations (they have no place in a file)', async () => {
    const root = await temporaryRepository()
    const duplicate = ['add', '--format', 'github', '--role', 'agent', '--category', 'parametric', '--name', 'AGILE', '--citation', 'Feng et al., 2024', '--models', 'x', '--ft', '✓', '--fm-roles', 'act', '--rl-agent', 'single', '--rl-task', '-', '--rl-setting', 'online', '--rl-roles', 'π_l', '--metrics', 'acc']
    expect(await run(duplicate, root)).toEqual({
      code: 1,
      out: '::error title=fmrl add::Unexpected duplicate `AGILE`, expected a method content/ does not list yet: content/methods/agent.md:7:1 has `AGILE` (same name); edit that row instead',
      err: 'fmrl add: Unexpected duplicate `AGILE`, expected a method content/ does not list yet: content/methods/agent.md:7:1 has `AGILE` (same name); edit that row instead'
    })
    expect(await run(['build', '--format', 'json'], root)).toEqual({code: 2, out: '', err: 'fmrl: Unexpected format `json`, expected one of `human`, `github`'})
  })
})

describe('Ctrl-C', () => {
  test('at a prompt of fmrl add on a terminal: exit 130, no "internal error"', async () => {
    const root = await temporaryRepository()
    const child = spawn('script', ['-qec', `${process.execPath} ${bin} add`, '/dev/null'], {cwd: root, env: {...process.env, TERM: 'xterm-256color'}})
    let screen = ''
    let sent = false
    const code = await new Promise<number | null>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        screen += chunk.toString('utf8')
        // The first prompt is on screen: the whole CLI has loaded. Ctrl-C, as a terminal sends it.
        if (screen.includes('Role') && !sent) {
          sent = true
          child.stdin.write('\u0003')
        }
      })
      child.on('close', resolve)
    })
    expect(code).toBe(130)
    expect(screen).not.toContain('internal error')
  }, 90_000)
})

describe('documentation', () => {
  test('every flag of fmrl lint and fmrl links is in packages/cli/README.md, and lint --help names the exit codes', async () => {
    const readme = await readFile(join(repositoryRoot, 'packages/cli/README.md'), 'utf8')
    for (const command of ['lint', 'links', 'build', 'check']) {
      const help = (await run([command, '--help'], repositoryRoot)).out
      const flags = [...new Set(help.match(/(?<=^ {2}|, )--[a-z][a-z-]*/gm))].filter((flag) => flag !== '--help')
      expect(flags.length, command).toBeGreaterThan(0)
      expect(flags.filter((flag) => !readme.includes(`\`${flag}`)), command).toEqual([])
    }
    const lint = (await run(['lint', '--help'], repositoryRoot)).out
    for (const code of ['0 no errors', '1 errors', '2 usage', '130 interrupted']) expect(lint).toContain(code)
  })
})
