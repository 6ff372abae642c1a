import type {Definition, Html, Image, Link, Nodes, Root} from 'mdast'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {lintData} from '../data.js'
import {isIgnoredUrl} from './ignore.js'
import {locateIn} from './place.js'
import {nodesOf} from './walk.js'

/** A link target written in a file: a Markdown link, image or definition, or an HTML `src`/`href`. */
export interface Target {
  url: string
  node: Link | Image | Definition | Html
  /** The target's own place where it can be found in the source, else its node's. */
  position: Position | undefined
  /** Offset of the target's first character in the file, when it is written verbatim there. */
  offset: number | undefined
  kind: 'link' | 'image' | 'definition' | 'html'
  /** The nodes containing the target, root first. */
  ancestors: readonly Nodes[]
}

const htmlAttribute = /\b(src|href)\s*=\s*("([^"]*)"|'([^']*)')/gi

const found = new WeakMap<Root, {file: VFile; text: string; ignored: readonly string[]; targets: readonly Target[]}>()

/**
 * Every link target of a document, in document order, except those the configuration ignores.
 * Six rules read them: they are found once per tree and file (never change what this returns).
 */
export function linkTargets(tree: Root, file: VFile): readonly Target[] {
  const ignored = lintData(file).ignoreUrls ?? []
  const text = String(file.value)
  const known = found.get(tree)
  if (known && known.file === file && known.text === text && known.ignored === ignored) return known.targets
  const targets = findTargets(tree, file).filter((target) => !isIgnoredUrl(target.url, ignored))
  found.set(tree, {file, text, ignored, targets})
  return targets
}

function findTargets(tree: Root, file: VFile): Target[] {
  const targets: Target[] = []
  nodesOf(tree).forEach((visited) => {
    const {node} = visited
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const {position, offset} = node.url === '' ? {position: node.position, offset: undefined} : locateIn(file, node, node.url, urlSearchStart(file, node))
      targets.push({url: node.url, node, position, offset, kind: node.type, ancestors: visited.ancestors})
    } else if (node.type === 'html') {
      for (const match of node.value.matchAll(htmlAttribute)) {
        const url = match[3] ?? match[4] ?? ''
        // Each attribute's own place: a node may hold the same URL twice (`<a href="url">` placeholders).
        const {position, offset} = url === '' ? {position: node.position, offset: undefined} : locateIn(file, node, url, htmlValueStart(file, node, match.index))
        targets.push({url, node, position, offset, kind: 'html', ancestors: visited.ancestors})
      }
    }
  })
  return targets
}

/** Where an attribute found at `index` of an HTML node's value starts in the node's source (the value is the source, but may be indented). */
function htmlValueStart(file: VFile, node: Html, index: number): number {
  const source = String(file.value).slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0)
  return Math.max(0, source.indexOf(node.value.slice(0, 20)) + index)
}

/** Skip a link's text when looking for its URL, so `[https://x](https://x)` finds the target. */
function urlSearchStart(file: VFile, node: Link | Image | Definition): number {
  if (node.type === 'definition') return 0
  const source = String(file.value).slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0)
  const close = source.lastIndexOf('](')
  return close < 0 ? 0 : close
}
