import {Url, type Environment, type NamedLink, type ReadingEntry} from '@fmrl/model'
import type {BlockContent, DefinitionContent, List, ListItem, Nodes, Paragraph, PhrasingContent} from 'mdast'
import type {Position} from 'unist'
import {inlineLinks, inlineText, linkKind, type InlineLink} from './inline.js'
import type {SectionKind, Scope} from './scope.js'
import {readingSection} from './sections.js'
import type {ImportState} from './state.js'
import {isHttp, normalizeUrl} from './urls.js'

type Block = BlockContent | DefinitionContent

/** How the entries of a list are read, from the section it sits in. */
export interface ListContext {
  scope: Scope
  kind: SectionKind
  /** In a prose section: whether the import keeps its text (a new section), and its heading. */
  prose?: {kept: boolean; heading: string}
}

/** Import the entries of a list: papers, environments, or what the section makes of them; every entry and part is accounted for. */
export function importList(state: ImportState, list: List, context: ListContext): void {
  for (const item of list.children) {
    const first = item.children[0]
    const text = first ? blockText(first) : ''
    if (context.kind === 'toc' || isTocItem(item)) reportEntry(state, item, text, 'a table-of-contents entry: fmrl writes the table of contents itself')
    else if (context.kind === 'outside') reportEntry(state, item, text, `an entry of section \`${context.scope.headings.at(-1)?.text ?? ''}\`, which is about the list itself, not its subject`)
    else if (context.prose) {
      if (context.prose.kept) countEntry(state, item)
      else reportEntry(state, item, text, `prose of section \`${context.prose.heading}\`, which content/sections/ already holds: the import keeps that text`)
    } else if (context.kind === 'environments') importEnvironment(state, item)
    else importPaper(state, item, context.scope)
  }
}

function isTocItem(item: ListItem): boolean {
  const first = item.children[0]
  if (first?.type !== 'paragraph') return false
  const links = inlineLinks(first.children)
  return links.length > 0 && links.every((link) => link.url.startsWith('#'))
}

function blockText(block: Block): string {
  if (block.type === 'paragraph' || block.type === 'heading') return inlineText(block.children)
  if (block.type === 'html' || block.type === 'code') return block.value
  return 'children' in block ? inlineText(block.children as Nodes[]) : ''
}

/** An entry and all its parts counted as mapped (kept as prose of a new section). */
function countEntry(state: ImportState, item: ListItem): void {
  state.accounting.mapped('entry')
  for (let count = parts(item).length; count > 0; count--) state.accounting.mapped('part')
}

/** An entry not imported: it is reported, and so is each of its parts. */
function reportEntry(state: ImportState, item: ListItem, text: string, reason: string): void {
  state.accounting.reported('entry', item.position, 'list entry', text, reason)
  for (const part of parts(item)) state.accounting.reported('part', part.position, 'part of that entry', part.text, 'not imported with its entry')
}

/** A part of an entry; `group` tells the nested item it belongs to, so a label's text can continue below it. */
interface Part {
  position: Position | undefined
  text: string
  block: Block
  group: number
}

/** The parts of an entry: every block after its first line and every nested item, depth first. */
function parts(item: ListItem): Part[] {
  const found: Part[] = []
  let groups = 0
  const walk = (blocks: readonly Block[], skipFirst: boolean, group: number) => {
    blocks.forEach((block, index) => {
      if (skipFirst && index === 0) return
      if (block.type === 'list') {
        for (const nested of block.children) {
          const [head, ...rest] = nested.children
          const own = ++groups
          if (head) found.push({position: nested.position, text: blockText(head), block: head, group: own})
          walk(rest, false, own)
        }
      } else found.push({position: block.position, text: blockText(block), block, group})
    })
  }
  walk(item.children, true, 0)
  return found
}

/**
 * A paper entry: `- [title](url) - description`, `**[Venue 2024]** [title](url) [[code](url)]`,
 * `- **Title**` with its links below, and nested items labelled authors, keywords, experiment
 * environments, paper link, overview. Parts the reading list has no field for are reported.
 */
function importPaper(state: ImportState, item: ListItem, scope: Scope): void {
  const first = item.children[0]
  const head = first?.type === 'paragraph' ? readHead(first) : undefined
  if (!head) {
    reportEntry(state, item, first ? blockText(first) : '', 'a list entry without a title link or a bold title: not a paper the import can name')
    return
  }
  const entry: Partial<ReadingEntry> = {
    title: head.title,
    url: head.url,
    section: readingSection(state, scope),
    list: state.listId,
    authors: [],
    venue: head.venue,
    date: null,
    keywords: [],
    environments: [],
    links: head.links,
    note: head.note,
    overview: head.description,
    method: null
  }
  state.accounting.mapped('entry')
  for (const url of head.unsafe) state.accounting.note(first!.position, 'link', url, 'Unexpected link that is not http(s), expected a web link: not kept')
  // A label with nothing after it (`Method Overview:`) is continued by the blocks below it.
  let open: {label: 'overview' | 'figure'; group: number} | undefined
  for (const part of parts(item)) {
    const continued = open && open.group === part.group && !label.exec(part.text) ? open.label : undefined
    const reason = continued === 'overview' && part.block.type === 'paragraph'
      ? appendOverview(entry, part.text)
      : continued === 'figure' ? figureReason(part.block, part.text) : readPart(entry, part.block, part.text)
    if (!continued) open = opening(part)
    if (reason === undefined) state.accounting.mapped('part')
    else state.accounting.reported('part', part.position, 'part of an entry', part.text, reason)
  }
  state.draft.readingList.push(entry)
  state.places.readingList.push({file: state.file, position: item.position})
}

interface Head {
  title: string
  url: string | null
  venue: string | null
  links: NamedLink[]
  note: string | null
  description: string | null
  /** Links that are not web links (`javascript:`, `file:`, relative paths): never kept. */
  unsafe: string[]
}

/** Read an entry's first line: its title (a link, or bold text), a venue in bold brackets, kind links, a note, a description. */
function readHead(paragraph: Paragraph): Head | undefined {
  const children = paragraph.children
  const links = inlineLinks(children)
  const titleLink = children.find((child, index): child is Extract<PhrasingContent, {type: 'link'}> => child.type === 'link' && isHttp(child.url) && linkKind(inlineLinks([child])[0]!) === undefined && !bracketed(children, index))
  const strongs = children.filter((child) => child.type === 'strong')
  const venueStrong = strongs.find((child) => /^\[[^\]]+\]$/.test(inlineText([child])))
  const titleStrong = titleLink ? undefined : strongs.find((child) => child !== venueStrong && !inlineLinks([child]).length)
  if (!titleLink && !titleStrong) return undefined
  const title = inlineText(titleLink ? titleLink.children : titleStrong!.children)
  // Without a title link, a bold title's paper is its first paper-like link (`[[Paper](…)]`, `[arXiv](…)`).
  const paperLink = titleLink ? undefined : links.find((link) => isHttp(link.url) && paperKinds.has(linkKind(link) ?? ''))
  const url = titleLink ? normalizeUrl(titleLink.url) : paperLink ? normalizeUrl(paperLink.url) : null
  const others = links.filter((link) => link !== paperLink && (!titleLink || link.url !== titleLink.url || link.text !== title))
  const noteStrong = strongs.find((child) => child !== venueStrong && child !== titleStrong && !inlineLinks([child]).length)
  const rest = children.filter((child) => child !== titleLink && child !== titleStrong && child !== venueStrong && child !== noteStrong && child.type !== 'link')
  const description = inlineText(rest).replace(/^[\s\-–—:|()[\]]+|[\s()[\]]+$/g, '').trim()
  return {
    title,
    url,
    venue: venueStrong ? inlineText([venueStrong]).slice(1, -1).trim() : null,
    links: others.filter((link) => isHttp(link.url)).map(namedLink),
    unsafe: others.filter((link) => !isHttp(link.url) && !link.url.startsWith('#')).map((link) => link.url),
    note: noteStrong ? inlineText([noteStrong]).replace(/^\(|\)$/g, '') || null : null,
    description: description === '' ? null : description
  }
}

const paperKinds = new Set(['paper', 'pdf', 'arxiv', 'abs', 'doi', 'openreview'])

/** A link written in brackets of its own, `[[Pytorch Code](…)]`: lists write labels that way, never a title. */
function bracketed(children: readonly PhrasingContent[], index: number): boolean {
  const before = children[index - 1]
  const after = children[index + 1]
  return before?.type === 'text' && before.value.endsWith('[') && after?.type === 'text' && after.value.startsWith(']')
}

function namedLink(link: InlineLink): NamedLink {
  const kind = linkKind(link)
  const name = kind === undefined ? link.text || link.url : kind === 'code' || kind === 'github' || kind === 'repo' ? 'Code' : kind.charAt(0).toUpperCase() + kind.slice(1)
  const url = normalizeUrl(link.url)
  return {name, url: Url.safeParse(url).success ? url : null}
}

const label = /^\s*([A-Za-z][A-Za-z .()-]*?)\s*[:：]\s*([\s\S]*)$/
const overviewLabel = /^(?:(?:method )?overview|summary|tl;?dr|description|abstract|idea)$/
const figureLabel = /^(?:framework(?: overview)?|figures?|fig\.?|architecture|pipeline)$/
const caption = /^fig(?:ure)?\.?\s*\d/i

/** The label a part opens for the blocks below it, when it has no text of its own. */
function opening(part: Part): {label: 'overview' | 'figure'; group: number} | undefined {
  const labelled = label.exec(part.text)
  if (!labelled || labelled[2]!.trim() !== '') return undefined
  const name = labelled[1]!.toLowerCase().replace(/\s+/g, ' ')
  if (overviewLabel.test(name)) return {label: 'overview', group: part.group}
  if (figureLabel.test(name)) return {label: 'figure', group: part.group}
  return undefined
}

function appendOverview(entry: Partial<ReadingEntry>, text: string): undefined {
  entry.overview = entry.overview ? `${entry.overview} ${text}` : text
  return undefined
}

/** Why a figure's image or caption is not kept. */
function figureReason(block: Block, text: string): string {
  if (block.type === 'html' || (block.type === 'paragraph' && block.children.some((child) => child.type === 'image'))) return imageReason(block)
  return caption.test(text) ? 'a figure caption: the figure belongs to the list it comes from' : 'a part of a figure the reading list has no field for'
}

/** Read one part of a paper entry into it; the reason it was not, or undefined when it was. */
function readPart(entry: Partial<ReadingEntry>, block: Block, text: string): string | undefined {
  if (block.type === 'html' || (block.type === 'paragraph' && block.children.every((child) => child.type === 'image' || (child.type === 'text' && child.value.trim() === '')))) {
    return imageReason(block)
  }
  if (block.type !== 'paragraph') return `a ${block.type} inside an entry, which the reading list has no field for`
  const labelled = label.exec(text)
  const name = labelled?.[1]?.toLowerCase().replace(/\s+/g, ' ') ?? ''
  const value = labelled?.[2]?.trim() ?? ''
  const links = inlineLinks(block.children)
  if (/^(?:key ?words?|keywords?|tags?|topics?)$/.test(name)) {
    entry.keywords = value.split(/[,;，]/).map((keyword) => keyword.trim()).filter((keyword) => keyword !== '')
    return undefined
  }
  if (/^(?:exp ?env|experiment(?:al)? environments?|environments?|benchmarks?)$/.test(name)) {
    entry.environments = /^(?:none|n\/a|-)?$/i.test(value) ? [] : environmentLinks(value, links)
    return undefined
  }
  if (/^(?:paper(?: link)?|arxiv|pdf|links?|urls?)$/.test(name)) {
    const paper = links.find((link) => /arxiv\.org|doi\.org|openreview\.net/i.test(link.url)) ?? links[0]
    if (!paper) return 'a paper link without a link'
    if (!entry.url) entry.url = normalizeUrl(paper.url)
    entry.links = [...(entry.links ?? []), ...links.filter((link) => link !== paper && isHttp(link.url)).map(namedLink)]
    return undefined
  }
  if (/^(?:code|github|repo|repository|project|homepage|project page)$/.test(name)) {
    if (links.length === 0) return `a ${name} part without a link`
    entry.links = [...(entry.links ?? []), ...links.map((link) => ({...namedLink(link), name: name === 'code' ? 'Code' : namedLink(link).name}))]
    return undefined
  }
  if (overviewLabel.test(name)) return value === '' ? undefined : appendOverview(entry, value)
  if (figureLabel.test(name)) return 'a figure heading: the figure belongs to the list it comes from (see its image)'
  if (/^(?:venue|conference|journal|published(?: in)?)$/.test(name)) {
    entry.venue = value
    return undefined
  }
  if (/^(?:authors?|by)$/.test(name)) return readAuthors(entry, block, value)
  if (caption.test(text)) return 'a figure caption: the figure belongs to the list it comes from'
  if (!labelled && entry.authors?.length === 0 && links.length === 0 && looksLikeNames(block)) return readAuthors(entry, block, text)
  return labelled ? `a part labelled \`${labelled[1]}\`, which the reading list has no field for` : 'a part the reading list has no field for'
}

const personName = /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{L}[\p{L}.'’-]*|\p{Lu}\.)){0,4}$/u

/** Whether an unlabelled part is a list of people's names (`Long Ouyang, Jeff Wu, …`, or one organisation such as `DeepSeek-AI`). */
function looksLikeNames(paragraph: Paragraph): boolean {
  const names = inlineText(paragraph.children.filter((child) => child.type !== 'emphasis')).replace(/[.;]\s*$/, '').split(/\s*,\s*|\s+and\s+/).filter((name) => name !== '')
  return names.length > 0 && names.every((name) => personName.test(name))
}

/** Authors as a comma list; a trailing emphasis is the venue (`…, Linxi Fan. *NeurIPS Workshop 2022*`). */
function readAuthors(entry: Partial<ReadingEntry>, paragraph: Paragraph, text: string): string | undefined {
  const last = [...paragraph.children].reverse().find((child) => !(child.type === 'text' && child.value.trim() === ''))
  let names = text
  if (last?.type === 'emphasis') {
    const venue = inlineText(last.children)
    entry.venue ??= venue
    names = names.slice(0, names.lastIndexOf(venue)).trim()
  }
  entry.authors = names.replace(/[.;]\s*$/, '').split(/\s*,\s*|\s+and\s+/).map((name) => name.trim()).filter((name) => name !== '')
  return entry.authors.length > 0 ? undefined : 'an authors part without names'
}

/** `[VIMA-Bench](url), [VIMA-Data](url)`, `MuJoCo`: environments with their pages where linked. */
function environmentLinks(value: string, links: InlineLink[]): NamedLink[] {
  const names = value.split(/\s*[,;]\s*/).filter((name) => name !== '')
  return names.map((name) => {
    const link = links.find((candidate) => candidate.text === name)
    return {name, url: link && isHttp(link.url) ? normalizeUrl(link.url) : null}
  })
}

/** Why an image of an entry is not kept: a relative one belongs to the repository of the list it comes from. */
function imageReason(block: Block): string {
  const url = imageOf(block)
  if (url === undefined) return 'HTML the reading list has no field for'
  return isHttp(url) ? `an image (\`${url}\`) the reading list has no field for` : `an image \`${url}\` that is not in this repository (it belongs to the list it comes from)`
}

function imageOf(block: Block): string | undefined {
  if (block.type === 'html') return /\bsrc\s*=\s*["']([^"']+)["']/i.exec(block.value)?.[1]
  if (block.type === 'paragraph') {
    const image = block.children.find((child) => child.type === 'image')
    return image?.type === 'image' ? image.url : undefined
  }
  return undefined
}

/** An environment entry: `Name: https://…` or `[Name](https://…)`, a description after a dash, an image below. */
function importEnvironment(state: ImportState, item: ListItem): void {
  const first = item.children[0]
  if (first?.type !== 'paragraph') {
    reportEntry(state, item, first ? blockText(first) : '', 'an environments entry without a name and link')
    return
  }
  const links = inlineLinks(first.children).filter((link) => isHttp(link.url))
  const text = inlineText(first.children)
  const link = links[0]
  if (!link) {
    reportEntry(state, item, text, 'an environments entry without a link')
    return
  }
  const named = /^([^:：–—-][^:：]*?)\s*[:：]/.exec(text)
  const name = link.text && link.text !== link.url ? link.text : named?.[1]?.trim() ?? ''
  if (name === '') {
    reportEntry(state, item, text, 'an environments entry without a name')
    return
  }
  const description = text.replace(link.text, '').replace(name, '').replace(/^[\s:：\-–—]+|[\s\-–—]+$/g, '').trim()
  const environment: Partial<Environment> = {name, url: normalizeUrl(link.url), description: description === '' ? null : description, image: null, list: state.listId}
  state.accounting.mapped('entry')
  for (const part of parts(item)) {
    const image = imageOf(part.block)
    if (image && isHttp(image) && environment.image === null) {
      environment.image = normalizeUrl(image)
      state.accounting.mapped('part')
    } else state.accounting.reported('part', part.position, 'part of an entry', part.text || (image ?? ''), image ? imageReason(part.block) : 'a part the environments have no field for')
  }
  for (const extra of links.slice(1)) state.accounting.note(first.position, 'link', extra.url, 'a second link of an environment entry: only the first is kept')
  state.draft.environments.push(environment)
  state.places.environments.push({file: state.file, position: item.position})
}
