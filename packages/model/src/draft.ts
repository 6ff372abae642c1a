import type {Method} from './method.js'
import type {Environment, ReadingEntry, RelatedList} from './reading-list.js'
import type {Dataset, Metadata, Reference, Section} from './survey.js'
import type {Role} from './taxonomy.js'
import type {Vocabulary} from './vocabulary.js'

/**
 * A method as far as it is known: a hand-kept list states some attributes and not others (the
 * survey's README shows no FM role). `fmrl import` builds drafts, content/ can hold them (a cell left
 * empty), and `fmrl build` names every value still missing before it renders anything.
 */
export type MethodDraft = Pick<Method, 'name'> & Partial<Omit<Method, 'name'>>

/** The survey as far as it is known: every entry a draft. A complete draft is a `Survey`. */
export interface SurveyDraft {
  metadata: Partial<Metadata>
  taxonomy: Role[]
  vocabularies: Vocabulary[]
  methods: MethodDraft[]
  datasets: Array<Partial<Dataset>>
  references: Array<Partial<Reference>>
  sections: Section[]
  relatedLists: Array<Partial<RelatedList>>
  readingList: Array<Partial<ReadingEntry>>
  environments: Array<Partial<Environment>>
}

/** An empty draft: what an empty content folder holds. */
export function emptyDraft(): SurveyDraft {
  return {metadata: {}, taxonomy: [], vocabularies: [], methods: [], datasets: [], references: [], sections: [], relatedLists: [], readingList: [], environments: []}
}
