import type {Author, Metadata} from '@fmrl/model'
import type {Heading, Paragraph, Root} from 'mdast'
import {arxivId} from '@fmrl/lint'
import {inlineLinks, inlineText} from './inline.js'

/**
 * What a list's header says about the survey it accompanies: its title (the first heading, badges
 * aside), the paper's title in bold, its authors, its arXiv id, the BibTeX block and the date under a
 * "Last Update" heading. A merge keeps the target's metadata and reports where they differ.
 */
export function readMetadata(tree: Root): Partial<Metadata> {
  const metadata: Partial<Metadata> = {}
  const firstSection = tree.children.findIndex((node, index) => index > 0 && node.type === 'heading' && node.depth <= 2)
  const header = tree.children.slice(0, firstSection < 0 ? undefined : firstSection)
  const heading = tree.children.find((node): node is Heading => node.type === 'heading')
  const list = heading && inlineText(heading.children.filter((child) => !(child.type === 'link' && child.children.every((inner) => inner.type === 'image'))))
  if (list) metadata.list = list
  const paragraphs = header.filter((node): node is Paragraph => node.type === 'paragraph')
  const title = paragraphs.flatMap((paragraph) => paragraph.children).find((child) => child.type === 'strong' && inlineText(child.children).split(/\s+/).length >= 4)
  if (title?.type === 'strong') metadata.title = inlineText(title.children)
  const arxiv = paragraphs.flatMap((paragraph) => inlineLinks(paragraph.children)).map((link) => arxivId(link.url)).find((id) => id !== undefined)
  if (arxiv && /^\d{4}\.\d{4,5}$/.test(arxiv)) metadata.arxiv = arxiv
  const authors = paragraphs.map((paragraph) => authorsOf(inlineText(paragraph.children))).find((found) => found.length >= 2)
  if (authors) metadata.authors = authors
  const bibtex = tree.children.find((node) => node.type === 'code' && (node.lang === 'bibtex' || node.lang === 'bib' || /^\s*@\w+\s*\{/.test(node.value)))
  if (bibtex?.type === 'code') metadata.bibtex = bibtex.value
  const lastUpdate = lastUpdateOf(tree)
  if (lastUpdate) metadata.lastUpdate = lastUpdate
  return metadata
}

/** `[Sheila Schoepp, Masoud Jafaripour*, …]`: the names of a bracketed author line, `*` marking equal contribution. */
function authorsOf(text: string): Author[] {
  const bracketed = /\[([^\]]+)\]/.exec(text)?.[1]
  if (!bracketed || !bracketed.includes(',')) return []
  const names = bracketed.split(/\s*,\s*/).filter((name) => /^\p{Lu}[\p{L}.'-]*(?:\s+\p{L}[\p{L}.'-]*)+\*?$/u.test(name))
  if (names.length < bracketed.split(',').length) return []
  return names.map((name) => ({name: name.replace(/\*$/, ''), affiliations: [], equalContribution: name.endsWith('*')}))
}

/** The date under a "Last Update" heading, as an ISO date. */
function lastUpdateOf(tree: Root): string | undefined {
  const index = tree.children.findIndex((node) => node.type === 'heading' && /last update|updated/i.test(inlineText(node.children)))
  const next = index < 0 ? undefined : tree.children[index + 1]
  const match = next?.type === 'paragraph' ? /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(inlineText(next.children)) : null
  return match ? `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}` : undefined
}
