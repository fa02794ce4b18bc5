import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { refreshHeader, refreshToken } from '@/lib/edge/nodes'
import { shows } from '@/lib/page-keys'
import { dropAllPages, dropPagesShowing } from '@/lib/reader-cache'
import { readerPage } from './reader-response'

// What every reader's route answers through: the page kept in memory, its keys as
// Surrogate-Key, and what the edge may keep (X-Accel-Expires: 0 says "do not").

beforeEach(() => vi.stubEnv('AUTH_SECRET', 'reader-response-test-secret'))
afterEach(() => {
  dropAllPages()
  vi.unstubAllEnvs()
})

const request = (path: string, refresh = false) =>
  new Request(`http://news.example${path}`, { headers: refresh ? { [refreshHeader]: refreshToken() } : {} })

/** A page showing story 1, made while `meanwhile` happens. */
const make =
  (status: number, meanwhile: () => void = () => {}) =>
  async () => {
    shows('story-1', 'sections')
    meanwhile()
    return new Response(`<h1>page ${Math.random()}</h1>`, { status, headers: { 'content-type': 'text/html' } })
  }

describe('a reader’s page', () => {
  it('is made once and then answered from memory, with what it shows as Surrogate-Key', async () => {
    const first = await readerPage(request('/world/a?utm_source=x'), make(200))
    const second = await readerPage(request('/world/a'), make(200))
    expect(await second.text()).toBe(await first.text())
    expect(second.headers.get('surrogate-key')).toBe('sections story-1')
    expect(second.headers.get('x-accel-expires')).toBeNull()
  })

  it('is neither kept nor left to the edge when a change was announced while it was made', async () => {
    const response = await readerPage(
      request('/world/b'),
      make(200, () => dropPagesShowing(['story-1'])),
    )
    expect(response.headers.get('x-accel-expires')).toBe('0')
    const again = await readerPage(request('/world/b'), make(200))
    expect(await again.text()).not.toBe(await response.text())
  })

  it('made for an edge’s refresh is always left to the edge, even when this process heard of the change meanwhile', async () => {
    const response = await readerPage(
      request('/world/c', true),
      make(200, () => dropPagesShowing(['story-1'])),
    )
    expect(response.headers.get('x-accel-expires')).toBeNull()
  })

  it('answers a made-up address 404 without letting anyone keep it, unless an edge asked to replace what it held', async () => {
    expect((await readerPage(request('/world/made-up'), make(404))).headers.get('x-accel-expires')).toBe('0')
    expect((await readerPage(request('/world/emptied/page/3', true), make(404))).headers.get('x-accel-expires')).toBeNull()
  })

  it('answers 304 to a browser that holds the same copy', async () => {
    const first = await readerPage(request('/world/d'), make(200))
    const etag = first.headers.get('etag') ?? ''
    const again = await readerPage(new Request('http://news.example/world/d', { headers: { 'if-none-match': etag } }), make(200))
    expect(again.status).toBe(304)
  })
})

describe('every reader’s answer', () => {
  it.each([200, 301, 404, 410])(
    'with status %i, is one browsers and CDNs must ask for again (the edge alone keeps pages, and is purged), and carries the security headers',
    async (status) => {
      for (const response of [
        await readerPage(request(`/world/${status}`), make(status)),
        await readerPage(request(`/world/${status}`), make(status)),
      ]) {
        expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
        expect(response.headers.get('content-security-policy')).toContain("default-src 'none'")
        expect(response.headers.get('x-content-type-options')).toBe('nosniff')
        expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      }
    },
  )

  it('never lets a CDN keep the news sitemap longer than its own hour', async () => {
    const response = await readerPage(request('/news-sitemap.xml'), make(200), { maxAgeSeconds: 3600 })
    expect(response.headers.get('cache-control')).not.toMatch(/s-maxage/)
    expect(response.headers.get('x-accel-expires')).toBe('3600')
  })
})
