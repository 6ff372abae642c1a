import {describe, expect, test} from 'vitest'
import {formatMessage, lintText} from './helpers.js'

const line = (text: string) => `- [${text}](http://github.com/${text})`

describe('ignore comments', () => {
  test('fmrl-disable and fmrl-enable switch a rule off and on from where they stand', () => {
    const text = [line('a'), '', '<!-- fmrl-disable prefer-https -->', '', line('b'), '', '<!-- fmrl-enable prefer-https -->', '', line('c'), ''].join('\n')
    expect(lintText(text).map(formatMessage)).toEqual([
      '1:7-1:26: Unexpected `http:` URL `http://github.com/a`, expected `https://github.com/a` (github.com serves https) (prefer-https)',
      '9:7-9:26: Unexpected `http:` URL `http://github.com/c`, expected `https://github.com/c` (github.com serves https) (prefer-https)'
    ])
  })

  test('fmrl-disable without rule ids switches every rule off', () => {
    const text = ['<!-- fmrl-disable -->', '', line('a'), '', '[x]()', ''].join('\n')
    expect(lintText(text).map(formatMessage)).toEqual([])
  })

  test('fmrl-disable-next-line ignores the next block only', () => {
    const text = ['<!-- fmrl-disable-next-line prefer-https -->', line('a'), '', 'See [b](http://github.com/b).', ''].join('\n')
    expect(lintText(text).map(formatMessage)).toEqual([
      '4:9-4:28: Unexpected `http:` URL `http://github.com/b`, expected `https://github.com/b` (github.com serves https) (prefer-https)'
    ])
  })

  test('fmrl-disable-file ignores a rule in the whole file, wherever it stands', () => {
    const text = [line('a'), '', '[x]()', '', '<!-- fmrl-disable-file prefer-https -->', ''].join('\n')
    expect(lintText(text).map(formatMessage)).toEqual(['3:1-3:6: Unexpected empty link target in `[x]()`, expected a URL between the parentheses (no-empty-link)'])
  })

  test('an unknown rule id is reported and silences nothing', () => {
    const text = ['<!-- fmrl-disable no-such-thing -->', '', line('a'), ''].join('\n')
    const messages = lintText(text)
    expect(messages.map(formatMessage)).toEqual([
      '1:1-1:36: Unexpected rule id `no-such-thing` in an ignore comment, expected a rule id of `fmrl lint` (see packages/lint/README.md#rules) (ignore-comment)',
      '3:7-3:26: Unexpected `http:` URL `http://github.com/a`, expected `https://github.com/a` (github.com serves https) (prefer-https)'
    ])
    expect(messages[0]?.fatal).toBe(true)
  })

  test('a mistyped rule id or keyword is reported with the nearest one', () => {
    const text = ['<!-- fmrl disable prefer-http -->', '', '<!-- fmrl-disabel prefer-https -->', '', '<!-- fmrl is not a directive -->', '', line('a'), ''].join('\n')
    expect(lintText(text).map(formatMessage)).toEqual([
      '1:1-1:34: Unexpected rule id `prefer-http` in an ignore comment, expected `prefer-https` (ignore-comment)',
      '3:1-3:35: Unexpected keyword `disabel` in an ignore comment, expected `disable` (ignore-comment)',
      '7:7-7:26: Unexpected `http:` URL `http://github.com/a`, expected `https://github.com/a` (github.com serves https) (prefer-https)'
    ])
  })

  test('remark-message-control\'s own syntax: fmrl disable, fmrl enable, fmrl ignore', () => {
    const text = [line('a'), '', '<!-- fmrl disable prefer-https -->', '', line('b'), '', '<!--fmrl enable prefer-https-->', '', '<!-- fmrl ignore prefer-https -->', line('c'), '', 'See [d](http://github.com/d).', ''].join('\n')
    expect(lintText(text).map(formatMessage)).toEqual([
      '1:7-1:26: Unexpected `http:` URL `http://github.com/a`, expected `https://github.com/a` (github.com serves https) (prefer-https)',
      '12:9-12:28: Unexpected `http:` URL `http://github.com/d`, expected `https://github.com/d` (github.com serves https) (prefer-https)'
    ])
  })

  test('the dashed and the spaced syntax do the same', () => {
    for (const [dashed, spaced] of [['fmrl-disable', 'fmrl disable'], ['fmrl-disable-next-line', 'fmrl ignore'], ['fmrl-disable-file', 'fmrl disable-file']]) {
      const text = (keyword: string) => [line('a'), '', `<!-- ${keyword} prefer-https -->`, line('b'), '', line('c'), '', '[x]()', ''].join('\n')
      expect(lintText(text(spaced!)).map(formatMessage)).toEqual(lintText(text(dashed!)).map(formatMessage))
    }
  })

  test('comments of other tools are left alone', () => {
    const text = ['<!-- lint disable prefer-https -->', '', line('a'), ''].join('\n')
    expect(lintText(text).map((message) => message.ruleId)).toEqual(['prefer-https'])
  })
})
