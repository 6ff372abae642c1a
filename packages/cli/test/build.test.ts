import {access, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {readText, repositoryRoot, run, temporaryRepository} from './helpers.js'

const exists = (path: string) => access(path).then(() => true, () => false)
const outputs = ['README.md', 'tables/table1.md', 'tables/agent.md', 'tables/planner.md', 'tables/reward.md', 'tables/table1.tex', 'export/survey.json', 'export/survey.schema.json', 'site/index.html']
const report = (result: string) => outputs.map((path) => `${path}: ${result}`).join('\n')

describe('fmrl build', () => {
  test('writes every output as committed, and a second run changes nothing', async () => {
    const root = await temporaryRepository()
    expect(await run(['build'], root)).toEqual({code: 0, out: report('written'), err: ''})
    expect(await readText(join(root, 'README.md'))).toBe(await readText(join(repositoryRoot, 'README.md')))
    expect(await run(['build'], root)).toEqual({code: 0, out: report('unchanged'), err: ''})
  })

  test('with invalid content: exit 1, positioned messages, nothing written', async () => {
    const root = await temporaryRepository()
    const agent = join(root, 'content/methods/agent.md')
    const text = await readFile(agent, 'utf8')
    await writeFile(agent, text.replace('| AGILE | Feng et al., 2024 | Meerkat, Vicuna-1.5 | ✓\\* |', '| AGILE | Feng et al., 2024 | Meerkat, Vicuna-1.5 | yes |'))
    const result = await run(['build'], root)
    expect(result).toEqual({
      code: 1,
      out: '',
      err: [
        'content/methods/agent.md:7:53: error: Unexpected symbol `yes` in column `FT`, expected one of `✓`, `✓*`, `×`; add it to content/legend.md to allow it (no-unknown-symbol)',
        '1 error, 0 warnings',
        'Nothing was written: fix content/ and run the build again.'
      ].join('\n')
    })
    expect(await exists(join(root, 'README.md'))).toBe(false)
  })

  test('an invalid build leaves an existing README.md untouched', async () => {
    const root = await temporaryRepository()
    await writeFile(join(root, 'README.md'), 'old\n')
    await writeFile(join(root, 'content/datasets.md'), '# Datasets\n\n| Dataset | Year |\n| - | - |\n| X | 2020 |\n')
    const result = await run(['build'], root)
    expect(result.code).toBe(1)
    expect(result.err.split('\n')[0]).toBe('content/datasets.md:3:1: error: Unexpected table without column `Domain`, `Modality`, `Link`, expected columns `Dataset`, `Year`, `Domain`, `Modality`, `Link` (missing-column)')
    expect(await readText(join(root, 'README.md'))).toBe('old\n')
  })

  test('usage errors exit 2 with one line and no stack', async () => {
    const root = await temporaryRepository()
    expect(await run(['build', '--content', 'nowhere'], root)).toEqual({code: 2, out: '', err: 'fmrl: Unexpected path `nowhere` that does not exist, expected a file or folder there (check --root and --content)'})
    expect(await run(['frobnicate'], root)).toEqual({code: 2, out: '', err: "error: unknown command 'frobnicate'"})
  })
})
