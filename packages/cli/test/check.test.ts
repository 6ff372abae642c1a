import {readFile, rm, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {builtRepository} from './git-repository.js'
import {findStale} from '../src/check-stale.js'
import {run, temporaryDirectory} from './helpers.js'

const agentPath = 'content/methods/agent.md'
const newCode = 'https://github.com/x/retroformer'

/** Replace exactly one occurrence of `from` in a file; fails the test when it is not there once. */
async function edit(path: string, from: string, to: string): Promise<{before: string; after: string}> {
  const before = await readFile(path, 'utf8')
  expect(before.split(from).length).toBe(2)
  const after = before.replace(from, to)
  await writeFile(path, after)
  return {before, after}
}

/** The README row of a method, its 1-based line, and the column where its Code cell starts. */
function readmeRow(readme: string, name: string): {text: string; line: number; codeColumn: number} {
  const lines = readme.split('\n')
  const index = lines.findIndex((line) => line.startsWith(`| [${name}](`))
  const text = lines[index]!
  return {text, line: index + 1, codeColumn: text.slice(0, -1).trimEnd().lastIndexOf('|') + 1}
}

/** Hand-edit Retroformer's Code cell in README.md the way a contributor would: no re-alignment. */
async function handEditCode(root: string): Promise<{line: number; column: number}> {
  const readme = join(root, 'README.md')
  const row = readmeRow(await readFile(readme, 'utf8'), 'Retroformer')
  const edited = `${row.text.slice(0, row.codeColumn)} [Code](${newCode}) |`
  await edit(readme, row.text, edited)
  return {line: row.line, column: row.codeColumn}
}

describe('fmrl check', () => {
  test('an output is stale unless the file holds its very bytes, as the build compares them: one whose text decodes alike is not enough', async () => {
    const root = await temporaryDirectory()
    await writeFile(join(root, 'same.md'), 'π\n')
    await writeFile(join(root, 'lossy.md'), Buffer.from([0xff, 0x0a]))
    const outputs = [{path: 'same.md', content: 'π\n'}, {path: 'lossy.md', content: '\ufffd\n'}, {path: 'missing.md', content: 'm\n'}]
    expect(await findStale(root, outputs)).toEqual([{output: outputs[1], disk: '\ufffd\n'}, {output: outputs[2], disk: undefined}])
  })

  test('exits 0 on a fresh build and names how many files it compared', async () => {
    const {root, outputs} = await builtRepository()
    expect(await run(['check'], root)).toEqual({code: 0, out: `All ${outputs.length} generated files match content/.`, err: ''})
  })

  test('after a content edit: exit 1, a diff per stale file, the fixing command, and nothing written', async () => {
    const {root} = await builtRepository()
    const readme = await readFile(join(root, 'README.md'), 'utf8')
    const agile = readmeRow(readme, 'AGILE').text
    await edit(join(root, agentPath), '| AGILE | Feng et al., 2024 | Meerkat, Vicuna-1.5 | ✓\\* |', '| AGILE | Feng et al., 2024 | Meerkat, Vicuna-1.5 | × |')
    const result = await run(['check'], root)
    expect(await readFile(join(root, 'README.md'), 'utf8')).toBe(readme)
    const built = await run(['build'], root)
    const written = built.out.split('\n').filter((line) => line.endsWith(': written')).map((line) => line.replace(/: written$/, ''))
    expect(result.code).toBe(1)
    expect([...result.out.matchAll(/^--- a\/(\S+)\ton disk$/gm)].map((match) => match[1])).toEqual(written)
    const readmePatch = result.out.slice(result.out.indexOf('--- a/README.md'), result.out.indexOf('\n--- a/', 1) === -1 ? undefined : result.out.indexOf('\n--- a/', 1))
    expect(readmePatch.split('\n').filter((line) => /^[-+](?![-+])/.test(line))).toEqual([`-${agile}`, `+${agile.replace('| ✓\\* |', '| ×   |')}`])
    expect(result.err).toBe(`${written.length} generated files are stale: run \`pnpm build\` to regenerate them from content/.`)
  })

  test('a missing output is stale', async () => {
    const {root} = await builtRepository()
    await rm(join(root, 'README.md'))
    const result = await run(['check'], root)
    await run(['build'], root)
    const lines = (await readFile(join(root, 'README.md'), 'utf8')).split('\n').length - 1
    expect(result.code).toBe(1)
    expect(result.out.split('\n').slice(0, 3)).toEqual(['--- a/README.md\tmissing', '+++ b/README.md\tfrom content/', `@@ -0,0 +1,${lines} @@`])
    expect(result.err).toBe('1 generated file is stale: run `pnpm build` to regenerate it from content/.')
  })

  test('names the content cell that holds a value edited by hand in README.md', async () => {
    const {root} = await builtRepository()
    const {line, column} = await handEditCode(root)
    const result = await run(['check'], root)
    expect(result.code).toBe(1)
    expect(result.out.startsWith('--- a/README.md\ton disk\n+++ b/README.md\tfrom content/\n')).toBe(true)
    expect(result.err).toBe([
      `README.md:${line}:${column}: changes Retroformer's Code to \`${newCode}\`; edit content/methods/agent.md:8:121 instead`,
      '1 generated file is stale: run `pnpm build` to regenerate it from content/.',
      'To keep the hand edits instead, run `pnpm check --adopt`: it writes them into content/ and rebuilds.'
    ].join('\n'))
  })

  test('--adopt writes the hand edit into its content cell, rebuilds, and check passes again', async () => {
    const {root, outputs} = await builtRepository()
    const before = await readFile(join(root, agentPath), 'utf8')
    await handEditCode(root)
    const result = await run(['check', '--adopt'], root)
    const retroformer = '| Retroformer | Yao et al., 2024 | GPT-3, GPT-4, LongChat | ✓ | act, cr, ref | single | - | offline | π_l, rft | sr, se |'
    expect(await readFile(join(root, agentPath), 'utf8')).toBe(before.replace(`${retroformer} - |`, `${retroformer} <${newCode}> |`))
    expect(result.code).toBe(0)
    expect(result.err).toBe('')
    expect(result.out.split('\n')[0]).toBe(`${agentPath}: written`)
    expect(result.out.split('\n').slice(1).map((line) => line.replace(/: .*$/, ''))).toEqual(outputs)
    expect(readmeRow(await readFile(join(root, 'README.md'), 'utf8'), 'Retroformer').text).toContain(`[Code](${newCode})`)
    expect((await run(['check'], root)).code).toBe(0)
  })

  test('--adopt takes a rename made in a README table, though the member list above it still has the old name', async () => {
    const {root} = await builtRepository()
    const readme = join(root, 'README.md')
    const row = readmeRow(await readFile(readme, 'utf8'), 'Retroformer')
    await edit(readme, row.text, row.text.replace('[Retroformer](', '[Retroformer 2](').replace(/ {2}\|/, '|'))
    const before = await readFile(join(root, agentPath), 'utf8')
    const result = await run(['check', '--adopt'], root)
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    expect(await readFile(join(root, agentPath), 'utf8')).toBe(before.replace('| Retroformer | Yao et al., 2024 |', '| Retroformer 2 | Yao et al., 2024 |'))
    expect((await readFile(readme, 'utf8')).split('\n')).toContain('- Parametric (6): AGILE, Retroformer 2, TWOSOME, POAD, GLAM, Zhai et al.')
  })

  test('--adopt refuses a hand edit content/ would reject, and writes nothing', async () => {
    const {root} = await builtRepository()
    const readme = join(root, 'README.md')
    const row = readmeRow(await readFile(readme, 'utf8'), 'AGILE')
    const {after} = await edit(readme, row.text, row.text.replace('| ✓\\* |', '| yes |'))
    const content = await readFile(join(root, agentPath), 'utf8')
    const result = await run(['check', '--adopt'], root)
    expect(result).toEqual({
      code: 1,
      out: '',
      err: [
        `README.md:${row.line}:${row.text.indexOf('| ✓\\* |') + 1}: Unexpected symbol \`yes\` in column \`FT\`, expected one of \`✓\`, \`✓*\`, \`×\`; add it to content/legend.md to allow it; edit content/methods/agent.md:7:51 instead`,
        'Nothing was adopted: fix these cells, or make the change in content/ and run `pnpm build`.'
      ].join('\n')
    })
    expect(await readFile(readme, 'utf8')).toBe(after)
    expect(await readFile(join(root, agentPath), 'utf8')).toBe(content)
  })

  test('a hand edit outside the method tables is reported, and --adopt will not overwrite it', async () => {
    const {root} = await builtRepository()
    const readme = join(root, 'README.md')
    const {after} = await edit(readme, 'The FM serves as the policy,', 'The FM is the policy,')
    const checked = await run(['check'], root)
    expect(checked.err.split('\n')[0]).toBe('README.md: edited by hand outside the method tables (the diff shows where); `pnpm build` overwrites generated files, so make the change in content/ instead')
    const adopted = await run(['check', '--adopt'], root)
    expect(adopted.code).toBe(1)
    expect(adopted.out.split('\n').filter((line) => /^[-+](?![-+])/.test(line))).toEqual(['-The FM is the policy, acting as a decision-maker at each time step.', '+The FM serves as the policy, acting as a decision-maker at each time step.'])
    expect(adopted.err).toBe([
      'README.md: has edits outside the method tables, which content/ cannot take (the diff shows them)',
      'Nothing was adopted: move these edits into content/ by hand, then run `pnpm build`.'
    ].join('\n'))
    expect(await readFile(readme, 'utf8')).toBe(after)
  })

  test('with a content error: exit 1 with the positioned message, nothing compared', async () => {
    const {root} = await builtRepository()
    await edit(join(root, agentPath), '| AGILE | Feng et al., 2024 | Meerkat, Vicuna-1.5 | ✓\\* |', '| AGILE | Feng et al., 2024 | Meerkat, Vicuna-1.5 | yes |')
    expect(await run(['check'], root)).toEqual({
      code: 1,
      out: '',
      err: [
        'content/methods/agent.md:7:53: error: Unexpected symbol `yes` in column `FT`, expected one of `✓`, `✓*`, `×`; add it to content/legend.md to allow it (no-unknown-symbol)',
        '1 error, 0 warnings',
        'Nothing was checked: fix content/ first.'
      ].join('\n')
    })
  })
})
