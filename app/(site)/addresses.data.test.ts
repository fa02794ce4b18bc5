import { describe, expect, it } from 'vitest'
import { site, openReaderSite } from '@/test/reader-site'

// Addresses no route has a page for, robots.txt (app/(site)/robots.txt) and the front page.

const { serve, get } = await openReaderSite()

describe('addresses that are not pages', () => {
  const notPages: [string, string[]][] = [
    ['an unknown path', ['no-such-page']],
    ['an unknown story in a section', ['world', 'no-such-story']],
    ['a lone authors or tags segment', ['authors']],
    ['a lone tags segment', ['tags']],
    ['a parent-directory segment', ['..']],
    ['a parent-directory segment inside a path', ['world', '..', 'business']],
    ['a hidden-file segment', ['.env']],
    ['an upper-case segment', ['World']],
    ['an upper-case slug', ['world', 'Harbour-Reopens']],
    ['a space', ['world', 'harbour reopens']],
    ['markup', ['<script>alert(1)</script>']],
    ['an encoded slash', ['world%2Fharbour-reopens']],
    ['an encoded parent directory', ['%2e%2e']],
    ['an empty segment', ['']],
    ['a query-like segment', ['world?page=2']],
    ['thirteen segments', Array.from({ length: 13 }, () => 'a')],
    ['a 201-character segment', ['a'.repeat(201)]],
    ['a % sequence that does not decode', ['%E0%A4%A']],
    ['a lone %', ['world', '%']],
    ['a feed below a feed', ['feed.xml', 'feed.xml']],
    ['a section feed with more after it', ['world', 'feed.xml', 'more']],
  ]

  it.each(notPages)('answers 404 for %s', async (_, segments) => {
    const answer = await serve(segments)
    expect(answer.status).toBe(404)
    expect(answer.body).toContain('Page not found')
    expect(answer.body).not.toContain('alert(1)')
  })

  it('serves robots.txt, and the home page for no segments at all', async () => {
    const robots = await get('/robots.txt')
    expect(robots.contentType).toBe('text/plain; charset=utf-8')
    expect(robots.body).toContain(`Sitemap: ${site}/sitemap.xml`)
    expect(robots.body).toContain('Disallow: /desk')
    const home = await serve([])
    expect(home.status).toBe(200)
    expect(home.body).toContain(`<link rel="canonical" href="${site}/">`)
  })
})
