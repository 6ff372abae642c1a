import {describe, expect, test} from 'vitest'
import {toMarkdown} from '../src/markdown.js'
import {table, text} from '../src/nodes.js'
import {notation} from '../src/symbols.js'

describe('toMarkdown', () => {
  const tree = {
    type: 'root' as const,
    children: [table(['Method', 'FT', 'RL Role'], [
      [[text('A|B')], [notation('✓*')], [notation('$\\pi_l$'), text(', '), notation('$\\tau_\\pi$'), text(', rft')]]
    ])]
  }

  test('aligns tables, escapes pipes and stars, keeps inline math verbatim', () => {
    expect(toMarkdown(tree)).toBe([
      '| Method | FT  | RL Role                  |',
      '| ------ | --- | ------------------------ |',
      '| A\\|B   | ✓\\* | $\\pi_l$, $\\tau_\\pi$, rft |',
      ''
    ].join('\n'))
  })

  test('leaves content tables unaligned so one edited row is one changed line', () => {
    expect(toMarkdown(tree, {aligned: false})).toBe([
      '| Method | FT | RL Role |',
      '| - | - | - |',
      '| A\\|B | ✓\\* | $\\pi_l$, $\\tau_\\pi$, rft |',
      ''
    ].join('\n'))
  })
})
