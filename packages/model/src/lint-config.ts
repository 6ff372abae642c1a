import {z} from 'zod'

/** How much a lint finding matters: `off` skips the rule, `warn` prints, `error` also fails `fmrl lint`. */
export const LintSeverity = z.enum(['off', 'warn', 'error']).meta({description: 'off: skip the rule; warn: report it; error: report it and fail'})
export type LintSeverity = z.infer<typeof LintSeverity>

const noOptions = z.object({}).strict()

/** A rule's setting: a severity, or a severity and the rule's options. */
function setting<Options extends z.ZodType>(options: Options) {
  return z.union([LintSeverity, z.tuple([LintSeverity, options.optional()])])
}

/** Every lint rule with the options it takes; the lint package checks that these ids are its rules. */
export const LintRules = z
  .object({
    'no-empty-link': setting(noOptions).optional(),
    'no-malformed-url': setting(noOptions).optional(),
    'prefer-https': setting(z.object({hosts: z.array(z.string().min(1)).meta({description: 'Hosts (and their subdomains) known to serve https'})}).partial().strict()).optional(),
    'canonical-url': setting(noOptions).optional(),
    'no-dead-anchor': setting(noOptions).optional(),
    'no-missing-file': setting(noOptions).optional(),
    'no-undefined-reference': setting(noOptions).optional(),
    'no-unused-definition': setting(noOptions).optional(),
    'no-unknown-symbol': setting(noOptions).optional(),
    'no-mojibake': setting(noOptions).optional(),
    'legend-coverage': setting(noOptions).optional(),
    'no-duplicate-method': setting(noOptions).optional(),
    'no-duplicate-url': setting(noOptions).optional(),
    'no-duplicate-title': setting(z.object({threshold: z.number().min(0).max(1).meta({description: 'Similarity from which two titles count as near-identical (default 0.9)'})}).partial().strict()).optional(),
    'citation-format': setting(noOptions).optional(),
    'citation-year': setting(noOptions).optional(),
    'member-list': setting(noOptions).optional(),
    'count-claim': setting(noOptions).optional(),
    'consistent-values': setting(noOptions).optional()
  })
  .strict()
  .meta({description: 'Severity (and options) per rule id; a rule not named here runs at its default severity'})
export type LintRules = z.infer<typeof LintRules>

/** The ids of every lint rule. */
export const lintRuleIds = Object.keys(LintRules.shape)

/** The `fmrl lint` configuration file (`fmrl.config.json` at the repository root). */
export const LintConfig = z
  .object({
    $schema: z.string().optional().meta({description: 'The JSON Schema of this file, for editors'}),
    rules: LintRules.default({}),
    crossListings: z.array(z.string().min(1)).default([]).meta({description: 'Method names allowed in more than one section'}),
    ignoreUrls: z.array(z.string().min(1)).default([]).meta({description: 'URLs no URL rule reports; an entry ending in * is a prefix'})
  })
  .strict()
  .meta({title: 'fmrl lint configuration', description: 'Severity and options per lint rule, allowed cross-listings and ignored URLs'})
export type LintConfig = z.infer<typeof LintConfig>

/** The JSON Schema of the lint configuration, for editors. */
export function lintConfigJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(LintConfig, {target: 'draft-2020-12', io: 'input'}) as Record<string, unknown>
}
