import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  type KeptPage,
  addressOf,
  cacheGeneration,
  dropAllPages,
  dropPagesShowing,
  keepPage,
  keptPage,
  readerCacheSize,
} from './reader-cache'

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

describe('the address a page is kept under', () => {
  const address = (url: string) => addressOf(new URL(url, 'http://news.example'))

  it('is the path alone: tracking parameters neither split nor miss a page', () => {
    expect(address('/world/harbour-reopens?utm_source=mail&fbclid=1')).toBe('/world/harbour-reopens')
    expect(address('/world')).toBe('/world')
  })

  it('is the words and page number for a search, whatever else the query string holds', () => {
    expect(address('/search?utm_source=x&page=2&q=harbour')).toBe('/search?q=harbour&page=2')
    expect(address('/search?q=harbour')).toBe(address('/search?q=harbour&ref=home'))
    expect(address('/search?q=harbour')).not.toBe(address('/search?q=ferry'))
  })

  it('is what the server in front of Next looks pages up by', () => {
    keepPage('/search?q=harbour&page=', page(['every-story']), cacheGeneration())
    const lookup = (globalThis as { __copydeskReaderCache?: { lookup: (url: string) => KeptPage | undefined } }).__copydeskReaderCache
      ?.lookup
    expect(lookup?.('/search?q=harbour&utm_source=x')?.keys).toEqual(['every-story'])
    expect(lookup?.('/search?q=ferry')).toBeUndefined()
  })
})
