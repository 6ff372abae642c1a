import ipaddr from 'ipaddr.js'

/** Decides whether a request may go to an address; returns why not (`a loopback address`), or undefined when it may. */
export type AddressPolicy = (address: string) => string | undefined

/**
 * Why an address is not a public one: loopback, private, link-local (where cloud metadata lives:
 * 169.254.169.254), carrier-grade NAT (100.100.100.200), unique-local IPv6 (fd00:ec2::254),
 * multicast, reserved and the rest of ipaddr.js's special ranges; an IPv4-mapped or -translated
 * IPv6 address is judged by its IPv4 address. Undefined for a public unicast address.
 */
export function privateRange(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'not an IP address'
  let parsed = ipaddr.process(address)
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6
    const range = v6.range()
    // NAT64 (64:ff9b::/96) and SIIT (rfc6145) carry an IPv4 address in their last 32 bits.
    if (range === 'rfc6052' || range === 'rfc6145') parsed = ipaddr.fromByteArray(v6.toByteArray().slice(12))
  }
  const range = parsed.range()
  return range === 'unicast' ? undefined : range
}

/** The names ipaddr.js gives its ranges, as a message says them. */
const rangeNames: Readonly<Record<string, string>> = {
  loopback: 'a loopback', private: 'a private', linkLocal: 'a link-local', carrierGradeNat: 'a carrier-grade NAT', uniqueLocal: 'a unique-local',
  unspecified: 'an unspecified', multicast: 'a multicast', broadcast: 'a broadcast', reserved: 'a reserved', benchmarking: 'a benchmarking', '6to4': 'a 6to4', teredo: 'a Teredo'
}

/**
 * The policy of a run: only public addresses unless `allowPrivate`, which lifts the guard whole.
 * `allow` names exact addresses that pass all the same (a test lets its own server through while
 * a redirect to another loopback address is still refused).
 */
export function addressPolicy(options: {allowPrivate: boolean; allow?: readonly string[]}): AddressPolicy {
  const allowed = new Set((options.allow ?? []).map(normalizeAddress))
  return (address) => {
    if (options.allowPrivate || allowed.has(normalizeAddress(address))) return undefined
    const range = privateRange(address)
    return range === undefined ? undefined : `${rangeNames[range] ?? `a special-purpose (${range})`} address`
  }
}

function normalizeAddress(address: string): string {
  return ipaddr.isValid(address) ? ipaddr.process(address).toString() : address
}

/** The IP address a URL's host is written as (`[::1]` is `::1`), or undefined for a name. */
export function literalAddress(hostname: string): string | undefined {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1')
  // The URL parser writes every IPv4 form (`2130706433`, `0x7f.1`) as four decimal parts.
  return ipaddr.IPv4.isValidFourPartDecimal(bare) || ipaddr.IPv6.isValid(bare) ? bare : undefined
}
