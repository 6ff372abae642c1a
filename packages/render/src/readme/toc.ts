import GithubSlugger from 'github-slugger'
import type {Heading, List, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {link, text} from '../nodes.js'

/** The heading ids GitHub gives a document, in order (emoji, punctuation and `-1` duplicates included). */
export function headingIds(tree: Root): Array<{heading: Heading; id: string}> {
  const slugger = new GithubSlugger()
  return tree.children
    .filter((node): node is Heading => node.type === 'heading')
    .map((heading) => ({heading, id: slugger.slug(toString(heading))}))
}

/**
 * A table of contents of the level-2 and level-3 headings after it, linked by the ids GitHub will
 * give them, each entry's text the heading's (awesome-lint compares them). Built from the finished
 * tree, so every link resolves by construction.
 */
export function renderToc(tree: Root, tocHeading: Heading): List {
  const after = tree.children.indexOf(tocHeading)
  const entries = headingIds(tree).filter(({heading}) => tree.children.indexOf(heading) > after && (heading.depth === 2 || heading.depth === 3))
  const top: List = {type: 'list', ordered: false, spread: false, children: []}
  for (const {heading, id} of entries) {
    const item = {type: 'listItem' as const, spread: false, children: [{type: 'paragraph' as const, children: [link(`#${id}`, text(toString(heading)))]}] as List['children'][number]['children']}
    const parent = top.children.at(-1)
    if (heading.depth === 3 && parent) {
      const nested = parent.children[1]?.type === 'list' ? parent.children[1] : undefined
      if (nested) nested.children.push(item)
      else parent.children.push({type: 'list', ordered: false, spread: false, children: [item]})
    } else top.children.push(item)
  }
  return top
}
