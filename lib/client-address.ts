/**
 * The address that sign-in limits count a client by. Route handlers cannot see the socket, so it
 * comes from X-Forwarded-For, trusting only what our own proxies appended: with `hops` proxies in
 * front, each appending the address it was reached from, the client is the `hops`-th address from
 * the right; anything further left the client may have written itself. Without any proxy,
 * Next.js fills the header with the socket address only when the client sent none, so a server
 * exposed directly lets a client pick its own key: put a proxy in front of a real deployment.
 */
export function clientAddress(headers: Headers, hops: number): string {
  const addresses = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean)
  // Fewer addresses than proxies: the request skipped the outer ones, so the first is the nearest we know.
  return addresses.at(-hops) ?? addresses[0] ?? 'unknown'
}
