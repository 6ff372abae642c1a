import type {Nodes, Parent} from 'mdast'
import {visit} from 'unist-util-visit'
import {createRule, report} from '../rule.js'
import {positionAt, sourceOf} from '../util/place.js'
import {nearest} from '../util/suggest.js'
import {nodesOf, nodesOfType} from '../util/walk.js'

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
  nodesOf(tree).forEach(({node}) => {
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

// Table-of-contents markers other renderers expand; GitHub prints them as they are.
const tocMarker = /^\[?_?toc_?\]?$/i

/** A definition's label as CommonMark matches it: any case, spaces collapsed. */
function normalizeLabel(label: string): string {
  return label.toLowerCase().replace(/\s+/g, ' ').trim()
}

/**
 * A reference (`[text][label]`, `[text][]`) whose label has no definition, and a shortcut
 * (`[label]`) that misspells a defined label. Other shortcuts are bracketed words: lists write
 * names, venues and tags that way (`**[LLaRP]**`, `[UCL]`, `[2505] [URSA]`), and GitHub prints them
 * as written.
 */
export const noUndefinedReference = createRule({
  id: 'no-undefined-reference',
  description: 'Reference (`[text][label]`, or a shortcut `[label]` near a defined one) whose label has no definition, and `[TOC]` markers GitHub does not expand',
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
      },
      {
        title: 'bracketed names, venues and tags',
        markdown: '* **[LLaRP]** "Large Language Models as Generalizable Policies", *arXiv*.\n* [2505] [URSA] [Understanding and Verifying Chain-of-thought](https://arxiv.org/abs/2501.04686)\n* [UCL] [Course](https://example.com), masks [with/without observation mask]\n\n[course]: https://example.com/course\n'
      }
    ],
    notOk: [
      {
        title: 'a table-of-contents marker, full and collapsed references, a misspelled shortcut',
        markdown: '[TOC]\n\nSee [the list][list], <b>Bold</b> [later][] and [awsome].\n\n[awesome]: https://awesome.re\n',
        messages: [
          '1:1-1:6: Unexpected `[TOC]`, a table-of-contents marker GitHub does not expand, expected a written table of contents (a list of links to the headings) (no-undefined-reference)',
          '3:5-3:21: Unexpected reference `[the list][list]` without a definition, expected a definition such as `[list]: https://…`, or escape the bracket as `\\[` (no-undefined-reference)',
          '3:35-3:44: Unexpected reference `[later][]` without a definition, expected a definition such as `[later]: https://…`, or escape the bracket as `\\[` (no-undefined-reference)',
          '3:49-3:57: Unexpected reference `[awsome]` without a definition, expected `[awesome]`, the label of a definition, or escape the bracket as `\\[` (no-undefined-reference)'
        ]
      }
    ]
  },
  check({tree, file}) {
    const insideHtml = textInsideHtml(tree)
    const defined: string[] = []
    nodesOfType(tree, 'definition').forEach(({node: definition}) => void defined.push(normalizeLabel(definition.label ?? definition.identifier)))
    nodesOfType(tree, 'text').forEach(({node, ancestors}) => {
      if (insideHtml.has(node) || ancestors.some((ancestor) => ancestor.type === 'link' || ancestor.type === 'linkReference')) return
      const source = sourceOf(file, node)
      const start = node.position?.start.offset
      if (source === undefined || start === undefined) return
      for (const match of source.matchAll(bracket)) {
        const written = match[0]
        const place = positionAt(file, start + match.index, start + match.index + written.length)
        const shortcut = match[2] === undefined
        const label = match[2] || match[1]!
        if (shortcut && tocMarker.test(label)) {
          report(file, `Unexpected \`${written}\`, a table-of-contents marker GitHub does not expand, expected a written table of contents (a list of links to the headings)`, place)
          continue
        }
        // Prose in brackets stays prose unless a label is named: `[Feng et al., 2024][feng]` is meant.
        if ((shortcut || match[2] === '') && isProse(match[1]!)) continue
        const suggestion = nearest(normalizeLabel(label), defined)
        if (shortcut && suggestion === undefined) continue
        const expected = suggestion === undefined ? `a definition such as \`[${label}]: https://…\`` : `\`[${suggestion}]\`, the label of a definition`
        report(file, `Unexpected reference \`${written}\` without a definition, expected ${expected}, or escape the bracket as \`\\[\``, place)
      }
    })
  }
})
