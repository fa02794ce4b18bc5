import { afterEach, describe, expect, it, vi } from 'vitest'
import { type KeptPage, cacheGeneration, dropAllPages, dropPagesShowing, keepPage, keptPage, readerCacheSize } from './reader-cache'

const page = (keys: string[], bytes = 10, expiresAt: number | null = null): KeptPage => ({
  status: 200,
  headers: { 'content-type': 'text/html' },
  body: Buffer.alloc(bytes, 'x'),
  keys,
  expiresAt,
})

afterEach(() => {
  dropAllPages()
  vi.unstubAllEnvs()
})

describe('the reader cache', () => {
  it('keeps a page and drops exactly the pages showing a changed key', () => {
    keepPage('/world/a', page(['story-1', 'sections']), cacheGeneration())
    keepPage('/world', page(['story-1', 'story-2', 'section-1']), cacheGeneration())
    keepPage('/business', page(['story-3', 'section-2']), cacheGeneration())
    dropPagesShowing(['story-1'])
    expect(keptPage('/world/a')).toBeUndefined()
    expect(keptPage('/world')).toBeUndefined()
    expect(keptPage('/business')?.keys).toEqual(['story-3', 'section-2'])
  })

  it('does not keep a page made while something changed: it may show what was just changed', () => {
    const madeAt = cacheGeneration()
    dropPagesShowing(['story-9'])
    expect(keepPage('/world/b', page(['story-1']), madeAt)).toBe(false)
    expect(keptPage('/world/b')).toBeUndefined()
  })

  it('stays within its size, letting the least recently used pages go first', () => {
    vi.stubEnv('READER_CACHE_MB', String(100 / (1024 * 1024)))
    keepPage('/a', page(['story-1'], 20), cacheGeneration())
    keepPage('/b', page(['story-2'], 20), cacheGeneration())
    keepPage('/c', page(['story-3'], 20), cacheGeneration())
    keptPage('/a')
    for (const address of ['/d', '/e', '/f']) keepPage(address, page(['story-4'], 20), cacheGeneration())
    expect(readerCacheSize().bytes).toBeLessThanOrEqual(100)
    expect(keptPage('/a')).toBeDefined()
    expect(keptPage('/b')).toBeUndefined()
  })

  it('forgets a page whose time is up, and everything when told it may have missed a change', () => {
    keepPage('/news-sitemap.xml', page(['every-story'], 10, 1_000), cacheGeneration())
    expect(keptPage('/news-sitemap.xml', 999)).toBeDefined()
    expect(keptPage('/news-sitemap.xml', 1_000)).toBeUndefined()
    keepPage('/x', page(['story-1']), cacheGeneration())
    dropAllPages()
    expect(readerCacheSize()).toEqual({ pages: 0, bytes: 0 })
  })
})
