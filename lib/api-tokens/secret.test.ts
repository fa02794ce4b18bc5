import { describe, expect, it } from 'vitest'
import { bearerSecret, hashTokenSecret, newTokenSecret, sameHash } from './secret'
import { apiScopeSchema, knownScopes } from './scopes'

describe('a token secret', () => {
  it('is the prefix and 32 random bytes, different every time', () => {
    const [a, b] = [newTokenSecret(), newTokenSecret()]
    expect(a).toMatch(/^cdk_[A-Za-z0-9_-]{43}$/)
    expect(a).not.toBe(b)
  })

  it('is stored as its SHA-256 in hex', () => {
    expect(hashTokenSecret('cdk_x')).toMatch(/^[0-9a-f]{64}$/)
    expect(hashTokenSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(sameHash(hashTokenSecret('a'), hashTokenSecret('a'))).toBe(true)
    expect(sameHash(hashTokenSecret('a'), hashTokenSecret('b'))).toBe(false)
  })

  it('is read from a Bearer header only, in its own shape', () => {
    const secret = newTokenSecret()
    expect(bearerSecret(`Bearer ${secret}`)).toEqual({ ok: true, secret })
    expect(bearerSecret(`bearer  ${secret} `)).toEqual({ ok: true, secret })
    expect(bearerSecret(null)).toEqual({ ok: false, problem: 'missing' })
    expect(bearerSecret(`Basic ${secret}`)).toEqual({ ok: false, problem: 'malformed' })
    expect(bearerSecret('Bearer cdk_short')).toEqual({ ok: false, problem: 'malformed' })
  })
})

describe('scopes', () => {
  it('are one list: anything else is refused, and unknown stored ones are dropped', () => {
    expect(apiScopeSchema.safeParse('write:drafts').success).toBe(true)
    expect(apiScopeSchema.safeParse('publish').success).toBe(false)
    expect(knownScopes(['webhooks', 'publish', 'read:published'])).toEqual(['read:published', 'webhooks'])
  })
})
