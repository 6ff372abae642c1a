import {z} from 'zod'
import {RoleId} from './taxonomy.js'
import {CellString} from './text.js'

// Markdown readers (micromark) percent-encode every other character of a link destination, so
// only a URL already written this way reads back as itself.
const percentEncoded = /^(?:[!#$&-;=?-Z_a-z~]|%[\da-fA-F]{2})*$/

export const Url = z
  .url({protocol: /^https?$/})
  .regex(percentEncoded, 'Expected a percent-encoded URL: `|` as `%7C`, a space as `%20`, non-ASCII characters as their UTF-8 bytes')

/** A calendar year with four digits, as citations and datasets write it. */
export const Year = z.number().int().min(1000).max(9999)

export const Citation = z
  .object({
    authors: CellString.meta({description: 'Short authors: Feng et al., Zhang and Lu'}),
    year: Year,
    suffix: z.string().regex(/^[a-z]?$/).meta({description: 'Disambiguating letter, as in 2023a'})
  })
  .meta({description: 'A short citation such as Zhang et al., 2023a'})
export type Citation = z.infer<typeof Citation>

export const FineTuning = z.string().min(1).meta({description: 'A symbol of the ft vocabulary'})

export const Method = z
  .object({
    name: CellString,
    citation: Citation,
    role: RoleId,
    category: z.string().min(1),
    models: z.array(CellString).min(1),
    ft: FineTuning,
    fmRoles: z.array(z.string().min(1)).min(1),
    rlAgent: z.string().min(1),
    rlTask: z.string().min(1),
    rlSetting: z.string().min(1),
    rlRoles: z.array(z.string().min(1)).min(1),
    metrics: z.array(z.string().min(1)).min(1),
    code: Url.nullable(),
    paper: Url.nullable(),
    venue: z.string().nullable().meta({description: 'From the reference with the same citation, where known'})
  })
  .meta({description: 'One row of Table 1, with its place in the taxonomy'})
export type Method = z.infer<typeof Method>

/** Format a citation the way the paper prints it: `Zhang et al., 2023a`. */
export function formatCitation(citation: Citation): string {
  return `${citation.authors}, ${citation.year}${citation.suffix}`
}

/** Parse `Zhang et al., 2023a`; undefined when the text is not a short citation. */
export function parseCitation(text: string): Citation | undefined {
  const match = /^(.+?),\s*(\d{4})([a-z]?)$/.exec(text.trim())
  if (!match) return undefined
  return {authors: match[1]!, year: Number(match[2]), suffix: match[3]!}
}
