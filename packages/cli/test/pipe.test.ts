import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, test} from 'vitest'
import {repositoryRoot, runBin, temporaryRepository} from './helpers.js'

const outputs = ['README.md', 'tables/table1.md', 'tables/agent.md', 'tables/planner.md', 'tables/reward.md', 'tables/table1.tex', 'export/survey.json', 'export/survey.schema.json']

describe('a closed standard output (`fmrl build | head -1`)', () => {
  test('is not an error: every output is written, exit 0, nothing on standard error', async () => {
    const root = await temporaryRepository()
    expect(await runBin(['build'], {cwd: root, closeOut: true})).toEqual({code: 0, signal: null, out: '', err: ''})
    for (const output of outputs) expect(await readFile(join(root, output), 'utf8'), output).toBe(await readFile(join(repositoryRoot, output), 'utf8'))
  })
})
