import type {Nodes} from 'mdast'
import {findMojibake, type MojibakeFinding} from '../mojibake.js'
import {createRule, report} from '../rule.js'
import {positionAt} from '../util/place.js'
import {nodesOf} from '../util/walk.js'

const codecNames = {'mac-roman': 'Mac Roman', 'windows-1252': 'Windows-1252', 'latin-1': 'Latin-1'} as const

/**
 * The file's text with code (fenced, indented and inline) blanked out, offsets kept: code is not
 * prose, and its bytes are whatever the program needs. A code node without offsets is found by its
 * value, in order.
 */
function proseOf(text: string, tree: Nodes): string {
  let prose = text
  let searched = 0
  nodesOf(tree).forEach(({node}) => {
    if (node.type !== 'code' && node.type !== 'inlineCode') return
    let start = node.position?.start.offset
    let end = node.position?.end.offset
    if (start === undefined || end === undefined) {
      start = text.indexOf(node.value, searched)
      if (start < 0) return
      end = start + node.value.length
    }
    searched = end
    prose = prose.slice(0, start) + prose.slice(start, end).replace(/[^\n]/g, ' ') + prose.slice(end)
  })
  return prose
}

function describe(finding: MojibakeFinding): string {
  const readings = [{repair: finding.repair, codec: finding.codec}, ...(finding.alternatives ?? [])]
  const expected = readings.map((reading) => `\`${reading.repair}\` (UTF-8 read as ${codecNames[reading.codec]})`).join(' or ')
  return `Unexpected mojibake \`${finding.found}\`, expected ${expected}${finding.alternatives ? ': the readings tie, so there is no safe fix; choose by hand' : ''}`
}

/**
 * Mojibake: UTF-8 text that was decoded with a legacy codec, found on evidence (see
 * `findMojibake`), outside code. The repair is exact, so it is a safe fix, unless two codecs read
 * the text equally well: then it is reported without a fix.
 */
export const noMojibake = createRule({
  id: 'no-mojibake',
  description: 'UTF-8 text decoded as Mac Roman, Windows-1252 or Latin-1 (outside code; a lone pair only on evidence), with the exact repair as the fix',
  severity: 'error',
  fixable: true,
  defaults: {},
  examples: {
    ok: [
      {title: 'correct non-ASCII text', markdown: '| FT | Place |\n| - | - |\n| ✓ | Zürich, naïve, 日本, 🚀 |\n'},
      {
        title: 'pairs that only look like mojibake, and code',
        markdown: 'The integral is √π; Å— and “PÅ” are words with their punctuation; ACME Ã™.\n\n`‚úì` stays, as does:\n\n```text\nIt‚Äôs â€” raw bytes\n```\n'
      }
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
      },
      {
        title: 'lone pairs with evidence: a sign, a wrong word, other mojibake of the script',
        markdown: 'We get ¬∞ instead of °, and a cafÃ© in K√∂nig.\n\nFundaÃ§Ã£o para a CiÃªncia e a Tecnologia\n',
        messages: [
          "1:8-1:10: Unexpected mojibake `¬∞`, expected `°` (UTF-8 read as Mac Roman) (no-mojibake)",
          "1:34-1:36: Unexpected mojibake `Ã©`, expected `é` (UTF-8 read as Windows-1252) (no-mojibake)",
          "1:41-1:43: Unexpected mojibake `√∂`, expected `ö` (UTF-8 read as Mac Roman) (no-mojibake)",
          "3:6-3:10: Unexpected mojibake `Ã§Ã£`, expected `çã` (UTF-8 read as Windows-1252) (no-mojibake)",
          "3:21-3:23: Unexpected mojibake `Ãª`, expected `ê` (UTF-8 read as Windows-1252) (no-mojibake)"
        ],
        fixed: 'We get ° instead of °, and a café in König.\n\nFundação para a Ciência e a Tecnologia\n'
      },
      {
        title: 'two codecs read it equally well: reported, without a fix',
        markdown: 'Tag ÕªÕª here.\n',
        messages: [
          '1:5-1:9: Unexpected mojibake `ÕªÕª`, expected `ͻͻ` (UTF-8 read as Mac Roman) or `ժժ` (UTF-8 read as Windows-1252): the readings tie, so there is no safe fix; choose by hand (no-mojibake)'
        ]
      }
    ]
  },
  check({tree, file}) {
    for (const finding of findMojibake(proseOf(String(file.value), tree))) {
      report(file, describe(finding), positionAt(file, finding.start, finding.end), {
        ...(finding.alternatives ? {} : {fix: {start: finding.start, end: finding.end, replacement: finding.repair}}),
        actual: finding.found,
        expected: [finding.repair, ...(finding.alternatives ?? []).map((alternative) => alternative.repair)]
      })
    }
  }
})
