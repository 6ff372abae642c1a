import {describe, expect, test} from 'vitest'
import {Citation, Survey, Url, checkSurvey, formatCitation, parseCitation, type Method} from '../src/index.js'

const method: Method = {
  name: 'AGILE', citation: {authors: 'Feng et al.', year: 2024, suffix: ''}, role: 'agent', category: 'parametric', models: ['Meerkat'],
  ft: '✓*', fmRoles: ['act'], rlAgent: 'single', rlTask: '-', rlSetting: 'online', rlRoles: ['π_l'], metrics: ['acc'], code: null, paper: null, venue: null
}
const term = (symbol: string) => ({symbol, markdown: symbol, latex: symbol, meaning: symbol, origin: 'caption' as const})
const survey: Survey = {
  metadata: {
    title: 'T', list: 'L', arxiv: '2502.15214', lastUpdate: '2026-11-21', bibtex: '@article{x}',
    authors: [{name: 'A', affiliations: [1], equalContribution: false}], affiliations: [{id: 1, name: 'U'}]
  },
  taxonomy: (['agent', 'planner', 'reward'] as const).map((id) => ({id, name: id, description: id, categories: [{id: 'parametric', name: 'P', description: 'p'}]})),
  vocabularies: [
    {id: 'ft', description: '', terms: [term('✓*')]},
    {id: 'fmRole', description: '', terms: [term('act')]},
    {id: 'rlAgent', description: '', terms: [term('single')]},
    {id: 'rlTask', description: '', terms: [term('-')]},
    {id: 'rlSetting', description: '', terms: [term('online')]},
    {id: 'rlRole', description: '', terms: [{...term('π_l'), markdown: '$\\pi_l$'}]},
    {id: 'metric', description: '', terms: [term('acc')]}
  ],
  methods: [method],
  datasets: [],
  references: [{citation: method.citation, authors: 'P. Feng', title: 'Agile', venue: 'NeurIPS'}],
  sections: [],
  relatedLists: [],
  readingList: [],
  environments: []
}

describe('checkSurvey', () => {
  test('a consistent survey has no issue and passes the schema', () => {
    expect(Survey.parse(survey)).toEqual(survey)
    expect(checkSurvey(survey)).toEqual([])
  })

  test('reports unknown categories, symbols, citations and affiliations by path', () => {
    const broken: Survey = {
      ...survey,
      metadata: {...survey.metadata, authors: [{name: 'A', affiliations: [1, 7], equalContribution: false}]},
      methods: [{...method, category: 'hybrid', ft: '✔', metrics: ['acc', 'speed'], citation: {...method.citation, suffix: 'b'}}]
    }
    expect(checkSurvey(broken)).toEqual([
      {path: ['methods', 0, 'category'], message: 'Unexpected category `hybrid` for role `agent`'},
      {path: ['methods', 0, 'ft'], message: 'Unexpected symbol `✔` outside vocabulary `ft`', ruleId: 'no-unknown-symbol'},
      {path: ['methods', 0, 'metrics'], message: 'Unexpected symbol `speed` outside vocabulary `metric`', ruleId: 'no-unknown-symbol'},
      {path: ['methods', 0, 'citation'], message: 'Unexpected citation `Feng et al., 2024b` without a reference', ruleId: 'unknown-citation'},
      {path: ['metadata', 'authors', 0, 'affiliations'], message: 'Unexpected affiliation 7 for A'}
    ])
  })
})

describe('entries that must be unique', () => {
  test('a second method of the same name (accents, case and punctuation aside), category, reference and legend entry', () => {
    const twice: Survey = {
      ...survey,
      taxonomy: survey.taxonomy.map((role, index) => (index === 0 ? {...role, categories: [...role.categories, {id: 'parametric-2', name: 'P', description: 'again'}]} : role)),
      vocabularies: survey.vocabularies.map((vocabulary, index) => (index === 0 ? {...vocabulary, terms: [...vocabulary.terms, ...vocabulary.terms]} : vocabulary)),
      methods: [{...method, name: 'Réflexion'}, {...method, name: 're-flexion'}],
      references: [...survey.references, ...survey.references]
    }
    expect(checkSurvey(twice)).toEqual([
      {path: ['taxonomy', 0, 'categories', 1], message: 'Unexpected second category `P` (`parametric-2`) in role `agent`, expected a name and id no other category of the role has', ruleId: 'no-duplicate-entry'},
      {path: ['methods', 1, 'name'], message: 'Unexpected second method `re-flexion` (the same name as `Réflexion`), expected each method once; remove one row or rename it', ruleId: 'no-duplicate-method'},
      {path: ['references', 1, 'citation'], message: 'Unexpected second reference `Feng et al., 2024`, expected one reference per citation; tell them apart with a suffix such as `2023b`', ruleId: 'no-duplicate-entry'},
      {path: ['vocabularies', 0, 'terms', 1], message: 'Unexpected second legend entry `✓*`, expected each symbol once', ruleId: 'no-duplicate-entry'}
    ])
  })
})

describe('schema and readers agree', () => {
  test('a URL must be written percent-encoded, as Markdown readers give it back', () => {
    expect(Url.safeParse('https://example.com/a%7Cb').success).toBe(true)
    expect(Url.safeParse('https://example.com/a|b').error?.issues.map((issue) => issue.message)).toEqual([
      'Expected a percent-encoded URL: `|` as `%7C`, a space as `%20`, non-ASCII characters as their UTF-8 bytes'
    ])
  })

  test('every year the schema admits, the citation reader reads', () => {
    for (const year of [1000, 1999, 2100, 9999]) expect(parseCitation(formatCitation({authors: 'A', year, suffix: ''}))).toEqual({authors: 'A', year, suffix: ''})
    expect(Citation.safeParse({authors: 'A', year: 999, suffix: ''}).success).toBe(false)
  })
})

describe('citations', () => {
  test('parse and format round-trip, suffix included', () => {
    expect(parseCitation('Zhang et al., 2023a')).toEqual({authors: 'Zhang et al.', year: 2023, suffix: 'a'})
    expect(parseCitation('Zhang and Lu, 2024')).toEqual({authors: 'Zhang and Lu', year: 2024, suffix: ''})
    expect(formatCitation(parseCitation('Zhang et al., 2023b')!)).toBe('Zhang et al., 2023b')
    expect(parseCitation('Zhang et al. 2023')).toBeUndefined()
  })
})
