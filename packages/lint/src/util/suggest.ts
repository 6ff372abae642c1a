import {distance} from 'fastest-levenshtein'

/** The candidate closest to `value` when it is close enough to be a likely typo, else undefined. */
export function nearest(value: string, candidates: Iterable<string>, maxRatio = 0.4): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const current = distance(value, candidate)
    if (current < bestDistance) {
      best = candidate
      bestDistance = current
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.ceil(value.length * maxRatio)) ? best : undefined
}

/** What to expect instead of an unknown rule id: the nearest rule id, else where the ids are listed. */
export function expectedRuleId(id: string, known: readonly string[]): string {
  const suggestion = nearest(id, known)
  return suggestion === undefined ? 'a rule id of `fmrl lint` (see packages/lint/README.md#rules)' : `\`${suggestion}\``
}
