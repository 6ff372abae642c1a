import {findTerm, type Term, type Vocabulary} from '@fmrl/model'

/**
 * Split a list cell (`π_l, v_l, rft` or `$\pi_l$, $v_l$, rft`) into items.
 * A single math span holding a whole list (`$\pi_l, v_l, \text{rft}$`, as hand-written READMEs do)
 * is split too, so every notation yields the same items.
 */
export function splitList(text: string): string[] {
  return text
    .split(/(\$[^$]*\$)/)
    .flatMap((part) => (part.startsWith('$') && part.endsWith('$') && part.length > 1 ? splitMath(part.slice(1, -1)) : splitCommaList(part)))
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

/** Split a plain comma-separated list (`GPT-3, GPT-4`) into trimmed, non-empty items. */
export function splitCommaList(text: string): string[] {
  return text.split(',').map((item) => item.trim()).filter((item) => item !== '')
}

function splitMath(math: string): string[] {
  return math.split(',').map((item) => {
    const text = /^\s*\\text\{([^}]*)\}\s*$/.exec(item)
    return text ? text[1]! : `$${item.trim()}$`
  })
}

/** Find the term an item names, in any of its notations (symbol, Markdown, LaTeX). */
export function lookupTerm(vocabulary: Vocabulary, item: string): Term | undefined {
  return findTerm(vocabulary, item) ?? findTerm(vocabulary, item.replace(/\\\*/g, '*'))
}
