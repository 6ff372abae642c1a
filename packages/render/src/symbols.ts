import {notation as inlineNotation} from '@fmrl/model'
import type {PhrasingContent} from 'mdast'

/** A term's Markdown notation as nodes: `$…$` becomes inline math, anything else text. */
export function notation(markdown: string): PhrasingContent {
  return inlineNotation(markdown) as PhrasingContent
}
