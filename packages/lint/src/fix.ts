import type {Fix} from './rule.js'

/** The result of applying fixes: the new text and the fixes that were applied. */
export interface FixResult {
  text: string
  applied: Fix[]
}

/**
 * Apply fixes to `text` by source offsets. Fixes that overlap one already chosen (earlier start
 * first) are skipped, to be found again on the next pass; the rest are applied from the end, so
 * earlier offsets stay valid.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): FixResult {
  const chosen: Fix[] = []
  let reach = -1
  const ordered = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end)
  for (const fix of ordered) {
    if (fix.start < reach || text.slice(fix.start, fix.end) === fix.replacement) continue
    if (chosen.some((other) => other.start === fix.start && other.end === fix.end)) continue
    chosen.push(fix)
    reach = Math.max(reach, fix.end)
  }
  let result = text
  for (const fix of [...chosen].reverse()) result = result.slice(0, fix.start) + fix.replacement + result.slice(fix.end)
  return {text: result, applied: chosen}
}
