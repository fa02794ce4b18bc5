import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

// A token's secret: a prefix that says what it is (so that secret scanners and people recognise
// one), then 32 random bytes in base64url. Only its SHA-256 is stored: the secret is long and
// random, so a fast hash is enough, and it lets a request's token be found by an index.

export const tokenPrefix = 'cdk_'

/** 32 random bytes in base64url are 43 characters. */
const secretPattern = /^cdk_[A-Za-z0-9_-]{43}$/

export function newTokenSecret(): string {
  return tokenPrefix + randomBytes(32).toString('base64url')
}

/** The stored form of a secret: SHA-256, hex. */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** Whether the text has the shape of a secret this module makes (checked before any query). */
export function isTokenShaped(secret: string): boolean {
  return secretPattern.test(secret)
}

/** Whether two hashes are equal, in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right)
}

/**
 * The token an Authorization header carries (`Bearer cdk_…`), or why not: `missing` without the
 * header, `malformed` for another scheme or something that is not a token.
 */
export function bearerSecret(header: string | null): { ok: true; secret: string } | { ok: false; problem: 'missing' | 'malformed' } {
  if (header === null || header.trim() === '') return { ok: false, problem: 'missing' }
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header.trim())
  if (!match?.[1] || !isTokenShaped(match[1])) return { ok: false, problem: 'malformed' }
  return { ok: true, secret: match[1] }
}
