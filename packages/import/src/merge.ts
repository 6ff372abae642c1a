import {urlKey} from '@fmrl/lint'
import {formatCitation, nameKey, type MethodDraft, type SurveyDraft} from '@fmrl/model'
import type {FileImport} from './import.js'
import type {Origin} from './state.js'

/** Two values for one attribute of one entry: the target's and the list's. */
export interface Conflict {
  file: string
  line: number
  column: number
  /** `method AGILE`, `reading-list entry "…"`, `metadata`. */
  entry: string
  attribute: string
  existing: string
  incoming: string
  kept: 'existing' | 'incoming'
}

/** The merged draft, the conflicts found, and what the lists added or linked. */
export interface MergeResult {
  draft: SurveyDraft
  conflicts: Conflict[]
  /** A reading-list entry that is a survey method: linked to it, not listed as a second paper. */
  linked: Array<{entry: string; method: string}>
  /** Values left out because the list contradicts itself (one paper URL for two titles). */
  leftOut: Array<{file: string; line: number; column: number; what: string; reason: string}>
  added: {methods: number; datasets: number; readingList: number; environments: number}
}

export interface MergeOptions {
  /** Keep the list's value where it differs from the target's (`--prefer incoming`); by default the target's is kept. */
  preferIncoming?: boolean
}

const shown = (value: unknown): string => {
  if (value === null || value === undefined) return '-'
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' && item && 'name' in item ? String((item as {name: unknown}).name) : shown(item))).join(', ')
  if (typeof value === 'object' && 'authors' in (value as object) && 'year' in (value as object)) return formatCitation(value as Parameters<typeof formatCitation>[0])
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Whether what a list says agrees with what is known: equal, or saying less (an author without the
 * affiliations a list never gives, a paper whose list states no venue where `nullIsUnknown`).
 */
function covers(known: unknown, incoming: unknown, nullIsUnknown: boolean): boolean {
  if (same(known, incoming) || incoming === undefined || (nullIsUnknown && incoming === null)) return true
  if (Array.isArray(known) && Array.isArray(incoming)) return incoming.length === 0 || (known.length === incoming.length && incoming.every((item, index) => covers(known[index], item, nullIsUnknown)))
  if (known && incoming && typeof known === 'object' && typeof incoming === 'object' && !Array.isArray(incoming)) {
    return Object.entries(incoming).every(([key, value]) => covers((known as Record<string, unknown>)[key], value, nullIsUnknown))
  }
  return false
}
const keyOf = (url: string | null | undefined) => (url ? urlKey(url) : undefined)

/**
 * Merge what lists give into the target: an entry matches by name (methods, datasets, environments),
 * by its paper (normalised URL, arXiv id in any form, DOI) or by its normalised title. A value the
 * target lacks is filled in; a value that differs is a conflict, reported per attribute and resolved
 * by `preferIncoming`. A reading-list paper that is a survey method is linked to the method.
 * Merging the same lists again changes nothing.
 */
export function mergeImports(target: SurveyDraft, imports: readonly FileImport[], options: MergeOptions = {}): MergeResult {
  const draft = structuredClone(target)
  const result: MergeResult = {draft, conflicts: [], linked: [], leftOut: [], added: {methods: 0, datasets: 0, readingList: 0, environments: 0}}
  for (const {state} of imports) {
    mergeTaxonomy(draft, state.taxonomy, state.vocabularies)
    // A related list has a title and a BibTeX of its own: only a list of the survey's methods speaks for its metadata.
    if (state.methods.length > 0 || Object.keys(draft.metadata).length === 0) {
      fill(result, options, draft.metadata as Record<string, unknown>, state.draft.metadata as Record<string, unknown>, 'metadata', {file: state.file, position: undefined})
    }
    for (const section of state.draft.sections) if (!draft.sections.some((known) => known.id === section.id)) draft.sections.push(section)
    for (const {method, places} of state.methods) mergeMethod(result, options, method, places)
    state.draft.datasets.forEach((dataset, index) => mergeEntry(result, options, draft.datasets, dataset, state.places.datasets[index]!, 'dataset', (known) => nameKey(known.name ?? '') === nameKey(dataset.name ?? '') || (keyOf(known.url) !== undefined && keyOf(known.url) === keyOf(dataset.url)), 'datasets'))
    for (const list of state.draft.relatedLists) mergeEntry(result, options, draft.relatedLists, list, {file: state.file, position: undefined}, 'related list', (known) => known.id === list.id)
    state.draft.readingList.forEach((entry, index) => mergeReading(result, options, entry, state.places.readingList[index]!))
    state.draft.environments.forEach((environment, index) => mergeEntry(result, options, draft.environments, environment, state.places.environments[index]!, 'environment', (known) => nameKey(known.name ?? '') === nameKey(environment.name ?? '') || (keyOf(known.url) !== undefined && keyOf(known.url) === keyOf(environment.url)), 'environments'))
  }
  addReferences(draft)
  return result
}

/** Roles, categories and legend terms an import into an empty target learned. */
function mergeTaxonomy(draft: SurveyDraft, taxonomy: SurveyDraft['taxonomy'], vocabularies: SurveyDraft['vocabularies']): void {
  for (const role of taxonomy) {
    const known = draft.taxonomy.find((candidate) => candidate.id === role.id)
    if (!known) draft.taxonomy.push(structuredClone(role))
    else for (const category of role.categories) if (!known.categories.some((candidate) => candidate.id === category.id)) known.categories.push(structuredClone(category))
  }
  for (const vocabulary of vocabularies) {
    const known = draft.vocabularies.find((candidate) => candidate.id === vocabulary.id)
    if (!known) draft.vocabularies.push(structuredClone(vocabulary))
    else for (const term of vocabulary.terms) if (!known.terms.some((candidate) => candidate.symbol === term.symbol)) known.terms.push(structuredClone(term))
  }
}

/** Fill what the known entry lacks; a differing value is a conflict. */
function fill(result: MergeResult, options: MergeOptions, known: Record<string, unknown>, incoming: Record<string, unknown>, entry: string, origin: Origin, places?: Map<string, Origin>, nullIsUnknown = false): void {
  for (const [attribute, value] of Object.entries(incoming)) {
    // The name (or title) matched the entry: another spelling of it is the same entry, not a conflict.
    if (value === undefined || (entry !== 'metadata' && (attribute === 'name' || attribute === 'title'))) continue
    const current = known[attribute]
    if (current === undefined || (current === null && nullIsUnknown) || (Array.isArray(current) && current.length === 0 && Array.isArray(value))) {
      known[attribute] = structuredClone(value)
      continue
    }
    if (covers(current, value, nullIsUnknown)) continue
    const place = places?.get(attribute) ?? origin
    const kept = options.preferIncoming ? 'incoming' : 'existing'
    result.conflicts.push({
      file: place.file,
      line: place.position?.start.line ?? 1,
      column: place.position?.start.column ?? 1,
      entry,
      attribute,
      existing: shown(current),
      incoming: shown(value),
      kept
    })
    if (kept === 'incoming') known[attribute] = structuredClone(value)
  }
}

function mergeMethod(result: MergeResult, options: MergeOptions, method: MethodDraft, places: Map<string, Origin>): void {
  const methods = result.draft.methods
  const paper = keyOf(method.paper)
  const known = methods.find((candidate) => nameKey(candidate.name) === nameKey(method.name)) ?? (paper ? methods.find((candidate) => keyOf(candidate.paper) === paper) : undefined)
  const origin = places.get('name') ?? {file: '', position: undefined}
  if (!known) {
    methods.push(structuredClone(method))
    result.added.methods++
    return
  }
  fill(result, options, known as Record<string, unknown>, method as Record<string, unknown>, `method ${known.name}`, origin, places)
}

function mergeEntry<T extends object>(result: MergeResult, options: MergeOptions, entries: T[], incoming: T, origin: Origin, what: string, matches: (known: T) => boolean, counter?: keyof MergeResult['added']): void {
  const known = entries.find(matches)
  if (!known) {
    entries.push(structuredClone(incoming))
    if (counter) result.added[counter]++
    return
  }
  const name = (incoming as {name?: string; title?: string; id?: string}).name ?? (incoming as {title?: string}).title ?? (incoming as {id?: string}).id ?? ''
  fill(result, options, known as Record<string, unknown>, incoming as Record<string, unknown>, `${what} ${name}`, origin, undefined, what !== 'dataset')
}

/** A paper of a reading list: matched by its paper or title; linked to the survey method it is; never a second owner of another paper's URL. */
function mergeReading(result: MergeResult, options: MergeOptions, incoming: SurveyDraft['readingList'][number], origin: Origin): void {
  const entries = result.draft.readingList
  const entry = structuredClone(incoming)
  const paper = keyOf(entry.url)
  const title = nameKey(entry.title ?? '')
  const known = entries.find((candidate) => (paper !== undefined && keyOf(candidate.url) === paper && nameKey(candidate.title ?? '') === title) || nameKey(candidate.title ?? '') === title)
  const owner = paper === undefined ? undefined : entries.find((candidate) => candidate !== known && keyOf(candidate.url) === paper && nameKey(candidate.title ?? '') !== title)
  if (owner) {
    // Two titles, one paper: the list links this entry to another paper's page. The first keeps it.
    result.leftOut.push({file: origin.file, line: origin.position?.start.line ?? 1, column: origin.position?.start.column ?? 1, what: `the URL of "${entry.title}"`, reason: `\`${entry.url}\` is already the paper of "${owner.title}": left out (\`-\`), expected each paper its own link`})
    entry.url = null
  }
  const method = paper === undefined ? undefined : result.draft.methods.find((candidate) => keyOf(candidate.paper) === paper)
  if (method && !owner) {
    entry.method = method.name
    result.linked.push({entry: entry.title ?? '', method: method.name})
  }
  if (!known) {
    entries.push(entry)
    result.added.readingList++
    return
  }
  fill(result, options, known as Record<string, unknown>, entry as Record<string, unknown>, `reading-list entry "${known.title}"`, origin, undefined, true)
}

/** Each method's citation needs a reference; one the list only cites gets a reference to be completed. */
function addReferences(draft: SurveyDraft): void {
  for (const method of draft.methods) {
    if (!method.citation) continue
    const citation = formatCitation(method.citation)
    if (!draft.references.some((reference) => reference.citation && formatCitation(reference.citation) === citation)) draft.references.push({citation: method.citation})
  }
}
