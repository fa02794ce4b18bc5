import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { newSecret, replayWindowSeconds, signatureHeaderValue, verifySignature } from './signing'

const secret = 'whsec_test-secret'
const body = '{"id":"5b0e…","type":"story.published"}'
const at = new Date('2031-01-05T08:00:00Z')
const unix = at.getTime() / 1000

describe('webhook signatures', () => {
  it('are t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">', () => {
    const expected = createHmac('sha256', secret).update(`${unix}.${body}`).digest('hex')
    expect(signatureHeaderValue(secret, body, at)).toBe(`t=${unix},v1=${expected}`)
  })

  it('verify over the exact body, within the replay window', () => {
    const header = signatureHeaderValue(secret, body, at)
    expect(verifySignature(secret, header, body, at)).toEqual({ ok: true, timestamp: unix })
    expect(verifySignature(secret, header, body, new Date(at.getTime() + replayWindowSeconds * 1000))).toMatchObject({ ok: true })
  })

  it('refuse another body, another secret, an old timestamp and a malformed header', () => {
    const header = signatureHeaderValue(secret, body, at)
    expect(verifySignature(secret, header, `${body} `, at)).toEqual({ ok: false, reason: 'The signature does not match.' })
    expect(verifySignature('whsec_other', header, body, at)).toEqual({ ok: false, reason: 'The signature does not match.' })
    const sixMinutesLater = new Date(at.getTime() + 6 * 60_000)
    expect(verifySignature(secret, header, body, sixMinutesLater)).toEqual({ ok: false, reason: 'The timestamp is outside the window.' })
    expect(verifySignature(secret, 'v1=abc', body, at)).toEqual({ ok: false, reason: 'The signature header is malformed.' })
  })

  it('signs with a secret of its own per endpoint, never the same twice', () => {
    const [one, two] = [newSecret(), newSecret()]
    expect(one).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/)
    expect(one).not.toBe(two)
  })
})
