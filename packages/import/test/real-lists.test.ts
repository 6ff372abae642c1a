import {readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {emptyDraft} from '@fmrl/model'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {importMarkdown, mergeImports} from '../src/index.js'

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

  // Merging a list into an empty folder conflicts only where two of its entries are one paper: checked
  // by hand, these are papers listed in several sections, one arXiv id the list gives two names
  // (ChemCrow), one short name the list gives two papers (LLM-BRAIn), and aikorea's `[Book]` links.
  // A link label taken for a title (`[[Pytorch Code](…)]`, a `Paper` column of `[Paper](…)` links)
  // merged unrelated papers into one: 159 conflicts in GT-RIPL's list, 271 in Paitesanshi's.
  test('merged on their own, the lists conflict only where two entries really are one paper', () => {
    const conflicts = Object.fromEntries(lists.map((name) => {
      const imported = importMarkdown(new VFile({path: name, value: readFileSync(`${folder}${name}`, 'utf8')}), emptyDraft())
      return [name, mergeImports(emptyDraft(), [imported], {preferIncoming: false}).conflicts.length]
    }).filter(([, count]) => count !== 0))
    expect(conflicts).toEqual({
      'GT-RIPL--Awesome-LLM-Robotics.md': 3,
      'Paitesanshi--LLM-Agent-Survey.md': 20,
      'aikorea--awesome-rl.md': 6,
      'opendilab--awesome-RLHF.md': 3,
      'zchoi--Awesome-Embodied-Robotics-and-Agent.md': 6
    })
  })
})
