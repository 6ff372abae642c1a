import {describe, expect, test} from 'vitest'
import {SourceMap, type Place} from '../src/index.js'

const place = (file: string, line: number): Place => ({file, line, column: 3, endLine: line, endColumn: 17})

/** Pointers of every shape a source map tells apart, each with its own place. */
const entries: Array<[string, Place]> = [
  ['/methods/0/name', place('content/methods/agent.md', 5)],
  ['/methods/0/ft', place('content/methods/agent.md', 5)],
  ['/methods/1/name', place('content/methods/planner.md', 7)],
  // No index, and two indices: kept by their text.
  ['/metadata/title', place('content/survey.md', 1)],
  ['/taxonomy/2/categories/1', place('content/taxonomy.md', 9)],
  // A segment with a leading zero, or with letters, is no index: `/methods/01/name` is not `/methods/1/name`.
  ['/methods/01/name', place('content/methods/reward.md', 11)],
  ['/methods/1a/name', place('content/methods/reward.md', 12)],
  // A `#` of the pointer's own is not the shape's.
  ['/sections/#/title', place('content/sections/overview.md', 2)],
  ['/references/#4', place('content/references.md', 3)],
  // An index far past the others, and one past 32 bits.
  ['/references/900000000', place('content/references.md', 4)],
  ['/references/99999999999', place('content/references.md', 5)],
  ['/references/3', place('content/references.md', 6)],
  ['/methods/12/ft', place('content/methods/agent.md', 20)],
  ['/0', place('content/survey.md', 8)],
  ['', place('content/survey.md', 9)]
]

describe('SourceMap', () => {
  test('holds what a Map of the same entries holds, in the same order', () => {
    const sources = new SourceMap(entries)
    const map = new Map(entries)
    expect([...sources]).toEqual([...map])
    expect([...sources.keys()]).toEqual([...map.keys()])
    expect([...sources.values()]).toEqual([...map.values()])
    expect(sources.size).toBe(entries.length)
    for (const [pointer, expected] of entries) {
      expect(sources.get(pointer)).toEqual(expected)
      expect(sources.has(pointer)).toBe(true)
    }
  })

  test('a pointer not recorded has no place, whatever its shape', () => {
    const sources = new SourceMap(entries)
    for (const pointer of ['/methods/2/name', '/methods/1/ft', '/methods/00/name', '/methods/001/name', '/methods/#/name', '/references/4', '/references/2', '/taxonomy/2/categories/0', '/metadata', '/methods/0', '/1']) {
      expect(sources.get(pointer)).toBeUndefined()
      expect(sources.has(pointer)).toBe(false)
    }
  })

  test('a place set again replaces the first where it was, as a Map does', () => {
    const sources = new SourceMap(entries)
    const map = new Map(entries)
    for (const [pointer, line] of [['/methods/0/ft', 40], ['/taxonomy/2/categories/1', 41], ['/methods/9/ft', 42]] as const) {
      sources.set(pointer, place('content/methods/planner.md', line))
      map.set(pointer, place('content/methods/planner.md', line))
    }
    expect([...sources]).toEqual([...map])
    expect(sources.size).toBe(entries.length + 1)
  })

  test('thousands of places in several files come back as they went in', () => {
    const many: Array<[string, Place]> = []
    for (let index = 0; index < 5000; index++) {
      for (const attribute of ['name', 'citation', 'ft']) many.push([`/methods/${index}/${attribute}`, place(`content/methods/${['agent', 'planner', 'reward'][index % 3]}.md`, index + 1)])
      if (index % 7 === 0) many.push([`/references/${index}`, place('content/references.md', index)])
    }
    const sources = new SourceMap()
    for (const [pointer, value] of many) sources.set(pointer, value)
    expect([...sources]).toEqual(many)
    expect(sources.get('/methods/4321/citation')).toEqual(place('content/methods/planner.md', 4322))
    expect(sources.get('/references/4998')).toEqual(place('content/references.md', 4998))
    expect(sources.get('/references/4997')).toBeUndefined()
  })
})
