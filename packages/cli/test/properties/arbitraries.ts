import {Survey as SurveySchema, Url, formatCitation, nameKey, type Environment, type Method, type ReadingEntry, type RelatedList, type Survey} from '@fmrl/model'
import fc from 'fast-check'

/** How many cases a property runs: a fixed, quick number by default; FMRL_PROPERTY_RUNS for the long run. */
export const runs = Number(process.env.FMRL_PROPERTY_RUNS ?? 60)
/** A property's time: 120 s for the default run, and room for the long run (a case takes up to about a second on two busy cores). */
export const propertyTimeout = Math.max(120_000, runs * 1_500)
/** One seed for the default run, so a failure is the same on every machine; the long run may set its own. */
export const seed = Number(process.env.FMRL_PROPERTY_SEED ?? 20261201)

// Pieces text is made of: what Markdown, HTML, LaTeX and Mermaid treat specially, and scripts beyond Latin.
const pieces = [
  'a', 'Z', '7', ' ', '|', '\\', '`', '$', '*', '_', '[', ']', '(', ')', '<', '>', '&', '#', '{', '}', '~', '^', '%', '"', "'", '!', ':', ';', ',', '.', '-', '+', '=', '/', '@',
  '🚀', '👩‍🔬', '强化学习', 'تعلم', 'למידה', 'é', 'ß', 'Ω', 'π_l', '&amp;', '<script>alert(1)</script>', '\\input{/etc/passwd}', '\\write18{touch x}', '$\\pi$', '**b**', '[t](u)', '<!--', '-->', '%%{init}%%', 'end', 'http://x.org', '\t'
]

/** One line of text as a table cell holds it: any mix of the pieces, trimmed, never empty. */
export const cellText = fc
  .array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 8})
  .map((parts) => parts.join('').replace(/\s+/g, ' ').trim())
  .filter((text) => text !== '')

// What LaTeX acts on, alone and in the shapes that would run it, read a file or form a ligature.
const latexPieces = [
  '#', '$', '%', '&', '~', '_', '^', '\\', '{', '}', '\\\\', '^^5c', '^^M', '\\input{/etc/passwd}', '\\write18{rm -rf x}', '\\immediate\\openout1=pwned', '\\catcode`\\@=11',
  '\\end{longtable}', '\\par', '\\\\[2pt]', '\\verb|x|', '--', '---', ',,', "''", '``', '!`', '?`', '<<', '>>', '"', '\\(', '\\[', 'ﬁ', '\u00a0', '\u200f', '\u0007', '\u007f', '\u0085', '\ufffd',
  '🚀', '👩‍🔬', '强化学习', '日本語', 'تعلم', 'למידה', 'Ω'
]

/** Cell text as `cellText`, with more LaTeX in it. */
export const latexText = fc
  .array(fc.constantFrom(...pieces, ...latexPieces, ...latexPieces), {minLength: 1, maxLength: 6})
  .map((parts) => parts.join('').replace(/\s+/g, ' ').trim())
  .filter((text) => text !== '')

/** Names that no other generated name shares under the one name key. */
const names = (count: number, text: fc.Arbitrary<string>) => fc.uniqueArray(text.filter((name) => nameKey(name) !== ''), {minLength: count, maxLength: count, selector: nameKey})

const url = fc.webUrl({withQueryParameters: true, withFragments: true}).filter((candidate) => Url.safeParse(candidate).success)
const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, {nil: null})

export interface SurveyShape {
  /** How many methods (default 0 to 6). */
  methods?: {min: number; max: number}
  /** The text of the methods' names, models and citations (default `cellText`). */
  text?: fc.Arbitrary<string>
  /** Whether roles and categories get generated names too (default: the real ones). */
  taxonomy?: boolean
}

/** The real survey with generated methods, references, reading-list entries and environments in place of its own. */
export function surveyArbitrary(base: Survey, {methods: count = {min: 0, max: 6}, text = cellText, taxonomy = false}: SurveyShape = {}): fc.Arbitrary<Survey> {
  const symbols = (id: string) => base.vocabularies.find((vocabulary) => vocabulary.id === id)!.terms.map((term) => term.symbol)
  const one = (id: string) => fc.constantFrom(...symbols(id))
  const some = (id: string) => fc.array(one(id), {minLength: 1, maxLength: 3})
  const categories = base.taxonomy.flatMap((role) => role.categories.map((category) => ({role: role.id, category: category.id})))
  const citation = fc.record({authors: text, year: fc.integer({min: 1000, max: 9999}), suffix: fc.constantFrom('', 'a', 'b', 'z')})
  const method = (name: string) =>
    fc.record({
      place: fc.constantFrom(...categories),
      citation,
      models: fc.array(text, {minLength: 1, maxLength: 3}),
      ft: one('ft'),
      fmRoles: some('fmRole'),
      rlAgent: one('rlAgent'),
      rlTask: one('rlTask'),
      rlSetting: one('rlSetting'),
      rlRoles: some('rlRole'),
      metrics: some('metric'),
      code: optional(url),
      paper: optional(url),
      venue: cellText,
      authors: cellText,
      title: cellText
    }).map(({place, venue, authors, title, ...rest}) => ({method: {name, ...place, ...rest, venue} as Method, reference: {citation: rest.citation, authors, title, venue}}))
  const link = fc.record({name: cellText, url: optional(url)})
  const entry = (list: string) =>
    fc.record({
      title: cellText, url: optional(url), section: fc.constantFrom('General-RL', 'VLM & RL', '强化学习'), list: fc.constant(list), authors: fc.array(cellText, {maxLength: 3}),
      venue: optional(cellText), date: optional(cellText), keywords: fc.array(cellText, {maxLength: 3}), environments: fc.array(link, {maxLength: 2}), links: fc.array(link, {maxLength: 2}),
      note: optional(cellText), overview: optional(cellText), method: fc.constant(null)
    }) satisfies fc.Arbitrary<ReadingEntry>
  const environment = (list: string) => fc.record({name: cellText, url, description: optional(cellText), image: optional(url), list: fc.constant(list)}) satisfies fc.Arbitrary<Environment>
  const relatedList = fc.record({id: fc.constantFrom('vlm-rl', 'cross-papers'), title: cellText, url: optional(url), description: cellText}) satisfies fc.Arbitrary<RelatedList>
  const roleNames = fc.uniqueArray(text, {minLength: base.taxonomy.length, maxLength: base.taxonomy.length})
  const categoryNames = fc.tuple(...base.taxonomy.map((role) => fc.uniqueArray(text, {minLength: role.categories.length, maxLength: role.categories.length})))
  return fc.integer(count).chain((size) =>
    fc.record({
      methods: names(size, text).chain((chosen) => fc.tuple(...chosen.map(method))),
      names: taxonomy ? fc.tuple(roleNames, categoryNames) : fc.constant(undefined),
      list: relatedList,
      readingList: fc.array(entry('vlm-rl'), {maxLength: 4}),
      environments: fc.array(environment('vlm-rl'), {maxLength: 3})
    })
  ).map(({methods, names: taxonomyNames, list, readingList, environments}) => {
    // One reference per citation: methods that share a citation share its reference (and venue).
    const references = new Map<string, (typeof methods)[number]['reference']>()
    for (const {reference} of methods) if (!references.has(formatCitation(reference.citation))) references.set(formatCitation(reference.citation), reference)
    const ordered = base.taxonomy.flatMap((role) => role.categories.flatMap((category) => methods.map(({method}) => method).filter((method) => method.role === role.id && method.category === category.id)))
    const [roleNames, categoryNames] = taxonomyNames ?? []
    return {
      ...base,
      taxonomy: base.taxonomy.map((role, index) => ({
        ...role,
        name: roleNames?.[index] ?? role.name,
        categories: role.categories.map((category, at) => ({...category, name: categoryNames?.[index]?.[at] ?? category.name}))
      })),
      methods: ordered.map((method) => ({...method, venue: references.get(formatCitation(method.citation))!.venue})),
      references: [...references.values()],
      relatedLists: [{...list, id: 'vlm-rl'}],
      // content/ groups the reading list by section, in the order sections first appear.
      readingList: [...new Set(readingList.map((entry) => entry.section))].flatMap((section) => readingList.filter((entry) => entry.section === section)),
      environments
    }
    // Only what the schema admits is a model; the property is that all of it survives.
  }).filter((survey) => SurveySchema.safeParse(survey).success)
}
