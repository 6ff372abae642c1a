import {z} from 'zod'

/**
 * What a link check concludes about a URL: `ok` (it answers), `dead` (404, 410, name not resolved,
 * in enough consecutive runs) or `unknown` (bot walls, rate limits, server errors, timeouts,
 * refused addresses: nothing that proves the link broken).
 */
export const LinkClass = z.enum(['ok', 'dead', 'unknown']).meta({description: 'ok: it answers; dead: 404, 410 or no such host; unknown: anything that proves nothing'})
export type LinkClass = z.infer<typeof LinkClass>

const units = {ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000} as const

/** A duration written with its unit (`500ms`, `10s`, `5m`, `12h`, `7d`), as milliseconds. */
export const Duration = z
  .string()
  .regex(/^\d+(?:ms|s|m|h|d)$/, {error: 'expected a duration with its unit, such as 500ms, 10s, 5m, 12h or 7d'})
  .transform((text) => {
    const [, amount, unit] = /^(\d+)(ms|s|m|h|d)$/.exec(text)!
    return Number(amount) * units[unit as keyof typeof units]
  })
  .meta({description: 'A whole number with its unit: ms, s, m, h or d'})

const count = (min: number, max: number) => z.coerce.number({error: `expected a whole number from ${min} to ${max}`}).int({error: `expected a whole number from ${min} to ${max}`}).min(min, {error: `expected a whole number from ${min} to ${max}`}).max(max, {error: `expected a whole number from ${min} to ${max}`})

/** How `fmrl links` checks: every bound of the run, normalized once at the command's entry. */
export const LinksOptions = z
  .object({
    timeout: Duration.prefault('10s').meta({description: 'Time one request may take, from connecting to the last byte read'}),
    runTimeout: Duration.prefault('15m').meta({description: 'Time the whole run may take; URLs not checked by then are unknown'}),
    concurrency: count(1, 256).default(16).meta({description: 'Requests in flight at once, over all hosts'}),
    hostConcurrency: count(1, 64).default(4).meta({description: 'Requests in flight at once to one host'}),
    hostInterval: Duration.prefault('0ms').meta({description: 'Least time between the starts of two requests to one host'}),
    retries: count(0, 10).default(2).meta({description: 'Retries of a URL after a rate limit, a server error, a timeout or a reset'}),
    maxRetryAfter: Duration.prefault('60s').meta({description: 'Longest Retry-After honoured; a host asking for more leaves its URLs unknown'}),
    maxRedirects: count(0, 30).default(10).meta({description: 'Redirects followed from one URL'}),
    maxBody: count(0, 16 * 1024 * 1024).default(64 * 1024).meta({description: 'Bytes of a body read at most (to recognize bot walls)'}),
    maxAge: Duration.prefault('7d').meta({description: 'How long a cached ok or dead result is used instead of a request'}),
    deadAfter: count(1, 100).default(2).meta({description: 'Consecutive failing runs before a URL counts as dead'}),
    allowPrivate: z.boolean().default(false).meta({description: 'Also request loopback, private, link-local and metadata addresses'}),
    cache: z.string().min(1).default('.cache/fmrl-links.json').meta({description: 'The cache file, relative to the root'})
  })
  .strict()
export type LinksOptions = z.infer<typeof LinksOptions>

/** What one run saw of a URL, kept in the cache file. */
export const LinkCacheEntry = z
  .object({
    outcome: LinkClass.meta({description: 'What the last request showed (dead means a 404, 410 or no such host in that run)'}),
    checked: z.iso.datetime().meta({description: 'When the URL was last requested'}),
    status: z.number().int().optional().meta({description: 'The last HTTP status, if any'}),
    reason: z.string().meta({description: 'Why the outcome is what it is, as a message would say it'}),
    failures: z.number().int().min(0).meta({description: 'Consecutive runs in which the URL was dead'}),
    redirect: z.string().optional().meta({description: 'Where a permanent redirect leads'}),
    redirectStatus: z.number().int().optional().meta({description: 'The status of that permanent redirect (301 or 308)'})
  })
  .strict()
export type LinkCacheEntry = z.infer<typeof LinkCacheEntry>

/** The `fmrl links` cache file: what each URL answered, by the URL requested (without its fragment). */
export const LinkCache = z
  .object({
    version: z.literal(1),
    entries: z.record(z.string(), LinkCacheEntry)
  })
  .strict()
  .meta({title: 'fmrl links cache'})
export type LinkCache = z.infer<typeof LinkCache>
