import type {Rule} from './rule.js'
import {canonicalUrlRule} from './rules/canonical-url.js'
import {noDeadAnchor} from './rules/no-dead-anchor.js'
import {noEmptyLink} from './rules/no-empty-link.js'
import {noMalformedUrl} from './rules/no-malformed-url.js'
import {noMissingFile} from './rules/no-missing-file.js'
import {noMojibake} from './rules/no-mojibake.js'
import {noUnknownSymbol} from './rules/no-unknown-symbol.js'
import {legendCoverage} from './rules/legend-coverage.js'
import {citationFormat} from './rules/citation-format.js'
import {citationYear} from './rules/citation-year.js'
import {consistentValues} from './rules/consistent-values.js'
import {countClaim} from './rules/count-claim.js'
import {memberListRule} from './rules/member-list.js'
import {noDuplicateMethod} from './rules/no-duplicate-method.js'
import {noDuplicateTitle} from './rules/no-duplicate-title.js'
import {noDuplicateUrl} from './rules/no-duplicate-url.js'
import {noUndefinedReference} from './rules/no-undefined-reference.js'
import {noUnusedDefinition} from './rules/no-unused-definition.js'
import {preferHttps} from './rules/prefer-https.js'

/** Every rule, in the order the docs list them. */
export const rules: ReadonlyArray<Rule<any>> = [
  // Links
  noEmptyLink,
  noMalformedUrl,
  // Before prefer-https, which leaves the URLs canonical-url reports (over https) alone.
  canonicalUrlRule,
  preferHttps,
  noDeadAnchor,
  noMissingFile,
  noUndefinedReference,
  noUnusedDefinition,
  // Symbols
  noUnknownSymbol,
  noMojibake,
  legendCoverage,
  // Duplicates
  noDuplicateMethod,
  noDuplicateUrl,
  noDuplicateTitle,
  // Consistency
  citationFormat,
  citationYear,
  memberListRule,
  countClaim,
  consistentValues
]

/** Every rule id. */
export const ruleIds: readonly string[] = rules.map((rule) => rule.id)
