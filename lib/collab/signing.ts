import 'server-only'
import crypto from 'node:crypto'

// What the sync server signs (tickets, writers' names): an HMAC with a key derived from
// AUTH_SECRET for one purpose alone, so that nothing signed for one passes for another.

function keyFor(secret: string, purpose: string): Buffer {
  return crypto.createHmac('sha256', secret).update(purpose).digest()
}

/** The signature of `payload` for `purpose`, in base64url. */
export function signatureOf(secret: string, purpose: string, payload: string): string {
  return crypto.createHmac('sha256', keyFor(secret, purpose)).update(payload).digest('base64url')
}

/** Whether `given` is the signature of `payload` for `purpose` (compared in constant time). */
export function isSignatureOf(secret: string, purpose: string, payload: string, given: string): boolean {
  const expected = Buffer.from(signatureOf(secret, purpose, payload))
  const actual = Buffer.from(given)
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}
