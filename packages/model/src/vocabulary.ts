import {z} from 'zod'

/** The symbol columns of Table 1, each with its own vocabulary. */
export const VocabularyId = z
  .enum(['ft', 'fmRole', 'rlAgent', 'rlTask', 'rlSetting', 'rlRole', 'metric'])
  .meta({description: 'Which symbol column of Table 1 a vocabulary governs'})
export type VocabularyId = z.infer<typeof VocabularyId>

/** The column header of each vocabulary's column, in Table 1 order. */
export const vocabularyColumns: Readonly<Record<VocabularyId, string>> = {
  ft: 'FT',
  fmRole: 'FM Role',
  rlAgent: 'RL Agent',
  rlTask: 'RL Task',
  rlSetting: 'RL Setting',
  rlRole: 'RL Role',
  metric: 'Metrics'
}

/** Where a term's meaning comes from: the paper's caption, or added because the table uses it undefined. */
export const TermOrigin = z.enum(['caption', 'added'])
export type TermOrigin = z.infer<typeof TermOrigin>

export const Term = z
  .object({
    symbol: z.string().min(1).meta({description: 'Canonical plain-text symbol, as written in content/ (for example π_l, ✓*, act)'}),
    markdown: z
      .string()
      .min(1)
      .meta({description: 'Notation in Markdown outputs; `$…$` is inline math, anything else is text'}),
    latex: z.string().min(1).meta({description: 'LaTeX text-mode fragment as the paper sets it (for example $\\pi_l$, \\checkmark)'}),
    meaning: z.string().min(1),
    origin: TermOrigin,
    note: z.string().optional().meta({description: 'Why a term was added or differs from the caption'})
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
