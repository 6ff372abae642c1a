import {symbolAttributes, type Survey, type SurveyDraft} from '@fmrl/model'
import type {PlaceLookup} from '@fmrl/parser'
import type {LintData} from './data.js'

/** The symbols each vocabulary's column uses across the methods (a method's missing value uses none). */
function usedSymbolsOf(methods: SurveyDraft['methods']): Record<string, string[]> {
  const usedSymbols: Record<string, string[]> = {}
  for (const attribute of symbolAttributes) {
    const used = new Set(methods.flatMap((method) => {
      const value = method[attribute.key]
      return value === undefined ? [] : typeof value === 'string' ? [value] : value
    }))
    usedSymbols[attribute.vocabulary] = [...used]
  }
  return usedSymbols
}

/** The lint data a parsed survey gives: vocabularies, the reference model, symbols in use, counts. */
export function surveyData(survey: Survey, sources?: PlaceLookup): LintData {
  return {
    vocabularies: survey.vocabularies,
    survey,
    ...(sources ? {sources} : {}),
    usedSymbols: usedSymbolsOf(survey.methods),
    counts: {
      methods: survey.methods.length,
      roles: survey.taxonomy.length,
      categories: survey.taxonomy.reduce((sum, role) => sum + role.categories.length, 0)
    }
  }
}

/**
 * The lint data content with errors still gives (read as a draft): the vocabularies, so symbol cells
 * are checked and fixed as usual; no reference model, no counts and no symbols in use, which an
 * invalid survey cannot vouch for (a table it could not read, past a limit or without its header
 * row, uses symbols the draft does not see: every legend entry would be reported unused).
 */
export function draftData(draft: SurveyDraft): LintData {
  return {vocabularies: draft.vocabularies}
}
