import type {LinkClass} from '@fmrl/model'
import type {Observation} from './cache.js'

/** Everything a run knows about one URL it checked (or took from the cache). */
export interface LinkResult extends Observation {
  /** The URL requested (the link without its fragment, or the page its host is checked at). */
  url: string
  host: string
  /** The class after the failing-runs rule: a dead outcome in fewer runs than needed is unknown. */
  class: LinkClass
  /** Consecutive runs in which the URL was dead, this one included. */
  failures: number
  /** The address guard refused a request (the URL or a redirect resolves to a private address). */
  refused?: boolean
  /** Taken from the cache: no request was made. */
  cached: boolean
  requests: number
  retries: number
  /** Time spent on the URL's requests, waits excluded. */
  ms: number
}
