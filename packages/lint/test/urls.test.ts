import {describe, expect, test} from 'vitest'
import {arxivId, arxivYear, canonicalUrl, urlKey} from '../src/util/urls.js'
import {fixText} from '../src/lint.js'
import {formatMessage, lintText, only} from './helpers.js'

describe('urlKey: one key per thing a URL points at', () => {
  test.each([
    ['http://www.example.com/a/', 'example.com/a'],
    ['https://example.com/a?x=1#top', 'example.com/a?x=1#top'],
    ['https://example.com/a#', 'example.com/a'],
    ['https://arxiv.org/abs/2502.15214', 'arxiv:2502.15214'],
    ['http://www.arxiv.org/pdf/2502.15214v2.pdf', 'arxiv:2502.15214'],
    ['https://arxiv.org/html/2502.15214v1', 'arxiv:2502.15214'],
    ['https://arxiv.org/abs/hep-th/9901001v1', 'arxiv:hep-th/9901001'],
    ['https://doi.org/10.1000/ABC', 'doi:10.1000/abc'],
    ['http://dx.doi.org/10.1000/abc', 'doi:10.1000/abc'],
    ['https://github.com/MineDojo/MineDojo/tree/main/x', 'github.com/minedojo/minedojo/tree/main/x'],
    ['https://github.com/MineDojo/MineDojo/blob/main/x', 'github.com/minedojo/minedojo/tree/main/x'],
    ['https://github.com/MineDojo/MineDojo/tree/main', 'github.com/minedojo/minedojo'],
    ['https://github.com/MineDojo/MineDojo/tree/main/', 'github.com/minedojo/minedojo'],
    ['https://github.com/danijar/crafter?tab=readme-ov-file', 'github.com/danijar/crafter'],
    ['https://github.com/danijar/crafter#readme', 'github.com/danijar/crafter'],
    ['https://github.com/danijar/crafter#usage', 'github.com/danijar/crafter#usage'],
    ['https://www.github.com/x/y.git', 'github.com/x/y'],
    ['https://github.com/x/y/', 'github.com/x/y'],
    ['https://github.com/x/y/issues', 'github.com/x/y/issues'],
    ['https://github.com/x/y/pulls', 'github.com/x/y/pulls'],
    ['https://github.com/google-research/google-research/tree/master/x', 'github.com/google-research/google-research/tree/master/x'],
    ['https://github.com/X', 'github.com/x'],
    ['https://example.com/x?tab=readme-ov-file', 'example.com/x']
  ])('%s', (url, key) => {
    expect(urlKey(url)).toBe(key)
  })
})

describe('arXiv ids and years', () => {
  test('ids from abs, pdf and versioned URLs; years from new-style ids only', () => {
    expect(arxivId('https://arxiv.org/pdf/2411.16489v1')).toBe('2411.16489')
    expect(arxivId('https://example.com/abs/2411.16489')).toBeUndefined()
    expect(arxivYear('2502.15214')).toBe(2025)
    expect(arxivYear('0704.0001')).toBe(2007)
    expect(arxivYear('hep-th/9901001')).toBeUndefined()
  })
})

describe('canonicalUrl', () => {
  test.each([
    ['https://github.com/x/y?tab=readme-ov-file', 'https://github.com/x/y'],
    ['https://github.com/x/y?tab=readme-ov-file#usage', 'https://github.com/x/y#usage'],
    ['https://github.com/x/y?a=1&tab=MIT-1-ov-file', 'https://github.com/x/y?a=1'],
    ['https://www.github.com/x/y', 'https://github.com/x/y'],
    ['https://dx.doi.org/10.1/x', 'https://doi.org/10.1/x'],
    ['http://dx.doi.org/10.1/x', 'https://doi.org/10.1/x'],
    ['http://github.com/x/y?tab=readme-ov-file', 'https://github.com/x/y'],
    ['http://github.com/x/y', undefined],
    ['https://github.com/x/y', undefined],
    ['https://example.com/?tab=readme-ov-file', undefined]
  ])('%s', (url, canonical) => {
    expect(canonicalUrl(url)).toBe(canonical)
  })
})

test('a duplicate URL points at the second place, its cause at the first', () => {
  const [message] = lintText('- [A](https://arxiv.org/abs/2305.18290)\n- [B](https://arxiv.org/abs/2305.18290v2)\n', {rules: only('no-duplicate-url')})
  expect(message?.place).toEqual({start: {line: 2, column: 7, offset: 46}, end: {line: 2, column: 41, offset: 80}})
  const cause = message?.cause as {reason: string; place: unknown} | undefined
  expect(cause?.reason).toBe('First listed here')
  expect(cause?.place).toEqual({start: {line: 1, column: 7, offset: 6}, end: {line: 1, column: 39, offset: 38}})
})

describe('a URL both canonical-url and prefer-https would fix', () => {
  const text = '- [Paper](http://dx.doi.org/10.1000/1)\n- [Code](http://www.github.com/x/y?tab=readme-ov-file)\n'

  test('gets one finding with one fix', () => {
    expect(lintText(text).map(formatMessage)).toEqual([
      '1:11-1:38: Unexpected URL variant `http://dx.doi.org/10.1000/1`, expected `https://doi.org/10.1000/1` (canonical-url)',
      '2:10-2:54: Unexpected URL variant `http://www.github.com/x/y?tab=readme-ov-file`, expected `https://github.com/x/y` (canonical-url)'
    ])
  })

  test('is fixed in one pass, and fixing again changes nothing', () => {
    const once = fixText(text, (current) => lintText(current))
    expect(once.text).toBe('- [Paper](https://doi.org/10.1000/1)\n- [Code](https://github.com/x/y)\n')
    expect(once.applied).toHaveLength(2)
    expect(fixText(once.text, (current) => lintText(current)).applied).toEqual([])
  })
})
