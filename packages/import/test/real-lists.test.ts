import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {emptyDraft} from '@fmrl/model'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {importMarkdown} from '../src/index.js'

const folder = fileURLToPath(new URL('../../../fixtures/lists/', import.meta.url))
const lists = readdirSync(folder).filter((name) => name.endsWith('.md') && name !== 'README.md').sort()
const total = (counts: {cells: number; entries: number; parts: number}) => counts.cells + counts.entries + counts.parts

describe('real awesome lists (fixtures/lists)', () => {
  test('there are at least 12 of them', () => {
    expect(lists.length).toBeGreaterThanOrEqual(12)
  })

  test.each(lists)('%s imports without a crash, every cell and entry mapped or reported', (name) => {
    const {report, state} = importMarkdown(new VFile({path: name, value: readFileSync(`${folder}${name}`, 'utf8')}), emptyDraft())
    expect(total(report.input)).toBe(total(report.mapped) + total(report.reported))
    expect(report.items.filter((item) => item.unit !== 'note')).toHaveLength(total(report.reported))
    // Each reported item is placed in the file and says why.
    expect(report.items.every((item) => item.line >= 1 && item.column >= 1 && item.reason !== '')).toBe(true)
    const entries = state.methods.length + state.draft.readingList.length + state.draft.environments.length + state.draft.datasets.length
    expect(entries).toBeGreaterThan(0)
  })
})
