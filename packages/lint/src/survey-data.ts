import {symbolAttributes, type Survey} from '@fmrl/model'
import type {SourceMap} from '@fmrl/parser'
import type {LintData} from './data.js'

/** The lint data a parsed survey gives: vocabularies, the reference model, symbols in use, counts. */
export function surveyData(survey: Survey, sources?: SourceMap): LintData {
  const usedSymbols: Record<string, string[]> = {}
  for (const attribute of symbolAttributes) {
    const used = new Set(survey.methods.flatMap((method) => {
      const value = method[attribute.key]
      return typeof value === 'string' ? [value] : value
    }))
    usedSymbols[attribute.vocabulary] = [...used]
  }
  return {
    vocabularies: survey.vocabularies,
    survey,
    ...(sources ? {sources} : {}),
    usedSymbols,
    counts: {
      methods: survey.methods.length,
      roles: survey.taxonomy.length,
      categories: survey.taxonomy.reduce((sum, role) => sum + role.categories.length, 0)
    }
  }
}
