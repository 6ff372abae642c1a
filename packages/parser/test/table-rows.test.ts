import type {Root} from 'mdast'
import {describe, expect, test} from 'vitest'
import {mayBeTableRows, parseTableRows, parseWhole} from '../src/index.js'

const header = '| Method | Note |\n| - | :-: |\n'
const rowsOf = (...cells: string[]) => header + cells.map((cell) => `| ${cell} | x |\n`).join('')

describe('reading table rows without the table construct', () => {
  test('reads every kind of cell into the tree micromark gives, or leaves the text to micromark', () => {
    // Cells read as text or an autolink, cells parsed as paragraphs, and cells that would not be one.
    const cells = [
      'Hasin, 2025', '✓', '-', '---', '# not a heading', '1. not a list', '+ x', 'Title: a subtitle', 'a  b', 'é日本',
      'π_l, π_g', 'τ_π', 'a_b_c', '日本_語', '𝑥_𝑦', '_a', 'a_', '__init__', 'π_*l*', '🙂_x', 'x_🙂',
      '✓\\*', 'a\\|b', '\\\\', 'a\\', '\\a', '\\_a\\_', 'https\\://x.org',
      '<https://github.com/a/b>', '<HTTPS://X.ORG/a?b=1&amp;c\\d>', '<a@b.org>', '<x:y>', '<https://x.org/ü>',
      'www.x.org', 'https://x.org', 'see x@y.org', 'WWW.X.ORG',
      '*em*', '_em_', '__strong__', '~~del~~', 'a*b*c', '$\\pi_l$', '[a](https://b.org)', '![i](x.png)', '[^1]', '[a]',
      '&amp;', '&copy; x', '<span>x</span>', '`code`', '`a\\|b`', '``', '`a` and `b`',
      '[LLMSage](https://arxiv.org/abs/2501.17919) \\[Hasin, 2025]', '[a](https://x.org) [b](https://y.org)', '\\[[a](https://x.org)', '[a](https://x.org)](v)',
      '[a b](https://x.org/a_b?c=1#d)', '[](https://x.org)', '[a](<https://x.org>)', '[a](https://x.org "t")', '[a](https://x.org/(b))', '[a]()',
      '[www.x.org](https://x.org)', '[a](https://x.org/&amp;)', '[^1](https://x.org)', '![a](https://x.org/i.png)', '\\![a](https://x.org)',
      '[a](https://x.org)_b', 'π_l [a](https://x.org)', '<https://x.org> and [a](https://y.org)', 'x ] y', 'a](b)', 'see ](https://x.org)',
      '$\\pi_l$, $v$ x', '$ a $', '$$a$$', '$a$$', '\\$$a$', '$a', 'a $b$c', '$[a](https://x.org)$', '[a $b](https://x.org)$', '$a$_b',
      '> quote', '***', '<div>', '<!-- c -->', '$$', '```', '~~~', '- item', '* item'
    ]
    const declined: string[] = []
    for (const cell of cells) {
      const text = rowsOf(cell)
      const tree = parseTableRows(text, parseWhole)
      if (tree) expect({cell, tree}).toStrictEqual({cell, tree: parseWhole(text)})
      else declined.push(cell)
    }
    // Each of these starts a block of its own when parsed as a paragraph.
    expect(declined).toEqual(['> quote', '***', '<div>', '<!-- c -->', '$$', '```', '~~~', '* item'])
  })

  test('reads many rows, with empty cells and cells of markup among them, as micromark does', () => {
    const rows = Array.from({length: 200}, (_, index) => `| [M${index}](https://x.org/${index}) | ${index % 3 ? '' : '$\\pi_l$, ✓\\*'} |${index % 5 ? ' <https://arxiv.org/abs/' + index + '> ' : ''}|`)
    const text = `| Method | Role | Paper |\n| --- | :-- | --: |\n${rows.join('\n')}`
    expect(parseTableRows(text, parseWhole)).toStrictEqual(parseWhole(text))
    // Ending with the last row, its line break, or the blank lines after the table.
    for (const ending of ['\n', '\n\n', '\n\n\n']) expect(parseTableRows(text + ending, parseWhole)).toStrictEqual(parseWhole(text + ending))
  })

  test('parses the header once for consecutive pieces of a table, and all cells of other markup of a piece at once', () => {
    const parsed: string[] = []
    const parse = (text: string): Root => {
      parsed.push(text)
      return parseWhole(text)
    }
    // Text, autolinks, links of text and math are read here; emphasis and code are micromark's.
    const first = rowsOf('*a*', 'plain', '`b`', '[a](https://x.org) \\[B, 2024]', '$\\pi_l$, $v$', '<https://x.org>')
    const second = rowsOf('c', 'd')
    expect([parseTableRows(first, parse), parseTableRows(second, parse)]).toStrictEqual([parseWhole(first), parseWhole(second)])
    expect(parsed).toEqual([header, '*a*\n\n`b`'])
  })

  test('leaves to micromark what is not a piece of body rows it reads', () => {
    const declined = [
      // Not a table's header and delimiter rows, or no body rows.
      'text\n| - |\n| a |\n',
      '| a |\n| b |\n| c |\n',
      header,
      // A row without its closing pipe, with a closing pipe escaped, with one cell too many or too few.
      `${header}| a | b\n`,
      `${header}| a | b \\|\n`,
      `${header}| a | b | c |\n`,
      `${header}| a |\n`,
      `${header}| \`a\\\\|b\` | c |\n`,
      // A row not starting with a pipe, a blank line, what follows the table.
      `${header}a | b |\n`,
      `${header}| a | b |\n\n| c | d |\n`,
      `${header}| a | b |\n\n## Next\n`,
      // Characters micromark reads otherwise than as they stand, and a definition.
      `${header}| a\tb | c |\n`,
      `${header}| a | b |\r\n`,
      `${header}| a\0 | b |\n`,
      `${header}| [a]: b | c |\n`
    ]
    expect(declined.map((text) => parseTableRows(text, parseWhole))).toEqual(declined.map(() => undefined))
  })

  test('mayBeTableRows tells a piece of rows by its first and last lines, for a helper to leave it to the reader', () => {
    const shaped = [rowsOf('a'), `${rowsOf('a')}\n\n`, rowsOf('a', 'b').trimEnd(), `${header}| a | b \\|\n| c | d |\n`]
    const others = ['# A\n\n' + rowsOf('a'), header, `${header}| a | b |\n\n## Next\n`, `${header}| a | b |\n\n| c | d |\n`, `${header}a | b |\n`, `${header}| a | b\n`, '| a |\n| b |\n| c |\n']
    expect([shaped.map(mayBeTableRows), others.map(mayBeTableRows)]).toEqual([shaped.map(() => true), others.map(() => false)])
  })
})
