import {createRule, report} from '../rule.js'
import {methodRows, roleTables, type MethodRow} from '../util/tables.js'

/** The ways a table writes a short citation. */
type Style = 'author-year' | 'year' | 'no-comma' | 'parenthesized'

const styles: Record<Style, {pattern: RegExp; shape: string}> = {
  'author-year': {pattern: /^\S.*?,\s*(?:19|20)\d\d[a-z]?$/, shape: '`Author et al., YEAR`'},
  year: {pattern: /^(?:19|20)\d\d[a-z]?$/, shape: '`YEAR`'},
  'no-comma': {pattern: /^\S.*?[^,\s]\s+(?:19|20)\d\d[a-z]?$/, shape: '`Author et al. YEAR`'},
  parenthesized: {pattern: /^\S.*?\s*\((?:19|20)\d\d[a-z]?\)$/, shape: '`Author et al. (YEAR)`'}
}

function styleOf(text: string): Style | undefined {
  return (Object.keys(styles) as Style[]).find((style) => styles[style].pattern.test(text.trim()))
}

/** The majority style of a file; ties go to the survey's own `Author et al., YEAR`. */
function majority(rows: ReadonlyArray<{style: Style}>): Style {
  const counts = new Map<Style, number>()
  for (const {style} of rows) counts.set(style, (counts.get(style) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] === 'author-year' ? -1 : b[0] === 'author-year' ? 1 : 0))[0]?.[0] ?? 'author-year'
}

/** The citation rewritten in the author-year style, where the row gives the authors (`Zeng et al. [2024]`). */
function rewrite(row: MethodRow, style: Style): string | undefined {
  const text = row.citation!.trim()
  const year = /((?:19|20)\d\d[a-z]?)\)?$/.exec(text)?.[1]
  if (style === 'year') return year && /\S\s+(?:et al\.|and\s)/.test(row.name) ? `${row.name}, ${year}` : undefined
  const authors = text.replace(/,?\s*\(?(?:19|20)\d\d[a-z]?\)?$/, '').trim()
  return year && authors ? `${authors}, ${year}` : undefined
}

/** Citations in a file's tables written in more than one format (`Xie et al., 2024` beside `Zeng et al. [2024]`). */
export const citationFormat = createRule({
  id: 'citation-format',
  description: 'Table citations not in the format most of the file uses (`Author et al., YEAR`, `A and B, YEAR`)',
  severity: 'warn',
  defaults: {},
  examples: {
    ok: [
      {
        title: 'one format, with et al., two authors and one',
        markdown: '| Method | FT |\n| - | - |\n| AGILE \\[Feng et al., 2024] | ✓ |\n| AdaRefiner \\[Zhang and Lu, 2024] | ✓ |\n| X \\[Sutton, 2018] | × |\n'
      }
    ],
    notOk: [
      {
        title: 'a bare year and a missing comma',
        markdown: '| Method | FT |\n| - | - |\n| Text2Reward \\[Xie et al., 2024] | × |\n| Zeng et al. \\[2024] | × |\n| Eureka \\[Ma et al. 2024] | × |\n| ELLM \\[Du et al., 2023] | × |\n',
        messages: [
          "4:1-4:23: Unexpected citation `2024` written as `YEAR`, expected the format of this file's other citations, `Author et al., YEAR`: `Zeng et al., 2024` (citation-format)",
          "5:1-5:28: Unexpected citation `Ma et al. 2024` written as `Author et al. YEAR`, expected the format of this file's other citations, `Author et al., YEAR`: `Ma et al., 2024` (citation-format)"
        ]
      }
    ]
  },
  check({tree, file}) {
    const rows = methodRows(roleTables(tree)).flatMap((row) => {
      const style = row.citation === undefined ? undefined : styleOf(row.citation)
      return style ? [{row, style}] : []
    })
    const expected = majority(rows)
    for (const {row, style} of rows) {
      if (style === expected) continue
      const suggestion = expected === 'author-year' ? rewrite(row, style) : undefined
      report(file, `Unexpected citation \`${row.citation}\` written as ${styles[style].shape}, expected the format of this file's other citations, ${styles[expected].shape}${suggestion ? `: \`${suggestion}\`` : ''}`, row.nameCell.node, {
        ...(suggestion ? {expected: [suggestion]} : {})
      })
    }
  }
})
