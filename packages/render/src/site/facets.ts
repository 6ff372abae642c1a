import {modelFamilies, notation, symbolAttributes, vocabularyColumns, type Inline, type Method, type Survey} from '@fmrl/model'
import {roleTitle} from '../shared/survey.js'

/** One value a filter offers: what it matches, how it is shown, what it means (the legend), and how many methods have it. */
export interface FacetOption {
  value: string
  label: Inline[]
  meaning: string | undefined
  count: number
}

/** A filter of the page: a checkbox group over one attribute; a method matches when it has any checked value. */
export interface Facet {
  /** The query parameter and the form field's name. */
  id: string
  label: string
  /** The column's lead in the caption of Table 1 (for FT, Fine-Tuning), where there is one. */
  description: string | undefined
  options: FacetOption[]
  values(method: Method): string[]
}

type FacetSpec = Omit<Facet, 'options'> & {options: Array<Omit<FacetOption, 'count'>>}

/**
 * The filters, in the order the page shows them: role, category, the seven symbol columns of
 * Table 1 (their options are the legend: notation and meaning), citation year and model family.
 */
export function pageFacets(survey: Survey): Facet[] {
  const specs: FacetSpec[] = [
    {
      id: 'role', label: 'Role', description: 'Where the FM sits in the RL loop',
      options: survey.taxonomy.map((role) => ({value: role.id, label: [{type: 'text', value: roleTitle(role)}], meaning: undefined})),
      values: (method) => [method.role]
    },
    {
      id: 'category', label: 'Category', description: undefined,
      options: survey.taxonomy.flatMap((role) => role.categories.map((category) => ({value: categoryValue(role.id, category.id), label: [{type: 'text' as const, value: category.name}], meaning: undefined}))),
      values: (method) => [categoryValue(method.role, method.category)]
    },
    ...symbolAttributes.map((attribute): FacetSpec => {
      const vocabulary = survey.vocabularies.find((candidate) => candidate.id === attribute.vocabulary)
      return {
        id: attribute.key, label: vocabularyColumns[attribute.vocabulary], description: vocabulary?.description || undefined,
        options: (vocabulary?.terms ?? []).map((term) => ({value: term.symbol, label: [notation(term.markdown)], meaning: term.meaning})),
        values: (method) => {
          const value = method[attribute.key]
          return typeof value === 'string' ? [value] : value
        }
      }
    }),
    {
      id: 'year', label: 'Year', description: 'Of the citation',
      options: [...new Set(survey.methods.map((method) => method.citation.year))].sort().map((year) => ({value: String(year), label: [{type: 'text', value: String(year)}], meaning: undefined})),
      values: (method) => [String(method.citation.year)]
    },
    {
      id: 'family', label: 'Model family', description: 'GPT, Llama and T5 gather their versions; any other model is its own family',
      options: [...new Set(survey.methods.flatMap(modelFamilies))].sort((a, b) => a.localeCompare(b, 'en')).map((family) => ({value: family, label: [{type: 'text', value: family}], meaning: undefined})),
      values: modelFamilies
    }
  ]
  // Each method's values once a filter, not once an option: a method counts once for each value it has.
  return specs.map((spec) => {
    const counts = new Map<string, number>()
    for (const method of survey.methods) for (const value of new Set(spec.values(method))) counts.set(value, (counts.get(value) ?? 0) + 1)
    return {...spec, options: spec.options.map((option) => ({...option, count: counts.get(option.value) ?? 0}))}
  })
}

/** A category's filter value: its role and id, since two roles may name a category alike. */
export const categoryValue = (role: string, category: string): string => `${role}/${category}`
