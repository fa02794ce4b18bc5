import { beforeAll, describe, expect, it, vi } from 'vitest'
import { refreshKey } from '@/lib/public-pages'
import { POST } from './route'

beforeAll(() => {
  vi.stubEnv('AUTH_SECRET', 'unit-test-secret-0123456789abcdef')
})

const ask = (authorization: string | null, body: unknown) =>
  POST(
    new Request('http://127.0.0.1/api/public-pages', {
      method: 'POST',
      headers: authorization === null ? {} : { authorization },
      body: JSON.stringify(body),
    }),
  )

describe('the refresh endpoint the scheduler calls', () => {
  it('refuses a request without the server’s own key (403), refreshing nothing', async () => {
    for (const authorization of [null, 'Bearer guess', `Bearer ${refreshKey()}x`]) {
      const response = await ask(authorization, { paths: ['/'] })
      expect(response.status).toBe(403)
      expect(await response.json()).toEqual({ ok: false, reason: 'forbidden', message: 'Only the server itself may ask for a refresh.' })
    }
  })

  it('refuses a request with the key but no list of paths (422)', async () => {
    const response = await ask(`Bearer ${refreshKey()}`, { paths: 'everything' })
    expect(response.status).toBe(422)
    expect(await response.json()).toMatchObject({ ok: false, reason: 'invalid' })
  })
})
