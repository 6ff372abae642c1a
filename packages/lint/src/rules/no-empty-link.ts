import type {Link} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {visit} from 'unist-util-visit'
import {createRule, report} from '../rule.js'
import {sourceOf} from '../util/place.js'
import {nodesOfType} from '../util/walk.js'

function hasImage(link: Link): boolean {
  let found = false
  visit(link, 'image', () => {
    found = true
  })
  return found
}

/** A link must go somewhere and say where: `[x]()` and `[](url)` do neither. */
export const noEmptyLink = createRule({
  id: 'no-empty-link',
  description: 'Empty link target (`[x]()`) or empty link text (`[](url)`)',
  severity: 'error',
  defaults: {},
  examples: {
    ok: [{title: 'text and target; an image (even without alt text) as the text', markdown: '[arXiv](https://arxiv.org/abs/2502.15214) and [![badge](https://awesome.re/badge.svg)](https://awesome.re) [![](https://awesome.re/badge.svg)](https://awesome.re)\n'}],
    notOk: [
      {
        title: 'empty target, empty text',
        markdown: '> [**[arXiv]**]()\n\nSee [](https://arxiv.org/abs/2502.15214).\n',
        messages: [
          '1:3-1:18: Unexpected empty link target in `[**[arXiv]**]()`, expected a URL between the parentheses (no-empty-link)',
          '3:5-3:41: Unexpected empty link text, expected words that say where `https://arxiv.org/abs/2502.15214` goes (no-empty-link)'
        ]
      }
    ]
  },
  check({tree, file}) {
    nodesOfType(tree, 'link').forEach(({node}) => {
      const text = toString(node).trim()
      if (node.url.trim() === '') {
        report(file, `Unexpected empty link target in \`${sourceOf(file, node) ?? `[${text}]()`}\`, expected a URL between the parentheses`, node)
      } else if (text === '' && !hasImage(node)) {
        report(file, `Unexpected empty link text, expected words that say where \`${node.url}\` goes`, node)
      }
    })
  }
})

