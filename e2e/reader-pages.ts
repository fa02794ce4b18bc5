import { type APIRequestContext, expect } from '@playwright/test'

// What the reader's-site specs know of the demo newsroom (seed/stories), and how they read the site.

// The demo newsroom's stories (seed/stories).
export const marsaHalim = {
  path: '/regions/middle-east/marsa-halim-harbour-reopens-a-year-after-the-storm',
  headline: 'Marsa Halim’s harbour reopens a year after the storm, but its fishermen count what was lost',
}
export const coastlink = {
  path: '/business/coastlink-air-adds-four-winter-routes-as-it-bets-on-island-tourism',
  headline: 'Coastlink Air adds four winter routes as it bets on island tourism',
  // Saved after publication and never published.
  unpublishedHeadline: 'Coastlink Air adds four winter routes, but drops its Kessel service',
}
export const hidden = [
  coastlink.unpublishedHeadline,
  'Bakery chain Crumb & Co to be sold to its 380 staff', // scheduled
  'Boundary review would merge two rural constituencies', // draft
  'Mountain villages ration water as the Halden glacier retreats', // in review
  'Grain shipments through the Strait of Kell rise for a third month', // unpublished
]

/** Every public address a reader, a feed reader or a crawler can reach without searching. */
export async function publicDocuments(request: APIRequestContext): Promise<Map<string, string>> {
  const paths = [
    '/',
    '/regions',
    '/regions/middle-east',
    '/business',
    '/world',
    '/feed.xml',
    '/business/feed.xml',
    '/sitemap.xml',
    '/news-sitemap.xml',
    '/corrections',
  ]
  const listed = async () => {
    const sitemap = await (await request.get('/sitemap.xml')).text()
    return [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, url]) => new URL(url ?? '/').pathname)
  }
  const documents = new Map<string, string>()
  for (const path of new Set([...paths, ...(await listed())])) {
    const response = await request.get(path)
    // A story another test took down while this walked the site has left the sitemap too.
    if (response.status() !== 200 && !paths.includes(path)) {
      expect(await listed(), `${path} answers ${response.status()} but the sitemap still lists it`).not.toContain(path)
      continue
    }
    expect(response.status(), path).toBe(200)
    documents.set(path, await response.text())
  }
  return documents
}

/** Any absolute address on the site under test (the server's own, from playwright.config.ts). */
export const siteAddress = (site: string) => new RegExp(`^${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`)
