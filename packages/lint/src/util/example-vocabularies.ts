import type {Vocabulary} from '@fmrl/model'

/** A small part of the survey's legend, for rule examples. */
export const exampleVocabularies: Vocabulary[] = [
  {id: 'ft', description: 'Fine-Tuning', terms: [
    {symbol: '✓', markdown: '✓', latex: '\\checkmark', meaning: 'full fine-tuning', origin: 'caption'},
    {symbol: '✓*', markdown: '✓\\*', latex: '\\checkmark*', meaning: 'parameter-efficient fine-tuning', origin: 'caption'},
    {symbol: '×', markdown: '×', latex: '$\\times$', meaning: 'no fine-tuning', origin: 'caption'}
  ]},
  {id: 'rlRole', description: '', terms: [
    {symbol: 'π', markdown: '$\\pi$', latex: '$\\pi$', meaning: 'policy learning', origin: 'caption'},
    {symbol: 'π_l', markdown: '$\\pi_l$', latex: '$\\pi_l$', meaning: 'language-conditioned policy learning', origin: 'caption'},
    {symbol: 'v_l', markdown: '$v_l$', latex: '$v_l$', meaning: 'language-conditioned value function learning', origin: 'caption'},
    {symbol: 'rft', markdown: 'rft', latex: 'rft', meaning: 'reinforced fine-tuning', origin: 'added'}
  ]}
]
