import { describe, expect, it } from 'vitest'
import { mintTicket, ticketLifetimeMs, verifyTicket } from './ticket'

const secret = 'a secret for the tests'
const who = { userId: 7, sessionId: 'session-7', articleId: 42 }
const now = Date.UTC(2030, 0, 1)

describe('collab tickets', () => {
  it('lets the person in to the story it was minted for, until it expires', () => {
    const { token, expiresAt } = mintTicket(secret, who, now)
    expect(expiresAt).toBe(now + ticketLifetimeMs)
    expect(verifyTicket(secret, token, 42, now + ticketLifetimeMs - 1)).toEqual({ ok: true, ticket: { ...who, expiresAt } })
    expect(verifyTicket(secret, token, 42, now + ticketLifetimeMs)).toEqual({ ok: false, problem: 'expired' })
  })

  it('refuses a ticket for another story, one signed with another secret, and one changed on the way', () => {
    const { token } = mintTicket(secret, who, now)
    expect(verifyTicket(secret, token, 43, now)).toEqual({ ok: false, problem: 'other-story' })
    expect(verifyTicket('another secret', token, 42, now)).toEqual({ ok: false, problem: 'forged' })
    const [payload, signature] = token.split('.')
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>
    const raised = Buffer.from(JSON.stringify({ ...claims, userId: 1 })).toString('base64url')
    expect(verifyTicket(secret, `${raised}.${signature}`, 42, now)).toEqual({ ok: false, problem: 'forged' })
    expect(verifyTicket(secret, `${payload}.${signature}x`, 42, now)).toEqual({ ok: false, problem: 'forged' })
  })

  it('refuses what is no ticket at all', () => {
    for (const token of ['', 'abc', 'a.b.c', '.', `${Buffer.from('{}').toString('base64url')}.`]) {
      expect(verifyTicket(secret, token, 42, now)).toMatchObject({ ok: false })
    }
  })
})
