import {messageSource} from '@fmrl/parser'
import type {Nodes, Root} from 'mdast'
import {messageControl} from 'unified-message-control'
import type {VFile} from 'vfile'
import {docsBase} from './rule.js'

/** The comment directives, and the unified-message-control keyword each one is. */
const directives = {
  'fmrl-disable': 'disable',
  'fmrl-enable': 'enable',
  'fmrl-disable-next-line': 'ignore',
  'fmrl-disable-file': 'disable-file'
} as const

const comment = /^<!--\s*(fmrl-[a-z-]+)((?:\s+[a-z][a-z\d-]*)*)\s*-->$/

interface Directive {
  keyword: (typeof directives)[keyof typeof directives]
  ruleIds: string[]
}

function parseDirective(node: Nodes): Directive | undefined {
  if (node.type !== 'html') return undefined
  const match = comment.exec(node.value.trim())
  const keyword = match && directives[match[1] as keyof typeof directives]
  return keyword ? {keyword, ruleIds: match[2]!.trim().split(/\s+/).filter(Boolean)} : undefined
}

/**
 * Apply the ignore comments of a file to its messages, in this one place:
 * `<!-- fmrl-disable [rule-id …] -->` and `<!-- fmrl-enable [rule-id …] -->` switch rules off and on
 * from there, `<!-- fmrl-disable-next-line [rule-id …] -->` ignores the next block (a paragraph,
 * list item or table) and `<!-- fmrl-disable-file [rule-id …] -->` the whole file. No rule ids means
 * every rule. A comment naming an unknown rule is itself reported.
 */
export function applyIgnoreComments(tree: Root, file: VFile, known: readonly string[]): void {
  const wholeFile: string[] = []
  let allFile = false
  visitHtml(tree, (node) => {
    const directive = parseDirective(node)
    if (!directive) return
    const unknown = directive.ruleIds.filter((id) => !known.includes(id))
    for (const id of unknown) {
      const message = file.message(`Unexpected unknown rule \`${id}\` in an ignore comment, expected a rule id such as \`${known[0] ?? ''}\``, {place: node.position, ruleId: 'ignore-comment', source: messageSource})
      message.fatal = true
      message.url = `${docsBase}#ignore-comments`
    }
    if (directive.keyword !== 'disable-file') return
    if (directive.ruleIds.length === 0) allFile = true
    wholeFile.push(...directive.ruleIds)
  })
  file.messages = file.messages.filter((message) => message.source !== messageSource || message.ruleId === 'ignore-comment' || !(allFile || wholeFile.includes(message.ruleId ?? '')))
  // unified-message-control needs offsets; without positions only file-wide comments apply.
  if (!tree.position) return
  messageControl(withoutTrailingGap(tree), {
    file,
    name: 'fmrl',
    source: messageSource,
    marker(node) {
      const directive = parseDirective(node as Nodes)
      if (!directive || directive.keyword === 'disable-file') return undefined
      const ruleIds = directive.ruleIds.filter((id) => known.includes(id))
      // A comment naming only unknown rules must not silence every rule.
      if (directive.ruleIds.length > 0 && ruleIds.length === 0) return undefined
      return {name: 'fmrl', attributes: [directive.keyword, ...ruleIds].join(' ')}
    },
    test: 'html'
  })
}

/**
 * unified-message-control treats the text after the last leaf's end as a gap and drops every
 * message there, such as one about the URL of a document's last link. Ending the root where the
 * last leaf ends closes that gap; the tree itself is not changed.
 */
function withoutTrailingGap(tree: Root): Root {
  let end = tree.position?.start.offset ?? 0
  const walk = (node: Nodes) => {
    const offset = 'children' in node ? node.position?.start.offset : node.position?.end.offset
    if (offset !== undefined && offset > end) end = offset
    if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  if (!tree.position || tree.position.end.offset === undefined || end >= tree.position.end.offset) return tree
  return {...tree, position: {start: tree.position.start, end: {...tree.position.end, offset: end}}}
}

function visitHtml(node: Nodes, each: (node: Nodes) => void): void {
  if (node.type === 'html') each(node)
  if ('children' in node) for (const child of node.children) visitHtml(child as Nodes, each)
}

