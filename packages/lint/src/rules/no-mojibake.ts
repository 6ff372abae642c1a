import {createRule, report} from '../rule.js'
import {findMojibake} from '../mojibake.js'
import {positionAt} from '../util/place.js'

const codecNames = {'mac-roman': 'Mac Roman', 'windows-1252': 'Windows-1252', 'latin-1': 'Latin-1'} as const

/** Mojibake: UTF-8 text that was decoded with a legacy codec; the repair is exact, so it is a safe fix. */
export const noMojibake = createRule({
  id: 'no-mojibake',
  description: 'UTF-8 text decoded as Mac Roman, Windows-1252 or Latin-1, with the exact repair as the fix',
  severity: 'error',
  fixable: true,
  defaults: {},
  examples: {
    ok: [
      {title: 'correct non-ASCII text', markdown: '| FT | Place |\n| - | - |\n| ✓ | Zürich, naïve, 日本, 🚀 |\n'}
    ],
    notOk: [
      {
        title: 'Mac Roman and Windows-1252 mojibake',
        markdown: '## \uf8ffüöÄ Highlights\n\nIt‚Äôs done: â€” ok\n',
        messages: [
          "1:4-1:8: Unexpected mojibake `\uf8ffüöÄ`, expected `🚀` (UTF-8 read as Mac Roman) (no-mojibake)",
          "3:3-3:6: Unexpected mojibake `‚Äô`, expected `’` (UTF-8 read as Mac Roman) (no-mojibake)",
          "3:14-3:17: Unexpected mojibake `â€”`, expected `—` (UTF-8 read as Windows-1252) (no-mojibake)"
        ],
        fixed: '## 🚀 Highlights\n\nIt’s done: — ok\n'
      }
    ]
  },
  check({file}) {
    // Mojibake is a property of the text, not of the tree: code, HTML and URLs are checked too.
    for (const finding of findMojibake(String(file.value))) {
      report(file, `Unexpected mojibake \`${finding.found}\`, expected \`${finding.repair}\` (UTF-8 read as ${codecNames[finding.codec]})`, positionAt(file, finding.start, finding.end), {
        fix: {start: finding.start, end: finding.end, replacement: finding.repair},
        actual: finding.found,
        expected: [finding.repair]
      })
    }
  }
})
