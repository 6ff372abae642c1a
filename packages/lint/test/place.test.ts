import {VFile} from 'vfile'
import {location} from 'vfile-location'
import {afterEach, expect, test, vi} from 'vitest'
import {positionAt} from '../src/util/place.js'
import {lintText} from './helpers.js'

vi.mock('vfile-location', async (original) => {
  const actual = await original<typeof import('vfile-location')>()
  return {...actual, location: vi.fn(actual.location)}
})

afterEach(() => {
  vi.mocked(location).mockClear()
})

test('the line index of a file is built once, however many findings it has', () => {
  const links = Array.from({length: 50}, (_, index) => `- [Entry ${index}](http://github.com/x/y${index})`).join('\n')
  const messages = lintText(`${links}\n`)
  expect(messages.filter((message) => message.ruleId === 'prefer-https')).toHaveLength(50)
  expect(vi.mocked(location)).toHaveBeenCalledTimes(1)
})

test('a file whose text changed gets a new index', () => {
  const file = new VFile({value: 'a\nb'})
  expect(positionAt(file, 2, 3)).toEqual({start: {line: 2, column: 1, offset: 2}, end: {line: 2, column: 2, offset: 3}})
  file.value = 'ab\nc'
  expect(positionAt(file, 3, 4)).toEqual({start: {line: 2, column: 1, offset: 3}, end: {line: 2, column: 2, offset: 4}})
  expect(vi.mocked(location)).toHaveBeenCalledTimes(2)
})
