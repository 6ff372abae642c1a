import type {Point, Position} from 'unist'
import {VFileMessage} from 'vfile-message'
import type {Fix, LintMessage} from './rule.js'

/** A place as a finding holds it: a range, or a point. */
type Place = Position | Point

/** A finding as JSON (what a findings cache keeps): everything reports, fixes and `--online` read of it. */
export interface FindingJson {
  reason: string
  place?: Place | undefined
  ruleId?: string | undefined
  source?: string | undefined
  fatal?: boolean | null | undefined
  url?: string | undefined
  fix?: Fix | undefined
  actual?: string | undefined
  expected?: string[] | undefined
  /** The related place (such as where a duplicate was first listed), itself a message without a rule. */
  cause?: {reason: string; place?: Place | undefined; source?: string | undefined; file?: string | undefined} | undefined
}

/** A finding as JSON. Its tree nodes (`ancestors`) are left out: nothing after the rules reads them. */
export function findingToJson(message: LintMessage): FindingJson {
  const cause = message.cause instanceof VFileMessage ? {reason: message.cause.reason, place: message.cause.place, source: message.cause.source, file: message.cause.file || undefined} : undefined
  return {
    reason: message.reason,
    place: message.place,
    ruleId: message.ruleId,
    source: message.source,
    fatal: message.fatal,
    url: message.url,
    fix: message.fix,
    actual: message.actual,
    expected: message.expected,
    cause
  }
}

/** The finding a `findingToJson` gave, as the rule made it on the file at `path`. */
export function findingFromJson(json: FindingJson, path: string): LintMessage {
  const cause = json.cause && new VFileMessage(json.cause.reason, {place: json.cause.place, source: json.cause.source})
  if (cause && json.cause?.file) cause.file = json.cause.file
  const message: LintMessage = new VFileMessage(json.reason, {place: json.place, ruleId: json.ruleId, source: json.source, ...(cause ? {cause} : {})})
  // As vfile's `file.message` names it.
  if (path) {
    message.name = `${path}:${message.name}`
    message.file = path
  }
  message.fatal = json.fatal
  if (json.url !== undefined) message.url = json.url
  if (json.fix) message.fix = json.fix
  if (json.actual !== undefined) message.actual = json.actual
  if (json.expected) message.expected = json.expected
  return message
}
