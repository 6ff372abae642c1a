import {formatCitation, parseCitation, symbolAttributes, vocabularyColumns, type Survey, type SymbolAttribute} from '@fmrl/model'
import type {MethodFields} from '@fmrl/parser'

interface Choice {
  name: string
  value: string
  description?: string
}

/** The three prompt kinds `fmrl add` uses, shaped like @inquirer/prompts (tests pass scripted answers). */
export interface Asker {
  select(config: {message: string; choices: Choice[]}): Promise<string>
  checkbox(config: {message: string; choices: Choice[]; required: boolean}): Promise<string[]>
  input(config: {message: string; default?: string; validate?: (value: string) => boolean | string}): Promise<string>
}

const required = (value: string) => value.trim() !== '' || 'Expected a value'

/** Ask for every field the flags did not give, with choices from the taxonomy and the vocabularies. */
export async function askFields(survey: Survey, given: MethodFields, ask: Asker): Promise<MethodFields> {
  const fields: MethodFields = {...given}
  fields.role ??= await ask.select({message: 'Role', choices: survey.taxonomy.map((role) => ({name: role.name, value: role.id, description: role.description}))})
  const role = survey.taxonomy.find((candidate) => candidate.id === fields.role || candidate.name === fields.role)
  fields.category ??= await ask.select({
    message: 'Category',
    choices: (role?.categories ?? []).map((category) => ({name: category.name, value: category.id, description: category.description}))
  })
  fields.name ??= await ask.input({message: 'Method name', validate: required})
  fields.citation ??= await ask.input({
    message: 'Citation (short authors, year)',
    validate: (value) => parseCitation(value) !== undefined || 'Expected short authors and a year such as Zhang et al., 2023a'
  })
  fields.models ??= await ask.input({message: 'Model(s), comma-separated', validate: required})
  for (const attribute of symbolAttributes) fields[attribute.key] ??= await askSymbols(survey, attribute, ask)
  fields.code ??= await ask.input({message: 'Code URL (- when none)', default: '-'})
  fields.paper ??= await ask.input({message: 'Paper URL (- when none)', default: '-'})
  const citation = parseCitation(fields.citation)
  if (citation && !survey.references.some((reference) => formatCitation(reference.citation) === formatCitation(citation))) {
    fields.authors ??= await ask.input({message: `Authors of ${formatCitation(citation)}, as the reference list prints them`, validate: required})
    fields.title ??= await ask.input({message: 'Paper title', validate: required})
    fields.venue ??= await ask.input({message: 'Venue', validate: required})
  }
  return fields
}

async function askSymbols(survey: Survey, attribute: SymbolAttribute, ask: Asker): Promise<string> {
  const vocabulary = survey.vocabularies.find((candidate) => candidate.id === attribute.vocabulary)
  const choices = (vocabulary?.terms ?? []).map((term) => ({name: `${term.symbol}: ${term.meaning}`, value: term.symbol}))
  const message = vocabularyColumns[attribute.vocabulary]
  return attribute.list ? (await ask.checkbox({message, choices, required: true})).join(', ') : ask.select({message, choices})
}

/** The terminal prompts, loaded only when `fmrl add` runs on a terminal (they are slow to import). */
export async function loadAsker(): Promise<Asker> {
  const {checkbox, input, select} = await import('@inquirer/prompts')
  return {checkbox, input, select}
}
