import { encode } from 'next-auth/jwt'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { sessionTokenReader } from './session-token'

const keys = { cookieName: 'authjs.session-token', secret: 'a-test-secret-of-enough-length-0123456789' }
const cookieFor = async (sid: string, maxAge = 3600, secret = keys.secret) =>
  `authjs.csrf-token=abc; ${keys.cookieName}=${await encode({ token: { sub: '7', sid }, secret, salt: keys.cookieName, maxAge })}`

afterEach(() => {
  vi.useRealTimers()
})

describe('sessionTokenReader', () => {
  it('reads the session a signed-in cookie names, again and again', async () => {
    const read = sessionTokenReader(keys)
    const cookie = await cookieFor('session-1')
    expect(await read(cookie)).toBe('session-1')
    expect(await read(cookie)).toBe('session-1')
    expect(await read(await cookieFor('session-2'))).toBe('session-2')
  })

  it('names no session for no cookie, a forged one, or one sealed with another secret', async () => {
    const read = sessionTokenReader(keys)
    const cookie = await cookieFor('session-1')
    expect(await read('')).toBeNull()
    expect(await read('authjs.csrf-token=abc')).toBeNull()
    expect(await read(`${cookie.slice(0, -4)}AAAA`)).toBeNull()
    expect(await read(await cookieFor('session-1', 3600, 'another-secret-of-enough-length-0123456789'))).toBeNull()
  })

  it('stops naming the session once the token has expired, even after reading it before', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-03-01T12:00:00Z'))
    const read = sessionTokenReader(keys)
    const cookie = await cookieFor('session-1', 60)
    expect(await read(cookie)).toBe('session-1')
    vi.setSystemTime(new Date('2026-03-01T12:02:00Z'))
    expect(await read(cookie)).toBeNull()
  })
})
