import GithubSlugger from 'github-slugger'
import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import {repairMojibake} from '../mojibake.js'
import {createRule, report} from '../rule.js'
import {linkTargets} from '../util/links.js'
import {nearest} from '../util/suggest.js'

const htmlId = /\b(?:id|name)\s*=\s*["']([^"']+)["']/gi

/** The ids GitHub gives the headings (github-slugger: emoji and punctuation dropped, `-1` for repeats) and HTML anchors. */
function anchorIds(tree: Nodes, text: (heading: Nodes) => string): string[] {
  const slugger = new GithubSlugger()
  const ids: string[] = []
  visit(tree, (node: Nodes) => {
    if (node.type === 'heading') ids.push(slugger.slug(text(node)))
    if (node.type === 'html') for (const match of node.value.matchAll(htmlId)) ids.push(match[1]!)
  })
  return ids
}

function decode(fragment: string): string {
  try {
    return decodeURIComponent(fragment)
  } catch {
    return fragment
  }
}

/** An in-page `#anchor` that matches no heading under GitHub's rules, with a "did you mean". */
export const noDeadAnchor = createRule({
  id: 'no-dead-anchor',
  description: 'In-page `#anchor` that matches no heading id (GitHub rules: github-slugger), with a suggestion',
  severity: 'error',
  fixable: true,
  defaults: {},
  examples: {
    ok: [
      {
        title: 'emoji, punctuation and repeated headings',
        markdown: '- [Agent](#-llmvlm-as-agent)\n- [Again](#notes-1)\n- [Top](#top)\n\n<a id="top"></a>\n\n## 🤖 LLM/VLM as Agent\n\n## Notes\n\n## Notes\n'
      }
    ],
    notOk: [
      {
        title: 'a typo, and the case GitHub forgives but other renderers do not',
        markdown: '- [Agent](#llmvlam-as-agent)\n- [General](#General-RL)\n- [Nowhere](#zzz)\n\n## 🤖 LLM/VLM as Agent\n\n### General-RL\n',
        messages: [
          '1:11-1:28: Unexpected anchor `#llmvlam-as-agent` that matches no heading, expected the id of a heading: did you mean `#-llmvlm-as-agent`? (no-dead-anchor)',
          '2:13-2:24: Unexpected anchor `#General-RL`, expected `#general-rl`: heading ids are lowercase (GitHub forgives the case, other renderers do not) (no-dead-anchor)',
          '3:13-3:17: Unexpected anchor `#zzz` that matches no heading, expected the id of a heading (no-dead-anchor)'
        ],
        fixed: '- [Agent](#llmvlam-as-agent)\n- [General](#general-rl)\n- [Nowhere](#zzz)\n\n## 🤖 LLM/VLM as Agent\n\n### General-RL\n'
      }
    ]
  },
  check({tree, file}) {
    const ids = anchorIds(tree, (heading) => toString(heading))
    // Suggest the ids the headings will have once their mojibake is repaired (no-mojibake fixes it).
    const suggestions = anchorIds(tree, (heading) => repairMojibake(toString(heading)))
    for (const target of linkTargets(tree, file)) {
      if (!target.url.startsWith('#') || target.url === '#') continue
      const anchor = decode(target.url.slice(1))
      if (ids.includes(anchor)) continue
      const sameCase = ids.find((id) => id === anchor.toLowerCase())
      if (sameCase !== undefined) {
        report(file, `Unexpected anchor \`#${anchor}\`, expected \`#${sameCase}\`: heading ids are lowercase (GitHub forgives the case, other renderers do not)`, target.position, {
          ...(target.offset === undefined ? {} : {fix: {start: target.offset, end: target.offset + target.url.length, replacement: `#${sameCase}`}}),
          actual: target.url,
          expected: [`#${sameCase}`]
        })
        continue
      }
      const suggestion = nearest(anchor, suggestions)
      report(file, `Unexpected anchor \`#${anchor}\` that matches no heading, expected the id of a heading${suggestion === undefined ? '' : `: did you mean \`#${suggestion}\`?`}`, target.position, {
        actual: target.url,
        ...(suggestion === undefined ? {} : {expected: [`#${suggestion}`]})
      })
    }
  }
})
