import {readFileSync} from 'node:fs'
import {expect, test} from 'vitest'
import {rules} from '../src/registry.js'
import type {Example, Rule} from '../src/rule.js'

const path = new URL('../README.md', import.meta.url)
const start = '<!-- rules:start -->'
const end = '<!-- rules:end -->'

function fence(text: string, lang: string): string {
  return `~~~~${lang}\n${text.endsWith('\n') ? text : `${text}\n`}~~~~`
}

function exampleDocs(example: Example<any>, kind: 'ok' | 'not ok'): string[] {
  const notes = [
    example.path ? `file \`${example.path}\`` : undefined,
    example.options ? `options \`${JSON.stringify(example.options)}\`` : undefined,
    example.data ? `data: ${Object.keys(example.data).map((key) => `\`${key}\``).join(', ')}` : undefined
  ].filter(Boolean)
  const blocks = [`**${kind}**: ${example.title}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`, fence(example.markdown, 'markdown')]
  if (example.messages && example.messages.length > 0) blocks.push(fence(example.messages.join('\n'), 'text'))
  if (example.fixed !== undefined) blocks.push('After `--fix`:', fence(example.fixed, 'markdown'))
  return blocks
}

function ruleDocs(rule: Rule<any>): string {
  const facts = [`Default severity: \`${rule.severity}\`.`, rule.fixable ? 'Fixable.' : 'Not fixable.']
  if (Object.keys(rule.defaults).length > 0) facts.push(`Options (defaults): \`${JSON.stringify(rule.defaults)}\`.`)
  if (rule.reads.length > 0) facts.push(`Reads the data ${rule.reads.map((key) => `\`${key}\``).join(', ')}.`)
  return [
    `### ${rule.id}`,
    `${rule.description}. ${facts.join(' ')}`,
    ...rule.examples.ok.flatMap((example) => exampleDocs(example, 'ok')),
    ...rule.examples.notOk.flatMap((example) => exampleDocs(example, 'not ok'))
  ].join('\n\n')
}

test('the README documents every rule with its examples', async () => {
  const readme = readFileSync(path, 'utf8')
  const before = readme.slice(0, readme.indexOf(start) + start.length)
  const after = readme.slice(readme.indexOf(end))
  const table = ['| Rule | What it reports | Severity | Fix |', '| - | - | - | - |', ...rules.map((rule) => `| [${rule.id}](#${rule.id}) | ${rule.description.replace(/\|/g, '\\|')} | ${rule.severity} | ${rule.fixable ? 'yes' : '-'} |`)]
  const generated = `${before}\n\n${table.join('\n')}\n\n${rules.map(ruleDocs).join('\n\n')}\n\n${after}`
  await expect(generated).toMatchFileSnapshot(path.pathname)
})
