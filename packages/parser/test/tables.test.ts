import {methodColumn, type Method} from '@fmrl/model'
import type {Table} from 'mdast'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {fileContext, parseMarkdown, readCell, readEntries, readTables} from '../src/index.js'
import {messages} from './helpers.js'

// Found by the mutation check (pnpm mutation): each of these survived a one-line breakage of the reader.
describe('reading tables', () => {
  test('each table keeps the headings it sits under, not those of a later table', () => {
    const tree = parseMarkdown('# Role\n\n## A\n\n| x |\n| - |\n| 1 |\n\n### Deeper\n\n## B\n\n| y |\n| - |\n| 2 |\n')
    expect(readTables(tree).map((table) => table.headings)).toEqual([['Role', 'A'], ['Role', 'B']])
  })

  test("a link's place counts from the cell's trimmed text, after a leading space it drops", () => {
    const table = parseMarkdown('| x |\n| - |\n| &nbsp;[A](https://a.org), [B](https://b.org) |\n').children[0] as Table
    expect(readCell(table.children[1]!.children[0]!).links).toEqual([
      {url: 'https://a.org', text: 'A', start: 0},
      {url: 'https://b.org', text: 'B', start: 3}
    ])
  })

  test('two columns that give one attribute must agree: a linked name and a different Paper cell', () => {
    const file = new VFile({path: 'agent.md', value: '| Method | Paper |\n| - | - |\n| [AGILE](https://arxiv.org/abs/1) | https://arxiv.org/abs/2 |\n'})
    const context = fileContext(file, new Map())
    const [table] = readTables(context.tree)
    const read = readEntries<Method>(context, table!, [methodColumn('name'), methodColumn('paper')], {vocabularies: [], format: 'markdown'})
    expect(read.map((entry) => ({value: entry.value, complete: entry.complete}))).toEqual([{value: {name: 'AGILE', paper: 'https://arxiv.org/abs/1'}, complete: false}])
    expect(messages([file])).toEqual([
      'agent.md:3:36-3:63: Unexpected paper `https://arxiv.org/abs/2` in column `Paper`, expected the same value as the column that already gives it (`https://arxiv.org/abs/1`) (invalid-value)'
    ])
  })
})
