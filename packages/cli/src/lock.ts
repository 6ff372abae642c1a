import {join} from 'node:path'
import {UsageError} from './io.js'

/** Where a write stages its files and journal (below the root; git-ignored). */
export const transactionFolder = '.fmrl-transaction'

/** A lock its run stopped refreshing for this long (the run died) is taken over. */
const staleMs = 10_000

/** How long a run waits for another run's lock; FMRL_LOCK_TIMEOUT (milliseconds) overrides it. */
function lockTimeoutMs(): number {
  const value = Number(process.env.FMRL_LOCK_TIMEOUT)
  return Number.isFinite(value) && value >= 0 ? value : staleMs + 2_000
}

/**
 * Run `action` holding the root's write lock (`.fmrl-transaction.lock`, a folder proper-lockfile
 * creates and keeps fresh), so two fmrl runs never write the same outputs at once: the second waits.
 * `assertHeld` throws if the lock was lost meanwhile (this run stalled and another took it over).
 */
export async function withLock<T>(root: string, action: (assertHeld: () => void) => Promise<T>): Promise<T> {
  const timeout = lockTimeoutMs()
  let lost: Error | undefined
  // Loaded when a run writes: proper-lockfile patches fs through graceful-fs, which a run that only reads need not pay for.
  const {default: lockfile} = await import('proper-lockfile')
  const release = await lockfile
    .lock(join(root, transactionFolder), {
      realpath: false,
      stale: staleMs,
      retries: {retries: Math.ceil(timeout / 250), factor: 1, minTimeout: 250, maxTimeout: 250},
      onCompromised: (error) => {
        lost = error
      }
    })
    .catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ELOCKED') throw error
      throw new UsageError(`Unexpected lock \`${transactionFolder}.lock\` held by another fmrl run for over ${Math.round(timeout / 1000)} s, expected it to finish: wait for it and run again (a lock not refreshed for ${staleMs / 1000} s is taken over)`)
    })
  const assertHeld = () => {
    if (lost) throw new UsageError(`Unexpected loss of the lock \`${transactionFolder}.lock\` (${lost.message}), expected to hold it while writing: nothing was written, run again`)
  }
  try {
    return await action(assertHeld)
  } finally {
    await release().catch(() => undefined)
  }
}
