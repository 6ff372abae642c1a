import {describe, expect, test} from 'vitest'
import {packSources, parseContent, unpackSources} from '../src/index.js'
import {addPackedSources, packPosition, unpackPosition} from '../src/packing.js'
import {methodReads} from '../src/content/methods-file.js'
import {contentFiles} from './helpers.js'

describe('packed sources (a source map as a cache keeps it)', () => {
  test('every place of our content comes back as it was, in order, through JSON', () => {
    const {sources} = parseContent(contentFiles())
    expect(sources.size).toBeGreaterThan(500)
    const packed = JSON.parse(JSON.stringify(packSources(sources))) as unknown
    expect(unpackSources(packed)).toEqual([...sources])
    // Each file once: the places name them by index.
    expect((packed as {files: string[]}).files).toEqual([...new Set([...sources.values()].map((place) => place.file))])
  })

  test('two places of two files, exactly', () => {
    const places = [
      ['/methods/0/name', {file: 'content/methods/agent.md', line: 7, column: 3, endLine: 7, endColumn: 12}],
      ['/references/0', {file: 'content/references.md', line: 4, column: 1, endLine: 4, endColumn: 80}],
      ['/methods/0/code', {file: 'content/methods/agent.md', line: 7, column: 40, endLine: 7, endColumn: 90}]
    ] as const
    expect(packSources(places)).toEqual({
      files: ['content/methods/agent.md', 'content/references.md'],
      pointers: ['/methods/0/name', '/references/0', '/methods/0/code'],
      places: [0, 7, 3, 7, 12, 1, 4, 1, 4, 80, 0, 7, 40, 7, 90]
    })
    expect(unpackSources(packSources(places))).toEqual(places)
  })

  test('anything else is no packed map, and leaves a source map as it was', () => {
    const good = {files: ['a.md'], pointers: ['/x', '/y'], places: [0, 1, 1, 1, 2, 0, 2, 1, 2, 5]}
    const foreign = [
      null,
      [['/x', {file: 'a.md', line: 1, column: 1, endLine: 1, endColumn: 2}]],
      {...good, files: [1]},
      {...good, pointers: ['/x']},
      {...good, places: good.places.slice(0, 9)},
      {...good, places: [1, ...good.places.slice(1)]},
      {...good, places: [0, 1, 1, 1, '2', 0, 2, 1, 2, 5]},
      {...good, places: [0, 1, 1, 1, 2, 0, 2, 1, 2, null]}
    ]
    for (const packed of foreign) {
      expect(unpackSources(packed)).toBeUndefined()
      const sources = new Map([['/kept', {file: 'b.md', line: 3, column: 1, endLine: 3, endColumn: 4}]])
      expect(addPackedSources(sources, packed)).toBe(false)
      expect([...sources.keys()]).toEqual(['/kept'])
    }
    const sources = new Map()
    expect(addPackedSources(sources, good)).toBe(true)
    expect([...sources]).toEqual([
      ['/x', {file: 'a.md', line: 1, column: 1, endLine: 1, endColumn: 2}],
      ['/y', {file: 'a.md', line: 2, column: 1, endLine: 2, endColumn: 5}]
    ])
  })
})

describe('packed positions', () => {
  test('six numbers and back; a position without every offset is not packed', () => {
    const position = {start: {line: 7, column: 3, offset: 120}, end: {line: 8, column: 1, offset: 160}}
    expect(packPosition(position)).toEqual([7, 3, 120, 8, 1, 160])
    expect(unpackPosition(packPosition(position)!)).toEqual(position)
    expect(packPosition({start: {line: 1, column: 1}, end: {line: 1, column: 4, offset: 3}})).toBeUndefined()
    expect(packPosition(undefined)).toBeUndefined()
  })

  test('a methods file\'s read through JSON: packed cells, a cell without offsets and one without a place come back as they were', () => {
    const {survey} = parseContent(contentFiles())
    const method = survey!.methods[0]!
    const reads = [{method, complete: true, cells: new Map([
      ['name', {start: {line: 7, column: 1, offset: 202}, end: {line: 7, column: 11, offset: 212}}],
      ['models', {start: {line: 7, column: 12}, end: {line: 7, column: 20}}],
      ['code', undefined]
    ])}]
    const json = JSON.parse(JSON.stringify(methodReads.toJson(reads))) as Array<{cells: unknown[]}>
    expect(json[0]!.cells).toEqual([['name', [7, 1, 202, 7, 11, 212]], ['models', {start: {line: 7, column: 12}, end: {line: 7, column: 20}}], ['code', null]])
    expect(methodReads.fromJson(json)).toEqual(reads)
  })
})
