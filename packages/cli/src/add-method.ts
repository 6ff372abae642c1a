import {
  Url,
  formatCitation,
  noValue,
  parseCitation,
  symbolAttributes,
  type Method,
  type Reference,
  type Role,
  type Survey,
  type SymbolAttribute
} from '@fmrl/model'
import {lookupTerm, quoteList, splitCommaList, splitList, type SourceMap} from '@fmrl/parser'

/** The fields `fmrl add` takes, as flags or prompt answers: plain text, lists comma-separated. */
export interface AddFields {
  role?: string
  category?: string
  name?: string
  citation?: string
  models?: string
  ft?: string
  fmRoles?: string
  rlAgent?: string
  rlTask?: string
  rlSetting?: string
  rlRoles?: string
  metrics?: string
  code?: string
  paper?: string
  /** Only used when the citation has no reference yet. */
  authors?: string
  title?: string
  venue?: string
}

/** The fields every method needs (code and paper default to `-`), in the order prompts ask them. */
export const requiredFields = ['role', 'category', 'name', 'citation', 'models', 'ft', 'fmRoles', 'rlAgent', 'rlTask', 'rlSetting', 'rlRoles', 'metrics'] as const

/** The flag that sets a field: `fmRoles` is `--fm-roles`. */
export const flagOf = (field: keyof AddFields) => `--${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`

/** A method read from the fields (with a new reference when its citation needs one), or what is wrong with them. */
export type MethodFromFields = {method: Method; reference: Reference | undefined; problems: []} | {method: undefined; reference: undefined; problems: string[]}

/** Read and check the fields against the taxonomy, the vocabularies and the references. */
export function methodFromFields(survey: Survey, fields: AddFields): MethodFromFields {
  const missing = requiredFields.filter((field) => !fields[field]?.trim())
  if (missing.length > 0) return failed([`Unexpected missing ${quoteList(missing.map(flagOf))}, expected a value for each (or run \`fmrl add\` on a terminal to be asked)`])
  const problems: string[] = []
  const role = survey.taxonomy.find((candidate) => candidate.id === fields.role || candidate.name === fields.role)
  if (!role) problems.push(`Unexpected role \`${fields.role}\` for --role, expected one of ${quoteList(survey.taxonomy.map((candidate) => candidate.id))}`)
  const category = role && findCategory(role, fields.category!)
  if (role && !category) problems.push(`Unexpected category \`${fields.category}\` for --category, expected one of ${quoteList(role.categories.map((candidate) => candidate.id))} (the categories of \`${role.id}\`)`)
  const citation = parseCitation(fields.citation!)
  if (!citation) problems.push(`Unexpected citation \`${fields.citation}\` for --citation, expected short authors and a year such as \`Zhang et al., 2023a\``)
  const symbols = Object.fromEntries(symbolAttributes.map((attribute) => [attribute.key, readSymbols(survey, attribute, fields[attribute.key]!, problems)]))
  const code = readUrl(fields.code, '--code', problems)
  const paper = readUrl(fields.paper, '--paper', problems)
  const reference = citation && readReference(survey, fields, problems)
  if (problems.length > 0 || !role || !category || !citation) return failed(problems)
  const method: Method = {
    name: fields.name!.trim(),
    citation,
    role: role.id,
    category: category.id,
    models: splitCommaList(fields.models!),
    ...(symbols as Pick<Method, SymbolAttribute['key']>),
    code,
    paper,
    venue: reference?.venue ?? null
  }
  return {method, reference: reference?.isNew ? reference.value : undefined, problems: []}
}

const failed = (problems: string[]): MethodFromFields => ({method: undefined, reference: undefined, problems})

function findCategory(role: Role, text: string) {
  return role.categories.find((candidate) => candidate.id === text || candidate.name === text)
}

function readSymbols(survey: Survey, attribute: SymbolAttribute, text: string, problems: string[]): string | string[] {
  const vocabulary = survey.vocabularies.find((candidate) => candidate.id === attribute.vocabulary)!
  const items = attribute.list ? splitList(text) : [text.trim()]
  const symbols = items.flatMap((item) => {
    const term = lookupTerm(vocabulary, item)
    if (term) return [term.symbol]
    problems.push(`Unexpected symbol \`${item}\` for ${flagOf(attribute.key)}, expected one of ${quoteList(vocabulary.terms.map((known) => known.symbol))}; add it to content/legend.md to allow it`)
    return []
  })
  return attribute.list ? symbols : symbols[0] ?? ''
}

function readUrl(text: string | undefined, flag: string, problems: string[]): string | null {
  if (text === undefined || text.trim() === '' || text.trim() === noValue) return null
  if (Url.safeParse(text.trim()).success) return text.trim()
  problems.push(`Unexpected ${flag} \`${text}\`, expected an http(s) URL or \`-\``)
  return null
}

/** The reference the citation points to; a new one from --authors, --title and --venue when there is none. */
function readReference(survey: Survey, fields: AddFields, problems: string[]): {value: Reference; isNew: boolean; venue: string} | undefined {
  const citation = parseCitation(fields.citation!)!
  const known = survey.references.find((reference) => formatCitation(reference.citation) === formatCitation(citation))
  if (known) return {value: known, isNew: false, venue: known.venue}
  const missing = (['authors', 'title', 'venue'] as const).filter((field) => !fields[field]?.trim())
  if (missing.length > 0) {
    problems.push(`Unexpected citation \`${formatCitation(citation)}\` without a reference in content/references.md, expected ${quoteList(missing.map(flagOf))} to add one`)
    return undefined
  }
  const value: Reference = {citation, authors: fields.authors!.trim(), title: fields.title!.trim(), venue: fields.venue!.trim()}
  return {value, isNew: true, venue: value.venue}
}

/** The method already listed under the same normalized name or the same citation, with its place. */
export function findDuplicate(survey: Survey, sources: SourceMap, method: Method): string | undefined {
  const key = (name: string) => name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
  const index = survey.methods.findIndex((known) => key(known.name) === key(method.name) || formatCitation(known.citation) === formatCitation(method.citation))
  if (index === -1) return undefined
  const known = survey.methods[index]!
  const same = key(known.name) === key(method.name) ? 'same name' : `same citation \`${formatCitation(known.citation)}\``
  const place = sources.get(`/methods/${index}/name`)
  return `Unexpected duplicate \`${method.name}\`, expected a method content/ does not list yet: ${place ? `${place.file}:${place.line}:${place.column}` : 'content/'} has \`${known.name}\` (${same}); edit that row instead`
}
