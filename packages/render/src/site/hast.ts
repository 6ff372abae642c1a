import type {Inline} from '@fmrl/model'
import type {Element, ElementContent, Root as HastRoot} from 'hast'
import {h} from 'hastscript'
import katex from 'katex'
import type {PhrasingContent, RootContent} from 'mdast'
import type {InlineMath} from 'mdast-util-math'
import {toHast, type Raw} from 'mdast-util-to-hast'

/**
 * mdast to hast for the page. Text stays text nodes, which hast-util-to-html escapes, so nothing
 * from content/ can become markup; inline math becomes MathML (`mathElement`).
 */
export function toPageHast(nodes: readonly RootContent[]): ElementContent[] {
  const tree = toHast({type: 'root', children: [...nodes]}, {handlers: {inlineMath: (_state, node: InlineMath) => mathElement(node.value)}}) as HastRoot
  return tree.children as ElementContent[]
}

/** Phrasing content as hast, converted inside a paragraph (a root would put line breaks between its nodes). */
export function phrasingHast(nodes: readonly PhrasingContent[]): ElementContent[] {
  return phrasingHastEach([nodes])[0]!
}

/**
 * Several runs of phrasing content as hast, each as `phrasingHast` gives it, in one conversion: a
 * method's cells are converted together (a conversion's set-up costs more than a cell).
 */
export function phrasingHastEach(runs: ReadonlyArray<readonly PhrasingContent[]>): ElementContent[][] {
  const paragraphs = toPageHast(runs.map((nodes) => ({type: 'paragraph', children: [...nodes]})))
  return paragraphs.flatMap((paragraph) => (paragraph.type === 'element' ? [paragraph.children] : []))
}

/** The codec's inline content of a cell as hast. */
export function inlineHast(inline: readonly Inline[]): ElementContent[] {
  return phrasingHast(inline as PhrasingContent[])
}

const mathml = new Map<string, string>()

/**
 * The notation of content/legend.md (`$\pi_l$`) as MathML, which browsers draw with no fonts or
 * style sheet. The one markup the page does not build node by node: KaTeX writes it, escaping
 * every text it sets and, untrusted (its default), allowing no links, classes or styles. Each
 * notation is set once per build.
 */
export function mathElement(tex: string): Raw {
  const value = mathml.get(tex) ?? mathml.set(tex, katex.renderToString(tex, {output: 'mathml', throwOnError: false, trust: false})).get(tex)!
  return {type: 'raw', value}
}

/** Where a link may point: the web (http, https) or this page (`#id`, `?query`). */
export function isSafeHref(href: string): boolean {
  return /^https?:\/\//i.test(href) || /^[#?]/.test(href)
}

/**
 * Every link whose target is not http(s) or this page is replaced by its text, in HTML and SVG:
 * a `javascript:` or `data:` URL that reached the model some other way is never rendered as a link.
 */
export function removeUnsafeLinks(tree: HastRoot | Element): void {
  // A walk of its own: unist-util-visit's bookkeeping per node (its ancestors, its tests) was a third of the page's time.
  const children = tree.children
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!
    if (node.type !== 'element') continue
    const href = node.properties.href
    if (node.tagName === 'a' && !(typeof href === 'string' && isSafeHref(href))) {
      // Its children take its place, and are looked at next (a link inside a link included).
      children.splice(index--, 1, ...(node.children as typeof children))
      continue
    }
    removeUnsafeLinks(node)
  }
}

/**
 * JSON for a `<script type="application/json">`: a script's text is never escaped by the HTML
 * serializer, so `<`, `>` and `&` are written as JSON escapes and no value can close the element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

// Elements whose children are blocks: a newline between two of them changes nothing on the page.
const blockParents = new Set(['html', 'head', 'body', 'header', 'main', 'footer', 'section', 'nav', 'div', 'details', 'form', 'fieldset', 'ul', 'ol', 'table', 'thead', 'tbody', 'tr', 'svg'])

/**
 * A line break between block siblings, so that the page reads line by line in a diff (`fmrl
 * check` shows one). Only where whitespace is insignificant: never inside text, a cell or a label.
 */
export function breakLines(tree: HastRoot | Element): void {
  if ((tree.type === 'root' || blockParents.has(tree.tagName)) && tree.children.every((child) => child.type !== 'text')) {
    tree.children = tree.children.flatMap((child, index) => (index === 0 ? [child] : [{type: 'text', value: '\n'}, child])) as typeof tree.children
  }
  for (const child of tree.children) if (child.type === 'element') breakLines(child)
}
