import type {Element, Root} from 'hast'
import rehypeKatex from 'rehype-katex'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize, {defaultSchema, type Options as SanitizeSchema} from 'rehype-sanitize'
import rehypeSlug from 'rehype-slug'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'

/**
 * A README drawn the way GitHub draws it: GFM with math, raw HTML sanitized by GitHub's own schema
 * (hast-util-sanitize's default), heading ids from github-slugger, math by KaTeX, Mermaid blocks by
 * Mermaid in the page, styled by github-markdown-css in a column as wide as a repository's README
 * at 1280 px. External images go through a local stand-in for GitHub's image proxy, so the page
 * loads nothing from outside.
 */

/** The files of `assets/` the page needs, from these npm packages (the test copies them). */
export const githubAssets = {
  'github-markdown.css': 'github-markdown-css/github-markdown.css',
  'katex.min.css': 'katex/dist/katex.min.css',
  'mermaid.min.js': 'mermaid/dist/mermaid.min.js'
} as const

/** The image every external image is drawn as, as GitHub's camo proxy would serve it from its own host. */
export const proxiedImage = 'assets/proxied-image.svg'
export const proxiedImageSvg = '<svg xmlns="http://www.w3.org/2000/svg" width="104" height="20"><rect width="104" height="20" fill="#999"/></svg>\n'

// GitHub keeps the classes remark-math gives inline and display math.
const schema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: '',
  attributes: {...defaultSchema.attributes, code: [['className', /^language-./, 'math-inline', 'math-display']]}
}

function proxyImages() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'img' || typeof node.properties.src !== 'string' || !/^https?:/.test(node.properties.src)) return
      node.properties.dataCanonicalSrc = node.properties.src
      node.properties.src = proxiedImage
    })
  }
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkRehype, {allowDangerousHtml: true})
  .use(rehypeRaw)
  .use(rehypeSanitize, schema)
  .use(rehypeSlug)
  .use(proxyImages)
  .use(rehypeKatex)
  .use(rehypeStringify)

/** The script that draws the Mermaid blocks as GitHub does (each code block becomes a diagram) and records failures. */
const drawMermaid = `
const blocks = [...document.querySelectorAll('pre > code.language-mermaid')].map((code) => {
  const diagram = document.createElement('div')
  diagram.className = 'mermaid'
  diagram.textContent = code.textContent
  code.parentElement.replaceWith(diagram)
  return diagram
})
mermaid.initialize({startOnLoad: false, theme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default'})
window.mermaidDone = mermaid.run({nodes: blocks, suppressErrors: false}).then(() => [], (error) => [String(error && error.message || error)])
`

/** The README as a complete page, its assets referenced below `assets/`. */
export function renderGithubPage(markdown: string): string {
  const body = String(processor.processSync(markdown))
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="assets/github-markdown.css">
<link rel="stylesheet" href="assets/katex.min.css">
<style>.markdown-body{box-sizing:border-box;min-width:200px;max-width:896px;margin:0 auto;padding:32px}</style>
</head>
<body>
<article class="markdown-body">
${body}
</article>
<script src="assets/mermaid.min.js"></script>
<script>${drawMermaid}</script>
</body>
</html>
`
}
