import {formatCitation, methodColumn, nameKey, parseCitation, type ColumnKey, type Method, type Reference, type Role, type Survey} from '@fmrl/model'
import type {PlaceLookup} from './content/source-map.js'
import {quoteList} from './diagnostics.js'

/** The fields of one method as a person types them (flags or prompt answers): plain text, lists comma-separated. */
export interface MethodFields {
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
export const flagOf = (field: keyof MethodFields) => `--${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`

/** A method read from the fields (with a new reference when its citation needs one), or what is wrong with them. */
export type MethodFromFields = {method: Method; reference: Reference | undefined; problems: []} | {method: undefined; reference: undefined; problems: string[]}

const columnFields = ['name', 'citation', 'models', 'ft', 'fmRoles', 'rlAgent', 'rlTask', 'rlSetting', 'rlRoles', 'metrics', 'code', 'paper'] as const satisfies readonly ColumnKey[]

/**
 * Read and check the fields against the taxonomy, the vocabularies and the references. Each field is
 * read by its column's codec, exactly as a cell of content/ would be.
 */
export function parseMethodFields(survey: Survey, fields: MethodFields): MethodFromFields {
  const missing = requiredFields.filter((field) => !fields[field]?.trim())
  if (missing.length > 0) return failed([`Unexpected method without ${quoteList(missing.map(flagOf))}, expected a value for each (or run \`fmrl add\` on a terminal to be asked)`])
  const problems: string[] = []
  const role = survey.taxonomy.find((candidate) => candidate.id === fields.role || candidate.name === fields.role)
  if (!role) problems.push(`Unexpected role \`${fields.role}\` for --role, expected one of ${quoteList(survey.taxonomy.map((candidate) => candidate.id))}`)
  const category = role && findCategory(role, fields.category!)
  if (role && !category) problems.push(`Unexpected category \`${fields.category}\` for --category, expected one of ${quoteList(role.categories.map((candidate) => candidate.id))} (the categories of \`${role.id}\`)`)
  const values: Partial<Method> = {code: null, paper: null}
  for (const key of columnFields) {
    const written = fields[key]?.trim()
    if (written === undefined || written === '') continue
    const read = methodColumn(key).decode({text: written, links: []}, {vocabularies: survey.vocabularies})
    if (read.ok) Object.assign(values, read.value)
    else problems.push(read.problem.reason.replace(/in column `[^`]+`/, `for ${flagOf(key)}`))
  }
  const reference = values.citation && readReference(survey, values.citation, fields, problems)
  if (problems.length > 0 || !role || !category || !values.citation) return failed(problems)
  const method = {...values, role: role.id, category: category.id, venue: reference?.value.venue ?? null} as Method
  return {method, reference: reference?.isNew ? reference.value : undefined, problems: []}
}

const failed = (problems: string[]): MethodFromFields => ({method: undefined, reference: undefined, problems})

function findCategory(role: Role, text: string) {
  return role.categories.find((candidate) => candidate.id === text || candidate.name === text)
}

/** The reference the citation points to; a new one from --authors, --title and --venue when there is none. */
function readReference(survey: Survey, citation: Method['citation'], fields: MethodFields, problems: string[]): {value: Reference; isNew: boolean} | undefined {
  const known = survey.references.find((reference) => formatCitation(reference.citation) === formatCitation(citation))
  if (known) return {value: known, isNew: false}
  const missing = (['authors', 'title', 'venue'] as const).filter((field) => !fields[field]?.trim())
  if (missing.length > 0) {
    problems.push(`Unexpected citation \`${formatCitation(citation)}\` without a reference in content/references.md, expected ${quoteList(missing.map(flagOf))} to add one`)
    return undefined
  }
  return {value: {citation, authors: fields.authors!.trim(), title: fields.title!.trim(), venue: fields.venue!.trim()}, isNew: true}
}

/**
 * The method already listed under the same name (by the one name key: case, accents and punctuation
 * do not matter) or the same citation, with its place; undefined when the method is new.
 */
export function findDuplicateMethod(survey: Survey, sources: PlaceLookup, method: Method): string | undefined {
  const index = survey.methods.findIndex((known) => nameKey(known.name) === nameKey(method.name) || formatCitation(known.citation) === formatCitation(method.citation))
  if (index === -1) return undefined
  const known = survey.methods[index]!
  const same = nameKey(known.name) === nameKey(method.name) ? 'same name' : `same citation \`${formatCitation(known.citation)}\``
  const place = sources.get(`/methods/${index}/name`)
  return `Unexpected duplicate \`${method.name}\`, expected a method content/ does not list yet: ${place ? `${place.file}:${place.line}:${place.column}` : 'content/'} has \`${known.name}\` (${same}); edit that row instead`
}

/** Whether `parseCitation` reads a text: what prompts validate an answer with. */
export const isCitation = (text: string): boolean => parseCitation(text) !== undefined
