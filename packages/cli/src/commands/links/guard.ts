import type {LookupAddress, LookupAllOptions, LookupOneOptions} from 'node:dns'
import {lookup} from 'node:dns/promises'
import type {AddressPolicy} from '@fmrl/lint'

/** Resolves a host name to its addresses (the system resolver by default; tests pass a table). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>

export const systemResolver: Resolver = (hostname) => lookup(hostname, {all: true, verbatim: true})

/** The error of a refused address: the guard's verdict, raised where the socket would connect. */
export class RefusedAddressError extends Error {
  readonly code = 'REFUSED_ADDRESS'
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

/**
 * A `lookup` for sockets that resolves the name, then refuses the connection when any address it
 * resolves to is not allowed: the guard runs on the addresses the socket is about to use, after
 * DNS, for the first request and every redirect alike (no second lookup an attacker could race).
 */
export function guardedLookup(resolve: Resolver, policy: AddressPolicy) {
  return (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void => {
    resolve(hostname).then(
      (addresses) => {
        const refused = addresses.find((entry) => policy(entry.address) !== undefined)
        if (refused) return callback(new RefusedAddressError(`${hostname} resolves to ${refused.address}, ${policy(refused.address)}`), '')
        const wanted = addresses.filter((entry) => !options.family || entry.family === options.family)
        if (wanted.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), {code: 'ENOTFOUND'}), '')
        if (options.all) return callback(null, wanted)
        callback(null, wanted[0]!.address, wanted[0]!.family)
      },
      (error: NodeJS.ErrnoException) => callback(error, '')
    )
  }
}
