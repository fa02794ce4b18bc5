/**
 * The header server.mjs sets on every request to the socket's peer address, replacing whatever a
 * client sent under that name: route handlers cannot see the socket themselves.
 */
export const peerHeader = 'x-copydesk-peer'

/**
 * The address that sign-in limits and the audit log count a client by.
 *
 * With `hops` trusted proxies in front, each appending the address it was reached from to
 * X-Forwarded-For, the client is the `hops`-th address from the right; anything further left the
 * client may have written itself. With no trusted proxy (0), X-Forwarded-For is the client's own
 * writing and is ignored: the client is the socket's peer, from `peerHeader`.
 */
export function clientAddress(headers: Headers, hops: number): string {
  if (hops === 0) return headers.get(peerHeader)?.trim() || 'unknown'
  const addresses = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean)
  // Fewer addresses than proxies: the request skipped the outer ones, so the first is the nearest we know.
  return addresses.at(-hops) ?? addresses[0] ?? 'unknown'
}
