import type {Nodes, Parent, Text} from 'mdast'
import {visit} from 'unist-util-visit'
import {visitParents} from 'unist-util-visit-parents'
import {createRule, report} from '../rule.js'
import {positionAt, sourceOf} from '../util/place.js'

// `[label]`, `[text][label]` or `[text][]` left as plain text: CommonMark only makes a reference
// of brackets whose label is defined, so what is left in text was meant as one and is not.
const bracket = /(?<!\\)\[([^[\]\\]*[^[\]\\\s][^[\]\\]*)\](?:\[([^[\]\\]*)\])?(?![(:])/g

/**
 * Whether a bracketed text is prose, not a meant reference: a citation (`[Feng et al., 2024]`), a
 * number, a symbol, a task box, a footnote, a GitHub alert (`> [!NOTE]`) or a spelled-out e-mail
 * address (`name [at] example [dot] org`).
 */
function isProse(label: string): boolean {
  return !/\p{L}/u.test(label) || /\b(?:19|20)\d\d[a-z]?\b/.test(label) || /^\s*[xX ]\s*$/.test(label) || /^[\^!]/.test(label) || /^\s*(?:at|dot)\s*$/i.test(label)
}

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'])

/**
 * The text nodes written inside inline HTML elements (`<a href="…">[paper]</a>`): there the
 * author writes HTML, and brackets are the link's words, never a Markdown reference.
 */
function textInsideHtml(tree: Nodes): Set<Nodes> {
  const inside = new Set<Nodes>()
  visit(tree, (node: Nodes) => {
    if (!('children' in node)) return
    const open: string[] = []
    for (const child of (node as Parent).children as Nodes[]) {
      if (child.type === 'html') {
        const tag = /^<(\/?)([a-z][a-z\d-]*)\b[^>]*?(\/?)>$/i.exec(child.value.trim())
        if (!tag) continue
        const name = tag[2]!.toLowerCase()
        if (tag[1]) open.splice(open.lastIndexOf(name) < 0 ? open.length : open.lastIndexOf(name))
        else if (!tag[3] && !voidElements.has(name)) open.push(name)
      } else if (open.length > 0) visit(child, (descendant: Nodes) => void inside.add(descendant))
    }
  })
  return inside
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
      },
      {
        title: 'GitHub alerts, brackets inside HTML, a spelled-out e-mail address',
        markdown: '> [!NOTE]\n> Read this first.\n\n> [!WARNING]\n> Not this.\n\n**Voyager** <a href="https://arxiv.org/abs/2305.16291">[Paper]</a> <sub>[<a href="https://x.org">Code</a>]</sub>\n\nWrite to jane [at] example [dot] org or jane[at]example.org.\n'
      }
    ],
    notOk: [
      {
        title: 'a table-of-contents marker, a full reference, brackets after an HTML element',
        markdown: '[TOC]\n\nSee [the list][list].\n\n<b>Bold</b> then [later].\n',
        messages: [
          '1:1-1:6: Unexpected reference `[TOC]` without a definition, expected a definition such as `[TOC]: https://…`, or escape the bracket as `\\[` (no-undefined-reference)',
          '3:5-3:21: Unexpected reference `[the list][list]` without a definition, expected a definition such as `[list]: https://…`, or escape the bracket as `\\[` (no-undefined-reference)',
          '5:18-5:25: Unexpected reference `[later]` without a definition, expected a definition such as `[later]: https://…`, or escape the bracket as `\\[` (no-undefined-reference)'
        ]
      }
    ]
  },
  check({tree, file}) {
    const insideHtml = textInsideHtml(tree)
    visitParents(tree, 'text', (node: Text, ancestors: Nodes[]) => {
      if (insideHtml.has(node) || ancestors.some((ancestor) => ancestor.type === 'link' || ancestor.type === 'linkReference')) return
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
