// The module augmentation that gives mdast its inlineMath node.
import type {} from 'mdast-util-math'
import {repairMojibake} from '@fmrl/lint'
import type {Nodes, PhrasingContent} from 'mdast'

/** A link of an inline run: its target, its text, and whether it is a badge or icon (an image as its only content). */
export interface InlineLink {
  url: string
  text: string
  image: boolean
}

/**
 * The text of inline content as a reader sees it: emphasis and HTML tags dropped, inline math kept as
 * `$…$`, code as its text, images as nothing, and mojibake repaired (never in URLs).
 */
export function inlineText(nodes: readonly Nodes[]): string {
  return repairMojibake(rawText(nodes)).replace(/\s+/g, ' ').trim()
}

function rawText(nodes: readonly Nodes[]): string {
  return nodes.map((node) => {
    if (node.type === 'text') return node.value
    if (node.type === 'inlineMath') return `$${node.value}$`
    if (node.type === 'inlineCode') return node.value
    if (node.type === 'html') return node.value.replace(/<[^>]*>/g, '')
    if (node.type === 'break') return ' '
    if (node.type === 'image' || node.type === 'imageReference') return ''
    if ('children' in node) return rawText(node.children as Nodes[])
    return ''
  }).join('')
}

/** Every link of inline content, in order, with its text (an image-only link is a badge). */
export function inlineLinks(nodes: readonly Nodes[]): InlineLink[] {
  return nodes.flatMap((node): InlineLink[] => {
    if (node.type === 'link') {
      const children = node.children as PhrasingContent[]
      const image = children.length > 0 && children.every((child) => child.type === 'image' || (child.type === 'text' && child.value.trim() === ''))
      return [{url: node.url, text: inlineText(children), image}]
    }
    return 'children' in node ? inlineLinks(node.children as Nodes[]) : []
  })
}

// Words lists use as a link's text to say what the link is, not what the paper is called.
const kindWords = /^(?:link|links|code|codes|paper|pdf|arxiv|project|project page|homepage|home page|website|web|page|site|github|repo|repository|video|blog|demo|slides|doi|html|openreview|dataset|data|poster|bib|bibtex|abs|abstract|official|supp|supplementary|model|models|weights|huggingface|hf|zhihu|知乎|论文|代码|项目)$/i

/** The kind a link's text names (`[Code](…)`, `[**[arXiv]**](…)`, a badge), or undefined when the text is data (a title). */
export function linkKind(link: InlineLink): string | undefined {
  if (link.image) return badgeKind(link.url)
  const word = link.text.replace(/[[\]()*_`:]/g, '').replace(/^\p{Extended_Pictographic}\uFE0F?\s*/u, '').trim()
  return kindWords.test(word) ? word.toLowerCase() : undefined
}

/** What a badge links to, from its target. */
function badgeKind(url: string): string {
  if (/github\.com/i.test(url)) return 'code'
  if (/arxiv\.org/i.test(url)) return 'arxiv'
  return 'link'
}
