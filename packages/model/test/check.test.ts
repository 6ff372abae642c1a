import {describe, expect, test} from 'vitest'
import {Survey, checkSurvey, formatCitation, parseCitation, type Method} from '../src/index.js'

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
  sections: []
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
      {path: ['methods', 0, 'ft'], message: 'Unexpected symbol `✔` outside vocabulary `ft`'},
      {path: ['methods', 0, 'metrics'], message: 'Unexpected symbol `speed` outside vocabulary `metric`'},
      {path: ['methods', 0, 'citation'], message: 'Unexpected citation `Feng et al., 2024b` without a reference'},
      {path: ['metadata', 'authors', 0, 'affiliations'], message: 'Unexpected affiliation 7 for A'}
    ])
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
