import {parseMarkdownFile} from '@fmrl/parser'
import type {Root} from 'mdast'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import {applyIgnoreComments} from './control.js'
import type {LintData} from './data.js'
import {applyFixes, type FixResult} from './fix.js'
import {ruleIds, rules} from './registry.js'
import type {Fix, LintMessage, RuleSetting} from './rule.js'

/** How to lint: each rule's setting (absent means its default severity) and the data rules may use. */
export interface LintSettings {
  rules?: Readonly<Record<string, RuleSetting<any> | undefined>>
  data?: LintData
}

/** Lint a Markdown file in place: its messages are the findings, sorted by place. Pure: no I/O. */
export function lintFile(file: VFile, settings: LintSettings = {}): LintMessage[] {
  const before = file.messages.length
  const tree = parseMarkdownFile(file)
  // Past the parser's size or nesting limits the file is not parsed: the limit's error is the finding.
  if (!tree) return file.messages.slice(before) as LintMessage[]
  return lintTree(tree, file, settings)
}

/** Lint a file whose tree is already parsed (a tree without positions is fine). */
export function lintTree(tree: Root, file: VFile, settings: LintSettings = {}): LintMessage[] {
  if (settings.data) file.data.fmrl = settings.data
  const processor = unified()
  for (const rule of rules) processor.use(rule.plugin, settings.rules?.[rule.id])
  const before = file.messages.length
  processor.runSync(tree, file)
  applyIgnoreComments(tree, file, ruleIds)
  const found = file.messages.slice(Math.min(before, file.messages.length)) as LintMessage[]
  // Rules report in their own order; findings read top to bottom.
  return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
}

/** The fixes of a list of messages. */
export function fixesOf(messages: readonly LintMessage[]): Fix[] {
  return messages.flatMap((message) => (message.fix ? [message.fix] : []))
}

/**
 * Apply every safe fix, linting again until nothing changes (fixes that overlapped wait for the
 * next pass), so that fixing twice changes nothing the second time.
 */
export function fixText(text: string, lint: (text: string) => readonly LintMessage[], passes = 10): FixResult {
  let current = text
  const applied: Fix[] = []
  for (let pass = 0; pass < passes; pass++) {
    const result = applyFixes(current, fixesOf(lint(current)))
    if (result.applied.length === 0) break
    applied.push(...result.applied)
    current = result.text
  }
  return {text: current, applied}
}
