import type {Rule} from './rule.js'
import {noMojibake} from './rules/no-mojibake.js'

/** Every rule, in the order the docs list them. */
export const rules: ReadonlyArray<Rule<any>> = [
  noMojibake
]

/** Every rule id. */
export const ruleIds: readonly string[] = rules.map((rule) => rule.id)
