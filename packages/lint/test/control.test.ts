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
    const text = ['<!-- fmrl-disable no-such-rule -->', '', line('a'), ''].join('\n')
    const messages = lintText(text)
    expect(messages.map(formatMessage)).toEqual([
      '1:1-1:35: Unexpected unknown rule `no-such-rule` in an ignore comment, expected a rule id such as `no-empty-link` (ignore-comment)',
      '3:7-3:26: Unexpected `http:` URL `http://github.com/a`, expected `https://github.com/a` (github.com serves https) (prefer-https)'
    ])
    expect(messages[0]?.fatal).toBe(true)
  })

  test('comments of other tools are left alone', () => {
    const text = ['<!-- lint disable prefer-https -->', '', line('a'), ''].join('\n')
    expect(lintText(text).map((message) => message.ruleId)).toEqual(['prefer-https'])
  })
})
