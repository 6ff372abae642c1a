import {lintData} from '../data.js'
import {createRule, report} from '../rule.js'
import {locateIn} from '../util/place.js'
import {methodRows, nameKey, roleTables} from '../util/tables.js'
import {nodesOfType} from '../util/walk.js'

const claim = /\b(?:(over|more than|nearly|almost|about|around|approximately|at least|up to)\s+)?(\d+)(\+)?\s+(?:(?:recent|representative|key|selected|surveyed|different|distinct|existing)\s+)*(methods|approaches|papers|works|roles|categories)\b/gi

/** Whether a claimed count (with its qualifier) holds for the actual one. */
export function holds(qualifier: string | undefined, plus: boolean, claimed: number, actual: number): boolean {
  switch (qualifier?.toLowerCase()) {
    case 'over':
    case 'more than':
      return plus ? actual >= claimed : actual > claimed
    case 'at least':
      return actual >= claimed
    case 'nearly':
    case 'almost':
      return actual <= claimed && actual >= claimed * 0.9
    case 'about':
    case 'around':
    case 'approximately':
      return Math.abs(actual - claimed) <= claimed * 0.1
    case 'up to':
      return actual <= claimed
    default:
      return plus ? actual >= claimed : actual === claimed
  }
}

/** Count claims in prose ("over 40 methods", "34 methods in 3 roles") against the actual counts. */
export const countClaim = createRule({
  id: 'count-claim',
  description: 'Count claim in prose ("over 40 methods") that disagrees with the methods in the tables (or the survey)',
  severity: 'error',
  defaults: {},
  reads: ['counts'],
  examples: {
    ok: [
      {
        title: 'claims that hold for the table',
        markdown: 'We compare 2 methods, over 1 method really, at least 2 approaches.\n\n| Method | FT |\n| - | - |\n| A | ✓ |\n| B | × |\n'
      },
      {title: 'nothing to count, nothing checked', markdown: 'Over 40+ recent methods.\n'},
      {title: 'a count in a link text names the page, not this file', markdown: 'See [5 methods](https://example.com/x).\n\n| Method | FT |\n| - | - |\n| A | ✓ |\n| B | × |\n'}
    ],
    notOk: [
      {
        title: 'an overclaim against the tables',
        markdown: '* **Comprehensive benchmarks**: Over 40+ recent methods categorized\n\n| Method | FT |\n| - | - |\n| A | ✓ |\n| A | ✓ |\n| B | × |\n',
        messages: [
          "1:33-1:56: Unexpected claim `Over 40+ recent methods`, expected it to agree with the 2 methods in this file's tables: write `2 methods` (count-claim)"
        ]
      },
      {
        title: 'claims against the survey (roles and categories too)',
        markdown: '**At a glance**: 35 methods in 3 roles and 5 categories.\n',
        data: {counts: {methods: 34, roles: 3, categories: 6}},
        messages: [
          '1:18-1:28: Unexpected claim `35 methods`, expected it to agree with the 34 methods in the survey: write `34 methods` (count-claim)',
          '1:44-1:56: Unexpected claim `5 categories`, expected it to agree with the 6 categories in the survey: write `6 categories` (count-claim)'
        ]
      }
    ]
  },
  check({tree, file}) {
    const rows = methodRows(roleTables(tree)).filter((row) => row.table.kind === 'methods')
    const names = new Set(rows.map((row) => nameKey(row.name)))
    const tables = new Set(rows.map((row) => row.table)).size
    const known = lintData(file).counts
    // A file with several method tables has one per category (the README, a role page).
    const counts: Record<string, number | undefined> = {
      methods: names.size > 0 ? names.size : known?.methods,
      roles: known?.roles,
      categories: tables > 1 ? tables : known?.categories
    }
    const where = (key: string) => ((key === 'methods' && names.size > 0) || (key === 'categories' && tables > 1) ? "this file's tables" : 'the survey')
    nodesOfType(tree, 'text').forEach(({node, ancestors}) => {
      if (ancestors.some((ancestor) => ancestor.type === 'table' || ancestor.type === 'link')) return
      for (const match of node.value.matchAll(claim)) {
        const noun = match[4]!.toLowerCase()
        const key = noun === 'roles' || noun === 'categories' ? noun : 'methods'
        const actual = counts[key]
        if (actual === undefined || holds(match[1], match[3] === '+', Number(match[2]), actual)) continue
        report(file, `Unexpected claim \`${match[0]}\`, expected it to agree with the ${actual} ${key} in ${where(key)}: write \`${actual} ${noun}\``, locateIn(file, node, match[0]).position)
      }
    })
  }
})
