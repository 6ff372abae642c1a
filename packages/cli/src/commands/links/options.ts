import {LinksOptions} from '@fmrl/model'
import type {Command} from 'commander'
import {UsageError} from '../../io.js'

/** The link-check flags, as commander names them, with the option each sets. */
const flags = [
  ['--timeout <duration>', 'timeout', 'time one request may take (default 10s)'],
  ['--run-timeout <duration>', 'runTimeout', 'time the whole run may take; URLs not reached by then are unknown (default 15m)'],
  ['--concurrency <n>', 'concurrency', 'requests in flight at once (default 16)'],
  ['--host-concurrency <n>', 'hostConcurrency', 'requests in flight at once to one host (default 4)'],
  ['--host-interval <duration>', 'hostInterval', 'least time between two requests to one host (default 0ms)'],
  ['--retries <n>', 'retries', 'retries after a 429, a 5xx, a timeout or a reset (default 2)'],
  ['--max-redirects <n>', 'maxRedirects', 'redirects followed from one URL (default 10)'],
  ['--max-age <duration>', 'maxAge', 'how long a cached ok or dead result stands (default 7d)'],
  ['--dead-after <runs>', 'deadAfter', 'consecutive failing runs before a URL counts as dead (default 2)'],
  ['--cache <file>', 'cache', 'the cache file, relative to the root (default .cache/fmrl-links.json)']
] as const

/** Add the link-check flags to a command (`links`, and `lint` for `--online`). */
export function addLinkFlags(command: Command): Command {
  for (const [flag, , description] of flags) command.option(flag, description)
  return command
    .option('--no-cache', 'neither read nor write the caches (the link cache; for lint also the parse cache, .cache/fmrl/trees/)')
    .option('--allow-private', 'also request loopback, private, link-local and cloud-metadata addresses')
    .option('--report-unknown', 'report unknown results (bot walls, rate limits, timeouts) as warnings too')
}

/** The flags `addLinkFlags` adds, as commander parses them. */
export type LinkFlags = Partial<Record<Exclude<(typeof flags)[number][1], 'cache'>, string>> & {cache?: string | false; allowPrivate?: boolean; reportUnknown?: boolean}

/** The options of a run, and what the flags say beyond them. */
export interface LinkRun {
  options: LinksOptions
  /** False with `--no-cache`. */
  useCache: boolean
  reportUnknown: boolean
}

/** Validate the flags once, at the command's entry; a bad value is a usage error naming its flag. */
export function parseLinkFlags(parsed: LinkFlags): LinkRun {
  const input: Record<string, unknown> = {allowPrivate: parsed.allowPrivate === true}
  for (const [, key] of flags) if (typeof parsed[key] === 'string') input[key] = parsed[key]
  const result = LinksOptions.safeParse(input)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const flag = flags.find(([, key]) => key === issue.path[0])
    const name = flag?.[0].split(' ')[0] ?? String(issue.path[0])
    throw new UsageError(`Unexpected \`${name} ${String(input[issue.path[0] as string])}\`, ${issue.message}`)
  }
  return {options: result.data, useCache: parsed.cache !== false, reportUnknown: parsed.reportUnknown === true}
}
