import {findTerm, type Survey, type VocabularyId} from '@fmrl/model'
import type {PhrasingContent} from 'mdast'
import {inlineMath, joined, text} from './nodes.js'

/** A term's Markdown notation as nodes: `$…$` becomes inline math, anything else text. */
export function notation(markdown: string): PhrasingContent {
  const math = /^\$(.+)\$$/.exec(markdown)
  return math ? inlineMath(math[1]!) : text(markdown)
}

/** Symbols of one vocabulary in their Markdown notation, comma-separated. */
export function symbolCell(survey: Survey, vocabularyId: VocabularyId, symbols: readonly string[]): PhrasingContent[] {
  const vocabulary = survey.vocabularies.find((candidate) => candidate.id === vocabularyId)
  return joined(symbols.map((symbol) => {
    const term = vocabulary && findTerm(vocabulary, symbol)
    return [term ? notation(term.markdown) : text(symbol)]
  }))
}
