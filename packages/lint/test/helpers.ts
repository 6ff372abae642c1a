import type {Position, Point} from 'unist'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {lintFile, lintTree, type LintSettings} from '../src/lint.js'
import {rules} from '../src/registry.js'
import type {LintMessage, RuleSetting} from '../src/rule.js'
import {parseMarkdown} from '@fmrl/parser'

function point(at: Point): string {
  return `${at.line}:${at.column}`
}

/** `line:column-line:column: reason (rule-id)`, as examples and pinned lists write messages. */
export function formatMessage(message: VFileMessage): string {
  const place = message.place
  const where = !place ? '' : 'start' in place ? `${point(place.start)}-${point((place as Position).end)}` : point(place)
  return `${where ? `${where}: ` : ''}${message.reason} (${message.ruleId})`
}

/** Settings that turn every rule off except `ruleId`. */
export function only(ruleId: string, setting?: RuleSetting<any>): LintSettings['rules'] {
  return Object.fromEntries(rules.map((rule) => [rule.id, rule.id === ruleId ? setting : 'off']))
}

/** Lint Markdown text as a file at `path`. */
export function lintText(markdown: string, settings: LintSettings = {}, path = 'example.md'): LintMessage[] {
  return lintFile(new VFile({path, value: markdown}), settings)
}

/** Lint a tree that lost its positions. */
export function lintWithoutPositions(markdown: string, strip: (tree: ReturnType<typeof parseMarkdown>) => void, settings: LintSettings = {}, path = 'example.md'): LintMessage[] {
  const tree = parseMarkdown(markdown)
  strip(tree)
  return lintTree(tree, new VFile({path, value: markdown}), settings)
}
