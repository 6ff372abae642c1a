import {z} from 'zod'
import {CellString, OptionalCellString} from './text.js'

/** The symbol columns of Table 1, each with its own vocabulary. */
export const VocabularyId = z
  .enum(['ft', 'fmRole', 'rlAgent', 'rlTask', 'rlSetting', 'rlRole', 'metric'])
  .meta({description: 'Which symbol column of Table 1 a vocabulary governs'})
export type VocabularyId = z.infer<typeof VocabularyId>

/** Where a term's meaning comes from: the paper's caption, or added because the table uses it undefined. */
export const TermOrigin = z.enum(['caption', 'added'])
export type TermOrigin = z.infer<typeof TermOrigin>

export const Term = z
  .object({
    symbol: CellString.meta({description: 'Canonical plain-text symbol, as written in content/ (for example π_l, ✓*, act)'}),
    markdown: CellString.meta({description: 'Notation in Markdown outputs; `$…$` is inline math, anything else is text'}),
    latex: CellString.meta({description: 'LaTeX text-mode fragment as the paper sets it (for example $\\pi_l$, \\checkmark)'}),
    meaning: CellString,
    origin: TermOrigin,
    note: OptionalCellString.optional().meta({description: 'Why a term was added or differs from the caption'})
  })
  .meta({description: 'One symbol of a vocabulary with its meaning (one entry of the legend)'})
export type Term = z.infer<typeof Term>

export const Vocabulary = z
  .object({
    id: VocabularyId,
    description: z.string().meta({description: 'The caption\'s lead for this column, for example Fine-Tuning'}),
    terms: z.array(Term).min(1)
  })
  .meta({description: 'The allowed symbols of one Table 1 column'})
export type Vocabulary = z.infer<typeof Vocabulary>

/** Find the term of a vocabulary written as `text` in any of its notations. */
export function findTerm(vocabulary: Vocabulary, text: string): Term | undefined {
  return vocabulary.terms.find(
    (term) => term.symbol === text || term.markdown === text || term.latex === text
  )
}

/**
 * Find the term an item of a cell names in any notation: the plain symbol, its Markdown or LaTeX
 * notation, math holding the plain symbol (`$\pi_l$`), or `\*` left escaped by a hand-written list.
 */
export function lookupTerm(vocabulary: Vocabulary, item: string): Term | undefined {
  const plain = item.replace(/\\\*/g, '*')
  return findTerm(vocabulary, item) ?? findTerm(vocabulary, plain) ?? (/^\$[^$]+\$$/.test(item) ? findTerm(vocabulary, item.slice(1, -1)) : undefined)
}

// Spellings hand-kept lists use for the fine-tuning marks; each means one term for sure.
const symbolVariants: Readonly<Partial<Record<VocabularyId, Readonly<Record<string, string>>>>> = {
  ft: {
    '✔': '✓', '✔️': '✓', '✅': '✓', '☑': '✓', '☑️': '✓', '✓️': '✓', yes: '✓', y: '✓', '\\checkmark': '✓', '$\\checkmark$': '✓',
    '✔*': '✓*', '✅*': '✓*', '✓ *': '✓*', '\\checkmark*': '✓*', '$\\checkmark$*': '✓*',
    '✗': '×', '✘': '×', '❌': '×', '✖': '×', '✖️': '×', x: '×', no: '×', '\\times': '×'
  }
}

/**
 * The term a known variant spelling stands for (`✅` and `yes` are `✓`; a symbol in another case),
 * for readers that normalise hand-kept lists; undefined when the item is no known variant.
 */
export function lookupVariant(vocabulary: Vocabulary, item: string): Term | undefined {
  const lowered = item.toLowerCase().replace(/\\\*/g, '*')
  const variant = symbolVariants[vocabulary.id]?.[lowered] ?? symbolVariants[vocabulary.id]?.[item]
  return (
    vocabulary.terms.find((candidate) => candidate.symbol === variant) ??
    vocabulary.terms.find((candidate) => candidate.latex === item || candidate.symbol.toLowerCase() === lowered)
  )
}
