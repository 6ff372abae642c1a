import type {VFile} from 'vfile'
import type {LintData} from './data.js'
import type {LintSettings} from './remark.js'
import {rules} from './registry.js'
import {normalizeSetting} from './rule.js'

/** The keys each rule that reads a part of its data looked it up by, in a file just linted (what a cache keeps with its findings). */
export type Lookups = Readonly<Record<string, readonly string[]>>

/** The lookups of a file after `lintFile` or `lintTree`: by rule id, sorted. */
export function findingsLookups(file: VFile): Lookups {
  return Object.fromEntries([...(file.data.fmrlLookups ?? [])].map(([ruleId, keys]) => [ruleId, [...keys].sort()]))
}

/** The rules a configuration leaves on. */
function rulesOn(settings: LintSettings) {
  return rules.filter((rule) => normalizeSetting(settings.rules?.[rule.id], rule.severity)[0] !== 'off')
}

// JSON of Maps and Sets (sources, lookups) as their entries.
const entries = (_: string, value: unknown) => (value instanceof Map || value instanceof Set ? [...value] : value)

const wholeInputs = new WeakMap<LintSettings, string>()

/**
 * What a file's findings depend on besides its text and path, as JSON text (for a cache to hash):
 * every rule's setting, the data the rules that are on read (`reads`), and of the data a rule reads
 * only in part (`readsPart`), the part its lookups in this file select. Equal inputs for the same text
 * give equal findings: a row edited in content/ changes the inputs of the files that name its method,
 * not those of every file. The part read whole is made once per settings object.
 */
export function findingsInputs(settings: LintSettings, lookups: Lookups): string {
  const on = rulesOn(settings)
  let whole = wholeInputs.get(settings)
  if (whole === undefined) {
    const keys = new Set(on.flatMap((rule) => rule.reads.filter((key) => !rule.readsPart?.keys.includes(key))))
    const data: LintData = settings.data ?? {}
    whole = JSON.stringify([settings.rules ?? {}, [...keys].sort().map((key) => [key, data[key] ?? null])], entries)
    wholeInputs.set(settings, whole)
  }
  const parts = on.flatMap((rule) => (rule.readsPart ? [[rule.id, rule.readsPart.part(settings.data ?? {}, lookups[rule.id] ?? [])]] : []))
  return JSON.stringify([whole, parts], entries)
}
