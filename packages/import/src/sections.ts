import {innermost, type Scope} from './scope.js'
import type {ImportState} from './state.js'

// Headings that name no section of their own: the entries are the list's.
const generic = /^(?:papers?|list|entries|the list|resources)$/i

/** The reading-list section an entry belongs to: the heading it sits under, or the list's title for a generic one. */
export function readingSection(state: ImportState, scope: Scope): string {
  const heading = innermost(scope)?.replace(/^\s*\p{Extended_Pictographic}\uFE0F?\s*/u, '').trim()
  if (heading && !generic.test(heading) && scope.headings.length > 1) return heading
  return state.listTitle ?? heading ?? 'Papers'
}
