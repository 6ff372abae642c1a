import {expect, test} from 'vitest'
import {parseContent, parseMarkdown} from '../src/index.js'
import {contentFiles} from './helpers.js'

// fmrl lint lints the trees parseContent made instead of parsing the files again: they must be the
// trees a parse of each file's text gives, for every content file.
test('parseContent gives each content file’s tree, the same as parsing its text', () => {
  const files = contentFiles()
  const {survey, trees} = parseContent(files, {keepTrees: true})
  expect(survey).toBeDefined()
  expect([...trees.keys()].map((file) => file.path).sort()).toEqual(files.map((file) => file.path).sort())
  for (const file of files) expect(trees.get(file)).toEqual(parseMarkdown(String(file.value)))
})

test('a file past the size limit has no tree', () => {
  const files = contentFiles()
  const big = files.find((file) => file.path.endsWith('references.md'))!
  big.value = `${String(big.value)}${'x'.repeat(9 * 1024 * 1024)}`
  expect(parseContent(files, {keepTrees: true}).trees.size).toBe(0)
})

test('without keepTrees parseContent hands back no tree, and reads the same survey and places', () => {
  const kept = parseContent(contentFiles(), {keepTrees: true})
  const read = parseContent(contentFiles())
  expect(read.trees.size).toBe(0)
  expect(read.survey).toEqual(kept.survey)
  expect(read.sources).toEqual(kept.sources)
})

test('keepTrees as a number hands back trees in the order the files are read, while their characters fit in it', () => {
  const files = contentFiles()
  const size = (path: string) => String(files.find((file) => file.path === path)!.value).length
  // Read first: the survey, the taxonomy, the legend, then the references.
  const first = ['content/survey.md', 'content/taxonomy.md', 'content/legend.md']
  const budget = first.reduce((sum, path) => sum + size(path), 0)
  expect(size('content/references.md')).toBeGreaterThan(size('content/datasets.md'))
  const paths = (room: number) => [...parseContent(contentFiles(), {keepTrees: room}).trees.keys()].map((file) => file.path)
  expect(paths(budget)).toEqual(first)
  // A file that does not fit is passed over; a later one that does is handed back.
  expect(paths(budget + size('content/datasets.md'))).toEqual([...first, 'content/datasets.md'])
  expect(paths(0)).toEqual([])
})
