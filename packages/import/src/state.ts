import {emptyDraft, type MethodDraft, type Role, type SurveyDraft, type Vocabulary, type VocabularyId} from '@fmrl/model'
import type {Position} from 'unist'
import {Accounting} from './report.js'

/** Where an imported value came from, so a merge conflict can point at it. */
export interface Origin {
  file: string
  position: Position | undefined
}

/** A method read from a list, with the place of each attribute's cell. */
export interface ImportedMethod {
  method: MethodDraft
  places: Map<string, Origin>
}

/** What one file's import builds up: the draft it contributes, and the accounting of its input. */
export interface ImportState {
  file: string
  accounting: Accounting
  /** What the list is imported into: its taxonomy, vocabularies and methods are what rows are read against. */
  target: SurveyDraft
  /** The file's contribution; methods are kept with their places in `methods`. */
  draft: SurveyDraft
  methods: ImportedMethod[]
  /** Where each reading-list entry, environment and dataset came from, by its index in the draft. */
  places: {readingList: Origin[]; environments: Origin[]; datasets: Origin[]}
  /** The vocabularies rows are read against: the target's, grown by symbols an empty target does not define. */
  vocabularies: Vocabulary[]
  /** The taxonomy rows are placed in: the target's, grown by roles and categories an empty target lacks. */
  taxonomy: Role[]
  /** The id the file's entries credit, once it contributes any. */
  listId: string
  /** The list's title, its first heading. */
  listTitle: string | undefined
}

export function createState(file: string, target: SurveyDraft, listId: string, listTitle: string | undefined): ImportState {
  return {
    file,
    accounting: new Accounting(file),
    target,
    draft: emptyDraft(),
    methods: [],
    places: {readingList: [], environments: [], datasets: []},
    vocabularies: structuredClone(target.vocabularies),
    taxonomy: structuredClone(target.taxonomy),
    listId,
    listTitle
  }
}

/** The working vocabulary of a column, created empty when the target has none. */
export function workingVocabulary(state: ImportState, id: VocabularyId): Vocabulary {
  let vocabulary = state.vocabularies.find((candidate) => candidate.id === id)
  if (!vocabulary) {
    vocabulary = {id, description: '', terms: []}
    state.vocabularies.push(vocabulary)
  }
  return vocabulary
}
