import {lookupTerm, lookupVariant, splitSymbolList, type MethodColumn, type Term} from '@fmrl/model'
import type {ImportState} from './state.js'
import {workingVocabulary} from './state.js'

const greek: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', theta: 'θ', lambda: 'λ', mu: 'μ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', psi: 'ψ', omega: 'ω'
}

/** The plain symbol of an item written in math (`$\pi_l$` is `π_l`, `$\tau_\pi$` is `τ_π`, `\text{rft}` is `rft`). */
export function plainSymbol(item: string): string {
  return item
    .replace(/^\$|\$$/g, '')
    .replace(/\\text\{([^}]*)\}/g, '$1')
    .replace(/\\([a-z]+)/gi, (whole, name: string) => greek[name] ?? whole)
    .replace(/_\{([^}]*)\}/g, '_$1')
    .replace(/\\\*/g, '*')
    .replace(/\s+/g, '')
}

/**
 * Where the target has no legend for a column (an import into an empty folder), learn the symbols the
 * list uses: each becomes a term in its plain form, with its notation as written and no meaning yet
 * (content/legend.md then asks for one). A target with a legend keeps it: symbols are read against it.
 */
export function learnSymbols(state: ImportState, column: MethodColumn, text: string): void {
  const id = column.vocabulary!
  if (state.target.vocabularies.some((vocabulary) => vocabulary.id === id)) return
  const vocabulary = workingVocabulary(state, id)
  const items = column.list ? splitSymbolList(text) : text.trim() === '' ? [] : [text.trim()]
  for (const item of items) {
    if (lookupTerm(vocabulary, item) ?? lookupVariant(vocabulary, item)) continue
    const symbol = plainSymbol(item)
    const math = /^\$.+\$$/.test(item)
    const term: Term = {symbol, markdown: math ? item : symbol, latex: math ? item : symbol, meaning: '', origin: 'caption'}
    vocabulary.terms.push(term)
  }
}
