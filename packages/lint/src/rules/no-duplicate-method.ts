import {parseCitation} from '@fmrl/model'
import {lintData} from '../data.js'
import {createRule, report} from '../rule.js'
import {methodRows, nameKey, roleTables, type MethodRow} from '../util/tables.js'

function citationKey(text: string | undefined): string | undefined {
  const citation = text === undefined ? undefined : parseCitation(text)
  return citation && `${nameKey(citation.authors)}|${citation.year}${citation.suffix}`
}

/** The same method listed twice in the method tables of a file, by normalized name or by citation. */
export const noDuplicateMethod = createRule({
  id: 'no-duplicate-method',
  description: 'Same method listed twice (normalized name or citation); cross-listings can be allowed by configuration',
  severity: 'error',
  defaults: {},
  reads: ['crossListings'],
  examples: {
    ok: [
      {
        title: 'distinct methods, a cross-listing and a summary table',
        markdown: '| Method | FT |\n| - | - |\n| AGILE \\[Feng et al., 2024] | ✓ |\n| SayCan \\[Ichter et al., 2022] | × |\n\n| Method | FT |\n| - | - |\n| SayCan \\[Ichter et al., 2022] | × |\n\n| Method | Code |\n| - | - |\n| AGILE | ✅ |\n',
        data: {crossListings: ['SayCan']}
      }
    ],
    notOk: [
      {
        title: 'a name written twice, a citation given twice',
        markdown: '| Method | Citation | FT |\n| - | - | - |\n| Zhai et al. | Zhai et al., 2024 | ✓ |\n| RL4VLM | Zhai et al., 2024 | ✓ |\n| zhai  et al | Zhai et al., 2025 | ✓ |\n',
        messages: [
          '4:1-4:10: Unexpected citation `Zhai et al., 2024` for `RL4VLM`, already the citation of `Zhai et al.` (first at line 3), expected one row per cited paper (no-duplicate-method)',
          '5:1-5:15: Unexpected second listing of `zhai  et al` (first at line 3), expected each method once; remove one, or allow it in `crossListings` of the configuration (no-duplicate-method)'
        ]
      },
      {
        title: 'one name with and without accents, in another case, with punctuation',
        markdown: '| Method | FT |\n| - | - |\n| Réflexion | × |\n| REFLEXION | × |\n| Re-flexion | × |\n',
        messages: [
          '4:1-4:13: Unexpected second listing of `REFLEXION` (first at line 3), expected each method once; remove one, or allow it in `crossListings` of the configuration (no-duplicate-method)',
          '5:1-5:14: Unexpected second listing of `Re-flexion` (first at line 3), expected each method once; remove one, or allow it in `crossListings` of the configuration (no-duplicate-method)'
        ]
      }
    ]
  },
  check({tree, file}) {
    const crossListed = new Set((lintData(file).crossListings ?? []).map(nameKey))
    const byName = new Map<string, MethodRow>()
    const byCitation = new Map<string, MethodRow>()
    for (const row of methodRows(roleTables(tree))) {
      if (row.table.kind !== 'methods') continue
      const key = nameKey(row.name)
      const citation = citationKey(row.citation)
      const sameName = byName.get(key)
      const sameCitation = citation === undefined ? undefined : byCitation.get(citation)
      if (sameName && !crossListed.has(key)) {
        duplicate(row, sameName, `Unexpected second listing of \`${row.name}\``, 'expected each method once; remove one, or allow it in `crossListings` of the configuration')
      } else if (sameCitation && !sameName) {
        duplicate(row, sameCitation, `Unexpected citation \`${row.citation}\` for \`${row.name}\`, already the citation of \`${sameCitation.name}\``, 'expected one row per cited paper')
      }
      if (!sameName) byName.set(key, row)
      if (citation !== undefined && !sameCitation) byCitation.set(citation, row)
    }

    function duplicate(row: MethodRow, first: MethodRow, what: string, expected: string): void {
      const line = first.nameCell.node.position?.start.line
      report(file, `${what}${line ? ` (first at line ${line})` : ''}, ${expected}`, row.nameCell.node, {
        cause: {reason: 'First listed here', place: first.nameCell.node.position, file: file.path}
      })
    }
  }
})
