import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {repositoryRoot, temporaryDirectory} from '../helpers.js'
import {fixturesRoot, layOut, readCases, runAsNobody, updateExpected, type Run} from './cases.js'
import {outputPaths, outputProblems, readOutputs} from './outputs.js'

// The built CLI, in this process: as fast as the cases need. `fmrl` runs a bundle of these same modules,
// which test/bundle.test.ts holds to the same output.
const {main} = (await import(join(repositoryRoot, 'packages/cli/dist/main.js'))) as typeof import('../../src/main.js')
const update = process.env.FMRL_HOSTILE_UPDATE === '1'
const isRoot = process.getuid?.() === 0
// A stack frame (`    at f (file.js:1:2)`) in what fmrl prints: a crash, not a message.
const stackFrame = /^\s+at .+:\d+:\d+\)?$/m

/** Run the CLI as `fmrl` does: a throw out of main is the binary's internal error, exit 70. */
async function runCli(argv: string[], root: string): Promise<Run> {
  const out: string[] = []
  const err: string[] = []
  let code: number
  try {
    code = await main(argv, {out: (text) => out.push(text), err: (text) => err.push(text)}, root)
  } catch (error) {
    err.push(`fmrl: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    code = 70
  }
  return {argv, code, out: lines(out.join('\n')), err: lines(err.join('\n'))}
}

const lines = (text: string) => (text === '' ? [] : text.split('\n'))

// The base's outputs, built once: each case starts with them, so that "untouched" can be checked.
let built: string
let baseOutputs: Record<string, string | undefined>
beforeAll(async () => {
  built = await mkdtemp(join(tmpdir(), 'fmrl-hostile-base-'))
  await cp(join(fixturesRoot, 'base'), built, {recursive: true})
  const {code, err} = await runCli(['build'], built)
  if (code !== 0) throw new Error(`The base of the hostile fixtures does not build: ${err.join('\n')}`)
  baseOutputs = await readOutputs(built)
})
afterAll(() => rm(built, {recursive: true, force: true}))

/**
 * The tests of one part of the fixture set: every `parts`-th case from `part` on. The set is run as
 * two test files, which vitest runs side by side.
 */
export async function describeHostileCases(part: number, parts: number): Promise<void> {
  const all = await readCases()
  const cases = all.filter((_, index) => index % parts === part)
  describe(`hostile and broken input (fixtures/hostile, part ${part + 1} of ${parts}): exact messages and exit codes, no stack trace, no partial or unescaped output`, () => {
    if (part === 0) {
      test('the set covers at least 40 cases', () => {
        expect(all.length).toBeGreaterThanOrEqual(40)
      })

      test('the output check bites: hostile text as markup in each format, and a javascript: link', async () => {
        const root = await temporaryDirectory('fmrl-hostile-')
        await cp(built, root, {recursive: true})
        const hostile = ['<script>alert(1)</script>', '\\input{/etc/passwd}']
        const append = async (path: string, text: string) => writeFile(join(root, path), `${await readFile(join(root, path), 'utf8')}${text}`)
        await append('README.md', `\n${hostile[0]}\n\n[x](javascript:alert(1))\n\n\`\`\`mermaid\nA["${hostile[0]}"]\n\`\`\`\n`)
        await append('tables/table1.tex', `${hostile[1]}\n`)
        await append('site/index.html', `<a href="javascript:alert(1)">${hostile[0]}</a>`)
        expect(await outputProblems(root, hostile)).toEqual([
          'README.md:171: "<script>alert(1)</script>" as html',
          'README.md:171: active HTML "<script>alert(1)</script>"',
          'README.md:173: a link to javascript:alert(1)',
          'README.md:175: "<script>alert(1)</script>" unescaped in Mermaid',
          'README.md: "<script>alert(1)</script>" missing from the text',
          'README.md: "\\\\input{/etc/passwd}" missing from the text',
          'tables/table1.tex: "\\\\input{/etc/passwd}" unescaped',
          'tables/table1.tex: command `\\input` from content',
          'site/index.html: "<script>alert(1)</script>" unescaped',
          'site/index.html: a link to <a href="javascript:',
          'export/survey.json: "<script>alert(1)</script>" missing',
          'export/survey.json: "\\\\input{/etc/passwd}" missing'
        ])
      })
    }

    test.each(cases)('$name', async (testCase) => {
      // `untouched` says the build failed; the other two that it succeeded.
      const buildsOk = testCase.expected.runs.some((run) => run.argv[0] === 'build' && run.code === 0)
      expect(buildsOk, 'a case whose build succeeds says `as-base` or `rebuilt`, else `untouched`').toBe(testCase.expected.outputs !== 'untouched')
      const root = await temporaryDirectory('fmrl-hostile-')
      for (const path of outputPaths) await cp(join(built, path), join(root, path)).catch(() => undefined)
      await layOut(testCase, root)
      const {expected} = testCase
      const asNobody = isRoot && (expected.unreadable?.length ?? 0) > 0
      const runs: Run[] = []
      for (const {argv} of expected.runs) {
        if (!asNobody) {
          runs.push(await runCli(argv, root))
          continue
        }
        // As root, chmod 000 does not stop reads: the built CLI runs as another user instead.
        const exited = await runAsNobody(argv, root)
        runs.push({argv, code: exited.code ?? -1, out: lines(exited.out.trimEnd()), err: lines(exited.err.trimEnd())})
      }
      if (update) await updateExpected(testCase, runs)
      expect(runs).toEqual(expected.runs)
      for (const run of runs) expect(`${run.out.join('\n')}\n${run.err.join('\n')}`).not.toMatch(stackFrame)
      const outputs = await readOutputs(root)
      // Untouched after an error, and rebuilt byte for byte when the case is the base in other bytes.
      if (expected.outputs === 'rebuilt') expect(await outputProblems(root, expected.hostile ?? [])).toEqual([])
      else expect(outputs).toEqual(baseOutputs)
    })
  })
}
