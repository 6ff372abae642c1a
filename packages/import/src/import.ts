import {repairMojibake} from '@fmrl/lint'
import {nameKey, type RelatedList, type SectionId, type SurveyDraft} from '@fmrl/model'
import {checkMarkdownLimits, parseMarkdown} from '@fmrl/parser'
import type {Heading, Nodes, Paragraph, Root, RootContent} from 'mdast'
import type {VFile} from 'vfile'
import {inlineLinks, inlineText} from './inline.js'
import {importList} from './lists.js'
import {readMetadata} from './metadata.js'
import {type MemberList} from './placement.js'
import {enter, proseSection, sectionKind, type Scope} from './scope.js'
import {createState, type ImportState} from './state.js'
import {gfmTable, htmlTables} from './table-input.js'
import {importTable} from './tables.js'
import type {ImportReport} from './report.js'

/** What one file gives: a draft of what it holds, the places values came from, and its accounting. */
export interface FileImport {
  state: ImportState
  report: ImportReport
}

const slug = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z\d]+/g, '-').replace(/^-+|-+$/g, '') || 'list'

/**
 * Read a hand-kept awesome list into a draft of the survey, against the target it will be merged into
 * (its taxonomy and legend; an empty draft for an empty folder). Tables, bullet lists, per-paper
 * blocks, environment lists and HTML tables are read; tables and lists inside blockquotes and list
 * items too. Every table cell, list entry and part of an entry is mapped or listed in the report.
 */
export function importMarkdown(file: VFile, target: SurveyDraft): FileImport {
  const text = String(file.value).replace(/^\uFEFF/, '')
  // Past the parser's limits (10,000 nested lists overflow micromark's stack) nothing is read: the fatal message on the file says where.
  const tree = checkMarkdownLimits(file) ? parseMarkdown(text) : {type: 'root' as const, children: []}
  const title = listTitle(tree)
  const state = createState(file.path, target, slug(title ?? file.stem ?? 'list'), title)
  const memberLists: MemberList[] = []
  let scope: Scope = {headings: []}
  const walk = (nodes: readonly RootContent[], inside: Nodes | undefined) => {
    for (const node of nodes) {
      if (node.type === 'heading') {
        if (inside) continue
        scope = enter(scope, node)
        captureProse(state, tree, node, text)
      } else if (node.type === 'table') importTable(state, gfmTable(node), scope, memberLists.filter((list) => sameRole(list, scope)))
      else if (node.type === 'html' && /<table\b/i.test(node.value)) for (const table of htmlTables(node)) importTable(state, table, scope, memberLists)
      else if (node.type === 'list') {
        const prose = proseOf(state, scope)
        importList(state, node, {scope, kind: sectionKind(scope), ...(prose ? {prose} : {})})
        // Tables written inside list items are read too.
        for (const item of node.children) walk(item.children.filter((child) => child.type === 'table' || (child.type === 'html' && /<table\b/i.test(child.value))), item)
      } else if (node.type === 'blockquote') walk(node.children, node)
      else if (node.type === 'paragraph') memberLists.push(...readMemberLists(node, scope))
    }
  }
  walk(tree.children, undefined)
  noteMemberLists(state, memberLists)
  state.accounting.report.items.sort((a, b) => a.line - b.line || a.column - b.column)
  state.draft.metadata = readMetadata(tree)
  if (state.draft.readingList.length > 0 || state.draft.environments.length > 0) state.draft.relatedLists.push(relatedList(state, tree, title))
  return {state, report: state.accounting.report}
}

function sameRole(list: MemberList, scope: Scope): boolean {
  const section = scope.headings.find((heading) => heading.depth === 2)
  return !list.section || !section || list.section === section.node
}

/** The list's title: its first heading, without badges. */
function listTitle(tree: Root): string | undefined {
  const heading = tree.children.find((node): node is Heading => node.type === 'heading')
  const text = heading ? inlineText(heading.children.filter((child) => child.type !== 'link' || !child.children.every((inner) => inner.type === 'image'))) : undefined
  return text === '' ? undefined : text
}

/** The related list a file's entries credit: its title, its repository (from a GitHub badge or link in its header), its first words. */
function relatedList(state: ImportState, tree: Root, title: string | undefined): Partial<RelatedList> {
  const header = tree.children.slice(0, tree.children.findIndex((node, index) => index > 0 && node.type === 'heading' && node.depth === 2))
  const links = header.flatMap((node) => ('children' in node ? inlineLinks(node.children as Nodes[]) : []))
  const repository = links.map((link) => /^https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)/.exec(link.url)).find((match) => match && !/^sindresorhus$/i.test(match[1]!) && match[1] !== 'features')
  return {
    id: state.listId,
    title: title ?? state.listId,
    url: repository ? `https://github.com/${repository[1]}/${repository[2]}` : null,
    description: describe(header)
  }
}

/**
 * A list's description: the first sentence of its header that says something (badges and `[TOC]`
 * aside); a lead-in ending with a colon is completed by the bold title it introduces.
 */
function describe(header: readonly RootContent[]): string {
  for (const [index, node] of header.entries()) {
    const text = node.type === 'paragraph' ? inlineText(node.children) : node.type === 'list' && node.children[0]?.children[0]?.type === 'paragraph' ? inlineText(node.children[0].children[0].children) : ''
    if (text.split(/\s+/).length < 4) continue
    const next = header[index + 1]
    if (text.endsWith(':') && next?.type === 'blockquote') {
      const title = next.children.flatMap((child) => (child.type === 'paragraph' ? child.children : [])).find((child) => child.type === 'strong')
      if (title?.type === 'strong') return `${text.slice(0, -1).trim()} ${inlineText(title.children)}`
    }
    return text
  }
  return ''
}

/** Labelled lines of a paragraph that list names: `**Parametric (fine-tuned)**: AGILE, TWOSOME, …`. */
function readMemberLists(paragraph: Paragraph, scope: Scope): MemberList[] {
  const section = scope.headings.find((heading) => heading.depth === 2)?.node
  const lines: Paragraph['children'][] = [[]]
  for (const child of paragraph.children) {
    if (child.type === 'break') lines.push([])
    else if (child.type === 'text' && child.value.includes('\n')) {
      child.value.split('\n').forEach((part, index) => {
        if (index > 0) lines.push([])
        if (part !== '') lines.at(-1)!.push({type: 'text', value: part})
      })
    } else lines.at(-1)!.push(child)
  }
  return lines.flatMap((line) => {
    const [first, ...rest] = line
    if (first?.type !== 'strong') return []
    const label = inlineText(first.children).replace(/:$/, '')
    const members = inlineText(rest).replace(/^\s*(?:\(\d+\))?\s*:?\s*/, '').split(/\s*,\s*/).filter((member) => member !== '')
    return members.length > 1 ? [{label, members, section, position: first.position}] : []
  })
}

/**
 * A hand-written member list is not kept (the README derives its lists from the tables), but where it
 * disagrees with the category it names, the report says so: a reader of the old list was misled.
 */
function noteMemberLists(state: ImportState, lists: readonly MemberList[]): void {
  for (const list of lists) {
    const inCategory = (id: string) => state.methods.filter((read) => read.method.category === id).map((read) => read.method.name)
    const keys = new Set(list.members.map(nameKey))
    const category = state.taxonomy.flatMap((role) => role.categories).find((candidate) => inCategory(candidate.id).some((name) => keys.has(nameKey(name))))
    if (!category) continue
    const names = inCategory(category.id)
    const missing = names.filter((name) => !keys.has(nameKey(name)))
    const extra = list.members.filter((member) => !names.some((name) => nameKey(name) === nameKey(member)))
    if (missing.length === 0 && extra.length === 0) continue
    const parts = [missing.length > 0 ? `leaves out ${missing.map((name) => `\`${name}\``).join(', ')}` : '', extra.length > 0 ? `names ${extra.map((name) => `\`${name}\``).join(', ')}, not in the table` : ''].filter(Boolean)
    state.accounting.note(list.position, 'member list', `${list.label}: ${list.members.join(', ')}`, `${parts.join(' and ')} of \`${category.name}\`; not kept: the README lists each category's members from its table`)
  }
}

/** In a prose section of the survey (Overview, Highlights, Future directions): whether its text is kept. */
function proseOf(state: ImportState, scope: Scope): {kept: boolean; heading: string} | undefined {
  const heading = [...scope.headings].reverse().find((candidate) => proseSection(candidate.text))
  if (!heading) return undefined
  return {kept: state.draft.sections.some((section) => section.title === heading.text), heading: heading.text}
}

/** A prose section the target does not have yet is kept whole, as content/sections/ holds it. */
function captureProse(state: ImportState, tree: Root, heading: Heading, text: string): void {
  const id: SectionId | undefined = proseSection(inlineText(heading.children))
  if (!id || state.target.sections.some((section) => section.id === id) || state.draft.sections.some((section) => section.id === id)) return
  const start = tree.children.indexOf(heading)
  const end = tree.children.findIndex((node, index) => index > start && node.type === 'heading' && node.depth <= heading.depth)
  const body = tree.children.slice(start + 1, end < 0 ? undefined : end).filter((node) => node.type !== 'thematicBreak')
  const from = body[0]?.position?.start.offset
  const to = body.at(-1)?.position?.end.offset
  const source = from !== undefined && to !== undefined ? text.slice(from, to) : ''
  state.draft.sections.push({id, title: inlineText(heading.children), markdown: repairMojibake(source).trim()})
}
