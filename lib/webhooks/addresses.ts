import dns from 'node:dns'
import type { LookupAddress, LookupAllOptions, LookupOneOptions } from 'node:dns'
import net from 'node:net'
import { withArticle } from '../words'

// Which network addresses a webhook may be sent to. Only public ones, unless the newsroom allows
// private ones (the setting `webhookPrivateAddresses`, for local testing): otherwise an admin, or
// anyone who can make a name resolve somewhere, could make the server post into its own network.
// Checked when an endpoint is saved and again at every delivery, on the addresses the name
// resolves to at that moment, which are then the ones connected to.

/** What kind of address it is: only `public` is sent to without the newsroom's permission. */
export type AddressKind =
  'public' | 'private' | 'loopback' | 'link-local' | 'unique-local' | 'unspecified' | 'multicast' | 'reserved' | 'not an address'

type Range = { base: bigint; bits: number; kind: Exclude<AddressKind, 'public' | 'not an address'> }

const v4Ranges: [string, number, Range['kind']][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'private'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
]

const v6Ranges: [string, number, Range['kind']][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['100::', 64, 'reserved'],
  ['2001:db8::', 32, 'reserved'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'private'],
  ['ff00::', 8, 'multicast'],
]

const v4 = v4Ranges.map(([address, bits, kind]) => ({ base: v4Value(address), bits, kind }))
const v6 = v6Ranges.map(([address, bits, kind]) => ({ base: v6Value(address), bits, kind }))

/** IPv4-mapped (`::ffff:a.b.c.d`), IPv4-compatible (`::a.b.c.d`) and NAT64 (`64:ff9b::a.b.c.d`) addresses carry an IPv4 address. */
const embeddingV4 = [v6Value('::ffff:0:0'), v6Value('::'), v6Value('64:ff9b::')]

/** The kind of an IPv4 or IPv6 address (an IPv6 zone, `%eth0`, is ignored). */
export function classifyAddress(raw: string): AddressKind {
  const address = raw.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const family = net.isIP(address)
  if (family === 4) return kindIn(v4, v4Value(address), 32)
  if (family !== 6) return 'not an address'
  const value = v6Value(address)
  const exact = kindIn(v6, value, 128)
  if (exact === 'unspecified' || exact === 'loopback') return exact
  if (embeddingV4.some((prefix) => value >> 32n === prefix >> 32n)) return kindIn(v4, value & 0xffff_ffffn, 32)
  return exact
}

export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === 'public'
}

function kindIn(ranges: readonly Range[], value: bigint, width: number): AddressKind {
  const found = ranges.find((range) => value >> BigInt(width - range.bits) === range.base >> BigInt(width - range.bits))
  return found?.kind ?? 'public'
}

function v4Value(address: string): bigint {
  return address.split('.').reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n)
}

function v6Value(address: string): bigint {
  // A trailing dotted IPv4 address stands for the last two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1]
  const hex = dotted
    ? address.replace(dotted, (v4Value(dotted) >> 16n).toString(16) + ':' + (v4Value(dotted) & 0xffffn).toString(16))
    : address
  const [head = '', tail] = hex.split('::')
  const headGroups = head === '' ? [] : head.split(':')
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':')
  const groups = [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups]
  return groups.reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n)
}

/** Said of an address that may not be sent to. */
export const onlyPublic = 'webhooks go only to public addresses unless an admin allows private ones.'

/** Why a host may not be sent to, once resolved to `addresses`; null when every one of them may be. */
function refusalOf(host: string, addresses: readonly string[], allowPrivate: boolean): string | null {
  for (const address of addresses) {
    const kind = classifyAddress(address)
    if (kind === 'public' || (allowPrivate && kind !== 'not an address')) continue
    const what = `${withArticle(kind)} address`
    return net.isIP(host) ? `${address} is ${what}: ${onlyPublic}` : `${host} resolves to ${address}, ${what}: ${onlyPublic}`
  }
  return null
}

/** Why the host, as it is or as it resolves now, may not be sent to; null when it may. Throws when the name does not resolve. */
export async function hostRefusal(hostname: string, allowPrivate: boolean): Promise<string | null> {
  const host = hostname.replace(/^\[|\]$/g, '')
  const addresses = net.isIP(host) ? [host] : (await dns.promises.lookup(host, { all: true })).map((found) => found.address)
  return refusalOf(host, addresses, allowPrivate)
}

/** Why the URL's host, when it is an address itself, may not be sent to; a name is checked as it is resolved (`checkedLookup`). */
export function addressRefusalOfUrl(url: URL, allowPrivate: boolean): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  return net.isIP(host) ? refusalOf(host, [host], allowPrivate) : null
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

/**
 * A `lookup` for node:http that resolves the name and refuses it when any of its addresses may
 * not be sent to: the connection then goes to an address checked a moment before, never one a
 * second resolution could swap in.
 */
export function checkedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { all: true, family: options.family }, (error, addresses) => {
      if (error) return callback(error, [])
      const refused = refusalOf(
        hostname,
        addresses.map((found) => found.address),
        allowPrivate,
      )
      if (refused) return callback(Object.assign(new Error(refused), { code: 'EADDRREFUSED' }), [])
      const [first] = addresses
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address.`), { code: 'ENOTFOUND' }), [])
      if (options.all) return callback(null, addresses)
      callback(null, first.address, first.family)
    })
  }
}
