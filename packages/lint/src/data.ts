import type {PlaceLookup} from '@fmrl/parser'
import type {Survey, Vocabulary} from '@fmrl/model'
import type {VFile} from 'vfile'

/**
 * What a rule may know beyond its file, given by the caller (the CLI reads it from the repository):
 * rules stay pure, and a rule whose data is absent skips the checks that need it.
 */
export interface LintData {
  /** Repository-relative paths of every file that exists, for relative links and images. */
  files?: readonly string[]
  /** The allowed symbols of each symbol column. */
  vocabularies?: readonly Vocabulary[]
  /** The reference model: another table describing a method must agree with it. */
  survey?: Survey
  /** Where each value of `survey` came from, so a message can point at it as its cause. */
  sources?: PlaceLookup
  /** The survey's counts, for count claims in a file that has no method tables of its own (our own files only). */
  counts?: {methods: number; roles: number; categories: number}
  /** Symbols used outside this file (by vocabulary id), so a legend entry used elsewhere counts as used. */
  usedSymbols?: Readonly<Record<string, readonly string[]>>
  /** Method names allowed in more than one section (cross-listings). */
  crossListings?: readonly string[]
  /** URLs (or URL prefixes ending in `*`) no URL rule reports. */
  ignoreUrls?: readonly string[]
}

declare module 'vfile' {
  interface DataMap {
    fmrl: LintData
  }
}

/** The lint data the caller attached to a file (empty when there is none). */
export function lintData(file: VFile): LintData {
  return file.data.fmrl ?? {}
}
