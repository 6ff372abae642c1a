import {lookupVariant, splitSymbolList, symbolAttributes, type Term, type Vocabulary, type VocabularyId} from '@fmrl/model'
import {repairMojibake} from '../mojibake.js'

/** How one item of a symbol cell reads against its vocabulary. */
export type SymbolItem =
  | {item: string; status: 'ok'; term: Term}
  | {item: string; status: 'variant'; term: Term}
  | {item: string; status: 'unknown'; suggestion: Term | undefined}

/** Whether an item is written in one of the term's own notations (plain symbol, Markdown, or math). */
function writtenAs(term: Term, item: string): boolean {
  const plain = item.replace(/\\\*/g, '*')
  if (plain === term.symbol || item === term.markdown) return true
  // Math renders the same whichever of the notations it holds: `$\pi_l$`, or `$\times$` (the LaTeX form).
  return /^\$[^$]+\$$/.test(item) && (item === term.latex || item.slice(1, -1) === term.symbol)
}

/** Read one item against a vocabulary: a term, a known variant of one, or unknown with the nearest term. */
export function readItem(vocabulary: Vocabulary, item: string, nearest: (value: string, candidates: string[]) => string | undefined): SymbolItem {
  const exact = vocabulary.terms.find((term) => writtenAs(term, item))
  if (exact) return {item, status: 'ok', term: exact}
  const term = lookupVariant(vocabulary, item)
  if (term) return {item, status: 'variant', term}
  const lowered = item.toLowerCase().replace(/\\\*/g, '*')
  const symbol = nearest(lowered, vocabulary.terms.map((candidate) => candidate.symbol))
  return {item, status: 'unknown', suggestion: vocabulary.terms.find((candidate) => candidate.symbol === symbol)}
}

/** Whether a vocabulary's column holds a list of symbols (`act, ref`) rather than one. */
export function isListColumn(id: VocabularyId): boolean {
  return symbolAttributes.find((attribute) => attribute.vocabulary === id)?.list ?? false
}

/** The items of a symbol cell, mojibake repaired (no-mojibake reports it), lists split in any notation. */
export function cellItems(text: string, id: VocabularyId): string[] {
  const repaired = repairMojibake(text, {trustLonePairs: true}).trim()
  return isListColumn(id) ? splitSymbolList(repaired) : repaired === '' ? [] : [repaired]
}
