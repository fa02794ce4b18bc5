import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

// How a delivery proves it came from this newsroom: `Copydesk-Signature: t=<unix seconds>,v1=<hex>`,
// the HMAC-SHA256 of `<t>.<body>` under the endpoint's secret. The time is in the signed text, so a
// receiver that refuses old timestamps (`replayWindowSeconds`) cannot be sent a captured delivery
// again later; retries are signed afresh.

export const signatureHeader = 'Copydesk-Signature'
export const eventIdHeader = 'Copydesk-Event-Id'
export const eventTypeHeader = 'Copydesk-Event'

/** How old a signature's time a receiver should accept (and how far in the future). */
export const replayWindowSeconds = 5 * 60

/** A new endpoint secret: `whsec_` and 32 random bytes; the whole string is the HMAC key. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`
}

/** The HMAC-SHA256, in hex, of `<timestamp>.<body>` under the secret. */
export function signature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
}

/** The `Copydesk-Signature` header for a body sent at `at`. */
export function signatureHeaderValue(secret: string, body: string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000)
  return `t=${timestamp},v1=${signature(secret, timestamp, body)}`
}

export type Verification = { ok: true; timestamp: number } | { ok: false; reason: string }

/**
 * What a receiver does with a delivery: checks the header's signature over the raw body (in
 * constant time) and that its time is within the replay window of `now`.
 */
export function verifySignature(secret: string, header: string, body: string, now = new Date()): Verification {
  const parts = new Map(
    header.split(',').map((part) => {
      const at = part.indexOf('=')
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const
    }),
  )
  const timestamp = Number(parts.get('t'))
  const given = parts.get('v1') ?? ''
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) return { ok: false, reason: 'The signature header is malformed.' }
  if (Math.abs(now.getTime() / 1000 - timestamp) > replayWindowSeconds) return { ok: false, reason: 'The timestamp is outside the window.' }
  const expected = Buffer.from(signature(secret, timestamp, body), 'hex')
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) return { ok: false, reason: 'The signature does not match.' }
  return { ok: true, timestamp }
}
