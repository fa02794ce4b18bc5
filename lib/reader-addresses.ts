import { sitePageSlugs } from './site-pages'

// The first segments of addresses that the section tree may not take. Next picks a route by
// its folder before the catch-all (app/(site)/[[...path]]) sees a path, so a top-level section
// named after one of them would never be reached: the desk, sign-in, the API, images, the
// reader's fixed routes in app/(site)/, and the standing pages that app/(site)/site-tree.ts serves
// before the tree. `lib/reader-addresses.test.ts` checks that every route folder is listed here.

/** Route folders directly under app/ and app/(site)/, and the folders of public/. */
export const routeSegments = [
  'api',
  'authors',
  'corrections',
  'demo',
  'desk',
  'feed.xml',
  'login',
  'media',
  'news-sitemap.xml',
  'robots.txt',
  'search',
  'sitemap.xml',
  'styles',
  'tags',
] as const

/** Taken at every depth: `/<section>/page/2` is a section's second page. */
export const pagedSegment = 'page'

/** Whether a top-level section may not have this slug, because the address is someone else's. */
export function isReservedTopSegment(slug: string): boolean {
  return (routeSegments as readonly string[]).includes(slug) || (sitePageSlugs as readonly string[]).includes(slug) || slug === pagedSegment
}
