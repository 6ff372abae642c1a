import type {Nodes, PhrasingContent, Strong} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {nodesOfType} from './walk.js'

/** A line of a paragraph that starts with a strong label: `**Label** (6): rest`. */
export interface LabelledLine {
  label: Strong
  /** The text after the label, up to the end of the line. */
  rest: string
  /** The paragraph holding the line, for locating words in its source. */
  parent: Nodes
  /** How far into the parent's source the line starts, to search from. */
  from: number
}

/** Split the inline content of a block into lines at breaks and newlines. */
function lines(children: readonly PhrasingContent[]): PhrasingContent[][] {
  const result: PhrasingContent[][] = [[]]
  for (const child of children) {
    if (child.type === 'break') result.push([])
    else if (child.type === 'text' && child.value.includes('\n')) {
      const parts = child.value.split(/\r?\n/)
      parts.forEach((part, index) => {
        if (index > 0) result.push([])
        if (part !== '') result[result.length - 1]!.push({type: 'text', value: part})
      })
    } else result[result.length - 1]!.push(child)
  }
  return result
}

/** Every line (of a paragraph anywhere) that starts with a strong label. */
export function labelledLines(tree: Nodes): LabelledLine[] {
  const found: LabelledLine[] = []
  nodesOfType(tree, 'paragraph').forEach(({node: paragraph}) => {
    let searched = 0
    for (const line of lines(paragraph.children)) {
      const [first, ...rest] = line
      if (first?.type !== 'strong') continue
      found.push({label: first, rest: rest.map((node) => toString(node)).join(''), parent: paragraph, from: searched})
      searched = (first.position?.end.offset ?? 0) - (paragraph.position?.start.offset ?? 0)
    }
  })
  return found
}
