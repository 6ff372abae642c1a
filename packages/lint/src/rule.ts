import {messageSource} from '@fmrl/parser'
import type {Root} from 'mdast'
import type {Plugin} from 'unified'
import {lintRule} from 'unified-lint-rule'
import type {Node, Position} from 'unist'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {LintData} from './data.js'

/** How much a finding matters: `error` fails `fmrl lint`, `warn` is printed only. */
export type Severity = 'off' | 'warn' | 'error'

/** A rule's setting: a severity, a severity with options, or options alone (default severity). */
export type RuleSetting<Options = Record<string, unknown>> = Severity | readonly [Severity, Partial<Options>?] | Partial<Options>

/** A safe replacement of `text.slice(start, end)` (UTF-16 offsets into the file, end exclusive). */
export interface Fix {
  start: number
  end: number
  replacement: string
}

/** A finding: a vfile message that may carry a fix. */
export interface LintMessage extends VFileMessage {
  fix?: Fix
}

/** One example of a rule: its docs and its test at once. */
export interface Example<Options = Record<string, unknown>> {
  /** What the example shows. */
  title: string
  markdown: string
  /** The file's repository-relative path (default `example.md`). */
  path?: string
  options?: Partial<Options>
  data?: LintData
  /** Exact messages as `line:column-line:column: reason (rule-id)`; none for an `ok` example. */
  messages?: readonly string[]
  /** The file after `--fix`, for fixable rules. */
  fixed?: string
}

export interface RuleExamples<Options = Record<string, unknown>> {
  ok: ReadonlyArray<Example<Options>>
  notOk: ReadonlyArray<Example<Options>>
}

/** What a rule's check receives: the tree, the file (messages land on it) and the normalized options. */
export interface RuleContext<Options> {
  tree: Root
  file: VFile
  options: Options
  /** Record that a check was skipped because the data it needs (`files`, `vocabularies`) is missing. */
  skip(need: keyof LintData): void
  /** Record the keys a check that reads only a part of its data (`readsPart`) looked that part up by. */
  lookedUp(keys: Iterable<string>): void
}

/**
 * For a check that reads only some entries of the data under `keys`, what of them a file's findings
 * depend on: `part` of the data, given the keys the check looked up (`lookedUp`). The keys follow from
 * the file and the rule's options, and from the data only through what the part holds: with the same
 * part, the check would look up the same keys and find the same. A cache keeps the keys with the
 * file's findings, so an unchanged file whose part is unchanged need not be linted again.
 */
export interface DataPart {
  keys: ReadonlyArray<keyof LintData>
  part(data: LintData, lookups: readonly string[]): unknown
}

/** A rule: its metadata and examples, and the unified plugin that runs it. */
export interface Rule<Options = Record<string, unknown>> {
  id: string
  description: string
  severity: Exclude<Severity, 'off'>
  fixable: boolean
  url: string
  defaults: Options
  examples: RuleExamples<Options>
  /** The data the check reads: a file's findings are found again when any of it changes (none: the file alone). */
  reads: ReadonlyArray<keyof LintData>
  readsPart?: DataPart | undefined
  plugin: Plugin<[RuleSetting<Options>?], Root>
}

interface RuleDefinition<Options> {
  /** Kebab-case id, equal to the rule's file name. */
  id: string
  /** One line: what the rule reports. */
  description: string
  /** Severity when the configuration names none. */
  severity: Exclude<Severity, 'off'>
  fixable?: boolean
  defaults: Options
  examples: RuleExamples<Options>
  /** The data the check reads (`lintData`), none by default; a test holds every rule to it. */
  reads?: ReadonlyArray<keyof LintData>
  readsPart?: DataPart
  check(context: RuleContext<Options>): void
}

/** Where the rules are documented: one section per rule, anchored by its id. */
export const docsBase = 'packages/lint/README.md'

const levels = {off: 0, warn: 1, error: 2} as const

/** Create a rule: one place for the source name, rule id, docs URL, severity and options. */
export function createRule<Options extends object>(definition: RuleDefinition<Options>): Rule<Options> {
  const url = `${docsBase}#${definition.id}`
  const run = lintRule<Root, Options>({origin: `${messageSource}:${definition.id}`, url}, (tree, file, options) => {
    ;(file.data.fmrlRulesRun ??= new Set()).add(definition.id)
    const skip = (need: keyof LintData) => void (file.data.fmrlSkipped ??= new Map()).set(definition.id, need)
    const lookedUp = (keys: Iterable<string>) => {
      const lookups = (file.data.fmrlLookups ??= new Map())
      const known = lookups.get(definition.id) ?? new Set()
      for (const key of keys) known.add(key)
      lookups.set(definition.id, known)
    }
    definition.check({tree, file, options: options ?? definition.defaults, skip, lookedUp})
  })
  const plugin: Plugin<[RuleSetting<Options>?], Root> = function (setting) {
    const [severity, options] = normalizeSetting(setting, definition.severity)
    return run.call(this, [levels[severity], {...definition.defaults, ...options}])
  }
  Object.defineProperty(plugin, 'name', {value: definition.id})
  const {check: _check, ...meta} = definition
  return {...meta, fixable: definition.fixable ?? false, reads: definition.reads ?? [], url, plugin}
}

declare module 'vfile' {
  interface DataMap {
    /** The ids of the rules that ran on the file so far (a rule that is off does not run). */
    fmrlRulesRun: Set<string>
    /** Rules that skipped a check for want of data, and the data each needed. */
    fmrlSkipped: globalThis.Map<string, keyof LintData>
    /** The keys each rule with a `readsPart` looked its part of the data up by. */
    fmrlLookups: globalThis.Map<string, globalThis.Set<string>>
  }
}

/** Whether a rule ran on the file before this point: rules run in the order of `rules`. */
export function ranBefore(file: VFile, ruleId: string): boolean {
  return file.data.fmrlRulesRun?.has(ruleId) ?? false
}

/** Turn any accepted setting into a severity and options. */
export function normalizeSetting<Options>(setting: RuleSetting<Options> | undefined, fallback: Severity): [Severity, Partial<Options>] {
  if (setting === undefined) return [fallback, {}]
  if (typeof setting === 'string') return [setting, {}]
  if (Array.isArray(setting)) return [setting[0] as Severity, (setting[1] ?? {}) as Partial<Options>]
  return [fallback, setting as Partial<Options>]
}

/** Extra fields of one finding. */
export interface ReportExtra {
  fix?: Fix
  /** The related place, such as where a duplicate was first listed. */
  cause?: {reason: string; place: Position | undefined; file?: string}
  actual?: string
  expected?: string[]
}

/** Report a finding at a node or position (nothing positional when it has none). */
export function report(file: VFile, reason: string, at: Node | Position | undefined, extra: ReportExtra = {}): LintMessage {
  const place = at && 'type' in at ? at.position : at
  const cause = extra.cause && new VFileMessage(extra.cause.reason, {place: extra.cause.place, source: messageSource})
  if (cause && extra.cause?.file) cause.file = extra.cause.file
  const message: LintMessage = file.message(reason, {place, ...(cause ? {cause} : {})})
  if (extra.fix) message.fix = extra.fix
  if (extra.actual !== undefined) message.actual = extra.actual
  if (extra.expected) message.expected = extra.expected
  return message
}

/** A fix replacing a whole node's source, or undefined when the node has no offsets. */
export function replaceNode(node: Node, replacement: string): Fix | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  return start === undefined || end === undefined ? undefined : {start, end, replacement}
}
