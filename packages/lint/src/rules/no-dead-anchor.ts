import GithubSlugger from 'github-slugger'
import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {repairMojibake} from '../mojibake.js'
import {createRule, report} from '../rule.js'
import {linkTargets} from '../util/links.js'
import {nearest} from '../util/suggest.js'
import {nodesOf} from '../util/walk.js'

const htmlId = /\b(?:id|name)\s*=\s*["']([^"']+)["']/gi

// `#top` is the top of the page in every browser (HTML), `#readme` GitHub's box around a README.
const topAnchors = ['top', 'readme']

/**
 * A heading's text as GitHub slugs it: image alt text and raw HTML do not count (GitHub renders
 * `# X [![badge](…)](…)` as `x-`), the text of links, code and emphasis does.
 */
function headingText(heading: Nodes): string {
  return toString(heading, {includeImageAlt: false, includeHtml: false})
}

/** The ids GitHub gives the headings (github-slugger: emoji and punctuation dropped, `-1` for repeats) and HTML anchors. */
function anchorIds(tree: Nodes, text: (heading: Nodes) => string): string[] {
  const slugger = new GithubSlugger()
  const ids: string[] = []
  nodesOf(tree).forEach(({node}) => {
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
  description: 'In-page `#anchor` that matches no heading id (GitHub rules: github-slugger, image alt text left out, any case), with a suggestion',
  severity: 'error',
  defaults: {},
  reads: ['ignoreUrls'],
  examples: {
    ok: [
      {
        title: 'emoji, punctuation and repeated headings',
        markdown: '- [Agent](#-llmvlm-as-agent)\n- [Again](#notes-1)\n- [Anchor](#here)\n\n<a id="here"></a>\n\n## 🤖 LLM/VLM as Agent\n\n## Notes\n\n## Notes\n'
      },
      {
        title: 'badges in a heading, other cases, the top of the page',
        markdown: '- [List](#awesome-x-)\n- [Tools](#tools--for-rl)\n- [General](#General-RL)\n- [Top](#top) [README](#readme)\n\n# Awesome-X [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n## Tools <img src="rl.png" alt="logo"> for `RL`\n\n### General-RL\n'
      }
    ],
    notOk: [
      {
        title: 'a typo, an anchor that counts a badge\'s alt text, no heading at all',
        markdown: '- [Agent](#llmvlam-as-agent)\n- [List](#awesome-x-awesome)\n- [Nowhere](#zzz)\n\n# Awesome-X [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n## 🤖 LLM/VLM as Agent\n',
        messages: [
          '1:11-1:28: Unexpected anchor `#llmvlam-as-agent` that matches no heading, expected the id of a heading: did you mean `#-llmvlm-as-agent`? (no-dead-anchor)',
          '2:10-2:28: Unexpected anchor `#awesome-x-awesome` that matches no heading, expected the id of a heading: did you mean `#awesome-x-`? (no-dead-anchor)',
          '3:13-3:17: Unexpected anchor `#zzz` that matches no heading, expected the id of a heading (no-dead-anchor)'
        ]
      }
    ]
  },
  check({tree, file}) {
    // GitHub finds an anchor whatever its case, so ids are compared in lower case.
    const ids = new Set([...anchorIds(tree, headingText), ...topAnchors].map((id) => id.toLowerCase()))
    // Suggest the ids the headings will have once their mojibake is repaired (no-mojibake fixes it).
    const suggestions = anchorIds(tree, (heading) => repairMojibake(headingText(heading), {trustLonePairs: true}))
    for (const target of linkTargets(tree, file)) {
      if (!target.url.startsWith('#') || target.url === '#') continue
      const anchor = decode(target.url.slice(1))
      if (ids.has(anchor.toLowerCase())) continue
      const suggestion = nearest(anchor.toLowerCase(), suggestions)
      report(file, `Unexpected anchor \`#${anchor}\` that matches no heading, expected the id of a heading${suggestion === undefined ? '' : `: did you mean \`#${suggestion}\`?`}`, target.position, {
        actual: target.url,
        ...(suggestion === undefined ? {} : {expected: [`#${suggestion}`]})
      })
    }
  }
})
