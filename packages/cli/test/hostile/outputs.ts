import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {parseMarkdown} from '@fmrl/parser'
import {Ajv2020} from 'ajv/dist/2020.js'
import type {Nodes} from 'mdast'

/** Every output `fmrl build` writes, below the root. */
export const outputPaths = ['README.md', 'tables/table1.md', 'tables/agent.md', 'tables/planner.md', 'tables/reward.md', 'tables/table1.tex', 'export/survey.json', 'export/survey.schema.json', 'site/index.html']

/** The bytes of each output (undefined: absent), to tell an untouched set from a changed one. */
export async function readOutputs(root: string): Promise<Record<string, string | undefined>> {
  const entries = await Promise.all(outputPaths.map(async (path) => [path, await readFile(join(root, path), 'latin1').catch(() => undefined)] as const))
  return Object.fromEntries(entries)
}

// Characters that would be markup if a hostile text reached a format unescaped.
const latexSpecial = /[\\{}$&#^_~%]/
const htmlSpecial = /[<>&"]/
const mermaidSpecial = /[#"%&<>`]/
const safeUrl = /^(?:https?:|#|[^:]*$)/i
// A link or a source of content: the page's own `<link rel="icon" href="data:,">` is neither.
const linkAttribute = /<a\b[^>]*?\bhref\s*=\s*["']?\s*(?:javascript|vbscript|file|data):|\b(?:src|action|formaction)\s*=\s*["']?\s*(?:javascript|vbscript|file|data):/i
const latexCommands = /\\(?:input|include|write|immediate|openin|openout|read|catcode|def|directlua|url|href)\b(?!\{https?:)/

/**
 * What is wrong with the outputs for accepted hostile text: each problem as `path: what`. Each text
 * must reach README.md and the JSON whole (nothing lost), never as markup: not as raw HTML, math or
 * a link in the Markdown and the Mermaid blocks, not as a command or group in the LaTeX, not as a
 * tag in the page; and no output links to a URL other than http(s) or a relative one.
 */
export async function outputProblems(root: string, hostile: readonly string[]): Promise<string[]> {
  const outputs = await readOutputs(root)
  const problems: string[] = []
  for (const path of outputPaths.filter((candidate) => candidate.endsWith('.md'))) problems.push(...markdownProblems(path, outputs[path] === undefined ? '' : Buffer.from(outputs[path], 'latin1').toString('utf8'), hostile))
  const text = (path: string) => Buffer.from(outputs[path] ?? '', 'latin1').toString('utf8')
  const tex = text('tables/table1.tex')
  for (const value of hostile) if (latexSpecial.test(value) && tex.includes(value)) problems.push(`tables/table1.tex: ${JSON.stringify(value)} unescaped`)
  for (const match of tex.matchAll(new RegExp(latexCommands, 'g'))) problems.push(`tables/table1.tex: command \`${match[0]}\` from content`)
  const html = text('site/index.html')
  for (const value of hostile) if (htmlSpecial.test(value) && html.includes(value)) problems.push(`site/index.html: ${JSON.stringify(value)} unescaped`)
  if (linkAttribute.test(html)) problems.push(`site/index.html: a link to ${linkAttribute.exec(html)![0]}`)
  problems.push(...jsonProblems(text('export/survey.json'), text('export/survey.schema.json'), hostile))
  return problems
}

function markdownProblems(path: string, markdown: string, hostile: readonly string[]): string[] {
  const problems: string[] = []
  let texts = ''
  visit(parseMarkdown(markdown), (node) => {
    const where = `${path}:${node.position?.start.line ?? '?'}`
    if (node.type === 'text') texts += `${node.value}\n`
    if (node.type === 'html' || node.type === 'inlineMath' || node.type === 'math') {
      for (const value of hostile) if (node.value.includes(value)) problems.push(`${where}: ${JSON.stringify(value)} as ${node.type}`)
      if (node.type === 'html' && /<script|<iframe|<img|\bon[a-z]+\s*=/i.test(node.value)) problems.push(`${where}: active HTML ${JSON.stringify(node.value)}`)
    }
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !safeUrl.test(node.url)) problems.push(`${where}: a ${node.type} to ${node.url}`)
    if (node.type === 'code' && node.lang === 'mermaid') {
      for (const value of hostile) if (mermaidSpecial.test(value) && node.value.includes(value)) problems.push(`${where}: ${JSON.stringify(value)} unescaped in Mermaid`)
    }
  })
  if (path === 'README.md') for (const value of hostile) if (!texts.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} missing from the text`)
  return problems
}

function jsonProblems(json: string, schemaText: string, hostile: readonly string[]): string[] {
  const survey = JSON.parse(json) as unknown
  const validate = new Ajv2020({allErrors: true, formats: {date: /^\d{4}-\d{2}-\d{2}$/, uri: (value: string) => URL.canParse(value)}}).compile(JSON.parse(schemaText) as object)
  const problems = validate(survey) ? [] : (validate.errors ?? []).map((error) => `export/survey.json: ${error.instancePath} ${error.message ?? ''}`)
  const strings: string[] = []
  collectStrings(survey, strings)
  for (const value of hostile) if (!strings.some((string) => string.includes(value))) problems.push(`export/survey.json: ${JSON.stringify(value)} missing`)
  for (const string of strings) if (/^\s*(?:javascript|vbscript|file|data):/i.test(string)) problems.push(`export/survey.json: URL ${string}`)
  return problems
}

function collectStrings(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value)
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into)
  else if (value && typeof value === 'object') for (const item of Object.values(value)) collectStrings(item, into)
}

function visit(node: Nodes, each: (node: Nodes) => void): void {
  each(node)
  if ('children' in node) for (const child of node.children) visit(child, each)
}
