import type {Nodes, Text} from 'mdast'
import {visitParents} from 'unist-util-visit-parents'
import {createRule, report} from '../rule.js'
import {positionAt, sourceOf} from '../util/place.js'

// `[label]`, `[text][label]` or `[text][]` left as plain text: CommonMark only makes a reference
// of brackets whose label is defined, so what is left in text was meant as one and is not.
const bracket = /(?<!\\)\[([^[\]\\]*[^[\]\\\s][^[\]\\]*)\](?:\[([^[\]\\]*)\])?(?![(:])/g

/** Whether a bracketed text is prose, not a meant reference: a citation (`[Feng et al., 2024]`), a number, a symbol. */
function isProse(label: string): boolean {
  return !/\p{L}/u.test(label) || /\b(?:19|20)\d\d[a-z]?\b/.test(label) || /^\s*[xX ]\s*$/.test(label) || label.startsWith('^')
}

/** A reference (`[label]`, `[text][label]`) whose label has no definition. */
export const noUndefinedReference = createRule({
  id: 'no-undefined-reference',
  description: 'Reference (`[label]`, `[text][label]`) whose label has no definition',
  severity: 'warn',
  defaults: {},
  examples: {
    ok: [
      {
        title: 'defined references, escaped brackets and bracketed citations',
        markdown: '[Awesome][awesome] and [awesome]. \\[not a link] AGILE [Feng et al., 2024] [1]\n\n[awesome]: https://awesome.re\n'
      }
    ],
    notOk: [
      {
        title: 'a table-of-contents marker and a full reference',
        markdown: '[TOC]\n\nSee [the list][list].\n',
        messages: [
          '1:1-1:6: Unexpected reference `[TOC]` without a definition, expected a definition such as `[TOC]: https://…`, or escape the bracket as `\\[` (no-undefined-reference)',
          '3:5-3:21: Unexpected reference `[the list][list]` without a definition, expected a definition such as `[list]: https://…`, or escape the bracket as `\\[` (no-undefined-reference)'
        ]
      }
    ]
  },
  check({tree, file}) {
    visitParents(tree, 'text', (node: Text, ancestors: Nodes[]) => {
      if (ancestors.some((ancestor) => ancestor.type === 'link' || ancestor.type === 'linkReference')) return
      const source = sourceOf(file, node)
      const start = node.position?.start.offset
      if (source === undefined || start === undefined) return
      for (const match of source.matchAll(bracket)) {
        const label = match[2] || match[1]!
        if (isProse(match[1]!) && !match[2]) continue
        report(file, `Unexpected reference \`${match[0]}\` without a definition, expected a definition such as \`[${label}]: https://…\`, or escape the bracket as \`\\[\``, positionAt(file, start + match.index, start + match.index + match[0].length))
      }
    })
  }
})
