import type {Node} from 'unist'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** The one source name every fmrl message carries. */
export const messageSource = 'fmrl'

/** Ids of the content problems the parser reports. */
export type ParseRuleId =
  | 'unknown-file'
  | 'unknown-heading'
  | 'unknown-column'
  | 'missing-column'
  | 'missing-cell'
  | 'extra-cell'
  | 'no-unknown-symbol'
  | 'invalid-value'
  | 'unknown-citation'
  | 'no-duplicate-method'
  | 'no-duplicate-entry'
  | 'missing-section'
  | 'unexpected-content'
  | 'max-file-size'
  | 'max-nesting-depth'
  | 'max-inline-markers'
  | 'max-cell-length'
  | 'nul-character'

/** Report an error on `file` at `at`; errors stop a build. */
export function reportError(file: VFile, at: Node | Position | undefined, reason: string, ruleId: ParseRuleId): VFileMessage {
  const message = file.message(reason, {place: placeOf(at), ruleId, source: messageSource})
  message.fatal = true
  return message
}

function placeOf(at: Node | Position | undefined): Position | undefined {
  if (!at) return undefined
  if ('type' in at) return at.position
  return at
}

/** Write a list of allowed values the way messages quote them. */
export function quoteList(values: readonly string[]): string {
  return values.map((value) => `\`${value}\``).join(', ')
}
