import {nameKey, type SectionId} from '@fmrl/model'
import type {Heading} from 'mdast'
import {inlineText} from './inline.js'

/** The headings a node sits under, outermost first. */
export interface Scope {
  headings: Array<{depth: number; text: string; node: Heading}>
}

/** What a section of a hand-kept list is for, from its heading. */
export type SectionKind = 'toc' | 'outside' | 'environments' | 'prose' | 'entries'

const toc = /^(?:table of contents|contents|toc|目录|index)$/
// Sections whose lists are about the list itself, not its subject: the model has no place for them.
const outside = /^(?:contribut\w*|how to contribute|license|licence|citation|cite|citing|acknowledg\w*|star history|stargazers|contributors|contact|support|sponsors?|related lists?|other lists?|footnotes?|changelog|news|updates?|to ?do|references)$/
const environments = /\b(?:environments?|simulators?|gyms?|benchmarks? (?:and|&) environments?|open[- ]source rl environments?)\b/

/** The heading text as compared: lowercase words, emoji and punctuation around them dropped. */
export function headingWords(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}\s&/-]+/gu, ' ').replace(/\s+/g, ' ').trim()
}

/** What the innermost heading makes of its section. */
export function sectionKind(scope: Scope): SectionKind {
  for (const heading of [...scope.headings].reverse()) {
    const words = headingWords(heading.text)
    if (toc.test(words)) return 'toc'
    if (outside.test(words)) return 'outside'
    if (environments.test(words)) return 'environments'
    if (proseSection(heading.text)) return 'prose'
    if (heading.depth > 1) return 'entries'
  }
  return 'entries'
}

/** The prose section of the survey a heading names (`✨ Overview`, `🔭 Future Research Directions`), if any. */
export function proseSection(text: string): SectionId | undefined {
  const key = nameKey(text)
  if (/^overview$|^introduction$|^about$/.test(key)) return 'overview'
  if (/highlights?$/.test(key)) return 'highlights'
  if (/futureresearchdirections?$|^futuredirections?$|^openchallenges$/.test(key)) return 'future-directions'
  return undefined
}

/** The scope's heading texts, innermost last, as the reading list names its sections. */
export function innermost(scope: Scope): string | undefined {
  return scope.headings.at(-1)?.text
}

/** Track a heading: deeper ones nest, others close what they replace. */
export function enter(scope: Scope, heading: Heading): Scope {
  const kept = scope.headings.filter((entry) => entry.depth < heading.depth)
  return {headings: [...kept, {depth: heading.depth, text: inlineText(heading.children), node: heading}]}
}
