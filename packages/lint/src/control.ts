import {messageSource} from '@fmrl/parser'
import type {Nodes, Root} from 'mdast'
import {messageControl} from 'unified-message-control'
import type {VFile} from 'vfile'
import {docsBase} from './rule.js'
import {expectedRuleId, nearest} from './util/suggest.js'
import {nodesOf, nodesOfType} from './util/walk.js'

/**
 * The keywords of an ignore comment, and the unified-message-control keyword each one is. A
 * comment is written either as remark-message-control writes it (`<!-- fmrl disable rule-id -->`)
 * or dashed (`<!-- fmrl-disable rule-id -->`), with any of these keywords.
 */
const keywords = {
  disable: 'disable',
  enable: 'enable',
  ignore: 'ignore',
  'disable-next-line': 'ignore',
  'disable-file': 'disable-file'
} as const

type Keyword = (typeof keywords)[keyof typeof keywords]

const comment = /^<!--\s*fmrl(?:-|\s+)([a-z][a-z-]*)((?:\s+[^\s]+)*?)\s*-->$/i

interface Directive {
  keyword: Keyword | undefined
  /** The keyword as written. */
  written: string
  ruleIds: string[]
}

function parseDirective(node: Nodes): Directive | undefined {
  if (node.type !== 'html') return undefined
  const match = comment.exec(node.value.trim())
  if (!match) return undefined
  const written = match[1]!.toLowerCase()
  return {keyword: keywords[written as keyof typeof keywords], written, ruleIds: match[2]!.trim().split(/\s+/).filter(Boolean)}
}

/** Report a mistake in an ignore comment: an error, so a comment that silences nothing is seen. */
function fail(file: VFile, node: Nodes, reason: string): void {
  const message = file.message(reason, {place: node.position, ruleId: 'ignore-comment', source: messageSource})
  message.fatal = true
  message.url = `${docsBase}#ignore-comments`
}

/** Report unknown keywords and rule ids; the directive that remains (known rule ids only), if any. */
function checkDirective(file: VFile, node: Nodes, directive: Directive, known: readonly string[]): Directive | undefined {
  if (!directive.keyword) {
    // `<!-- fmrl is great -->` is a remark, not a directive; `<!-- fmrl disabel -->` is a typo.
    const suggestion = nearest(directive.written, Object.keys(keywords))
    if (suggestion) fail(file, node, `Unexpected keyword \`${directive.written}\` in an ignore comment, expected \`${suggestion}\``)
    return undefined
  }
  for (const id of directive.ruleIds.filter((id) => !known.includes(id))) {
    fail(file, node, `Unexpected rule id \`${id}\` in an ignore comment, expected ${expectedRuleId(id, known)}`)
  }
  const ruleIds = directive.ruleIds.filter((id) => known.includes(id))
  // A comment naming only unknown rules must not silence every rule.
  return directive.ruleIds.length > 0 && ruleIds.length === 0 ? undefined : {...directive, ruleIds}
}

/**
 * Apply the ignore comments of a file to its messages, in this one place:
 * `<!-- fmrl disable [rule-id …] -->` and `<!-- fmrl enable [rule-id …] -->` switch rules off and on
 * from there, `<!-- fmrl ignore [rule-id …] -->` ignores the next block (a paragraph, list or
 * table) and `<!-- fmrl disable-file [rule-id …] -->` the whole file; each may also be written
 * dashed (`fmrl-disable`, `fmrl-enable`, `fmrl-disable-next-line`, `fmrl-disable-file`). No rule ids
 * means every rule. A comment naming an unknown rule or keyword is itself reported, with the
 * nearest one.
 */
export function applyIgnoreComments(tree: Root, file: VFile, known: readonly string[]): void {
  const directives = new Map<Nodes, Directive>()
  for (const {node} of nodesOfType(tree, 'html')) {
    const written = parseDirective(node)
    const directive = written && checkDirective(file, node, written, known)
    if (directive) directives.set(node, directive)
  }
  const fileWide = [...directives.values()].filter((directive) => directive.keyword === 'disable-file')
  const allFile = fileWide.some((directive) => directive.ruleIds.length === 0)
  const wholeFile = fileWide.flatMap((directive) => directive.ruleIds)
  file.messages = file.messages.filter((message) => message.source !== messageSource || message.ruleId === 'ignore-comment' || !(allFile || wholeFile.includes(message.ruleId ?? '')))
  // unified-message-control needs offsets; without positions only file-wide comments apply.
  if (!tree.position) return
  // Without a marker it only drops our messages in the tree's gaps: with none of ours (a clean file) it has nothing to do, and its walk of the tree is saved.
  const markers = [...directives.values()].some((directive) => directive.keyword !== 'disable-file')
  if (!markers && !file.messages.some((message) => message.source === messageSource)) return
  messageControl(withoutTrailingGap(tree), {
    file,
    name: 'fmrl',
    source: messageSource,
    marker(node) {
      const directive = directives.get(node as Nodes)
      if (!directive || directive.keyword === 'disable-file') return undefined
      return {name: 'fmrl', attributes: [directive.keyword, ...directive.ruleIds].join(' ')}
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
  for (const {node} of nodesOf(tree)) {
    const offset = 'children' in node ? node.position?.start.offset : node.position?.end.offset
    if (offset !== undefined && offset > end) end = offset
  }
  if (!tree.position || tree.position.end.offset === undefined || end >= tree.position.end.offset) return tree
  return {...tree, position: {start: tree.position.start, end: {...tree.position.end, offset: end}}}
}

