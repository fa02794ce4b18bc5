import 'server-only'
import crypto from 'node:crypto'
import { type SQL, count, eq, inArray } from 'drizzle-orm'
import { revalidatePath, revalidateTag } from 'next/cache'
import type { Db } from '@/db'
import { articles, corrections, revisions, slugHistory, users } from '@/db/schema'
import { authSecret } from './env'
import {
  bylinedTo,
  countPublicStories,
  inSections,
  listPageSize,
  sectionAndDescendants,
  tagSpellingsBySlug,
  taggedWith,
} from './public-lists'
import { sectionTrails, storyPath } from './sections'
import { slugify } from './slug'

/**
 * Every reader's address that shows a story or lists it: its page and old addresses, the front
 * page, its sections (every page of their lists, and their feeds), its authors' and tags' pages,
 * the feeds and sitemaps. Taken before and after a change, the two lists together are exactly
 * the pages to refresh.
 */
export async function pathsShowingStory(db: Db, articleId: number): Promise<string[]> {
  const [article] = await db
    .select({ sectionId: articles.sectionId, slug: articles.slug, bylines: revisions.bylines, tags: revisions.tags })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(eq(articles.id, articleId))
  if (!article) return []
  const trails = await sectionTrails(db)
  const oldPaths = await db.select({ path: slugHistory.path }).from(slugHistory).where(eq(slugHistory.articleId, articleId))
  const staffIds = article.bylines.flatMap((byline) => ('userId' in byline ? [byline.userId] : []))
  const authors =
    staffIds.length > 0 ? await db.select({ id: users.id, slug: users.slug }).from(users).where(inArray(users.id, staffIds)) : []

  const sectionLists = await Promise.all(
    (trails.get(article.sectionId) ?? []).map(async (crumb) => [
      `${crumb.path}/feed.xml`,
      ...(await listPaths(db, crumb.path, inSections(await sectionAndDescendants(db, crumb.id)))),
    ]),
  )
  const authorLists = await Promise.all(authors.map((author) => listPaths(db, `/authors/${author.slug}`, bylinedTo(author.id))))
  const tagSlugs = [...new Set(article.tags.map((tag) => slugify(tag)).filter(Boolean))]
  const spellings = await tagSpellingsBySlug(db)
  const tagLists = await Promise.all(
    tagSlugs.map((slug) => {
      const names = spellings.get(slug) ?? []
      return names.length > 0 ? listPaths(db, `/tags/${slug}`, taggedWith(names)) : [`/tags/${slug}`]
    }),
  )
  return [
    ...new Set([
      storyPath(trails, article.sectionId, article.slug),
      ...oldPaths.map((old) => old.path),
      '/',
      '/feed.xml',
      '/sitemap.xml',
      '/news-sitemap.xml',
      ...(await correctionPaths(db)),
      ...sectionLists.flat(),
      ...authorLists.flat(),
      ...tagLists.flat(),
    ]),
  ]
}

/** The public corrections list, every page of it. */
export async function correctionPaths(db: Db): Promise<string[]> {
  const [{ total }] = (await db.select({ total: count() }).from(corrections)) as [{ total: number }]
  return pagePaths('/corrections', total)
}

/** The tag of every kept search page (app/(site)/search/route.ts): any publication may change them. */
export const publicSearchTag = 'public-search'

/**
 * Refreshes these reader's pages, and every kept search: their next request makes them again.
 * Only inside a request or action.
 */
export function refreshPublicPages(paths: Iterable<string>): void {
  for (const path of new Set(paths)) revalidatePath(path)
  revalidateTag(publicSearchTag, { expire: 0 })
}

async function listPaths(db: Db, basePath: string, where: SQL | undefined): Promise<string[]> {
  const total = await countPublicStories(db, where)
  // One more page than there is: a story taken off the list may have emptied the last one.
  return pagePaths(basePath, total + listPageSize)
}

function pagePaths(basePath: string, total: number): string[] {
  const pageCount = Math.max(1, Math.ceil(total / listPageSize))
  return [basePath, ...Array.from({ length: pageCount - 1 }, (_, index) => `${basePath}/page/${index + 2}`)]
}

/** The key the scheduler shows the refresh endpoint: derived from the session key, never sent elsewhere. */
export function refreshKey(): string {
  return crypto.createHmac('sha256', authSecret()).update('copydesk: refresh public pages').digest('base64url')
}

/**
 * For work done outside a request (the scheduler): Next refreshes cached pages only from a
 * request, so this asks the server itself, over loopback, through `app/api/public-pages`. It
 * retries while the server is still starting, and never throws: a failure is logged.
 */
export async function askServerToRefresh(paths: readonly string[], attempts = 10): Promise<void> {
  const address = `http://127.0.0.1:${process.env.PORT || 3000}/api/public-pages`
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const response = await fetch(address, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${refreshKey()}` },
        body: JSON.stringify({ paths }),
      })
      if (response.ok) return
      console.error(`Copydesk: refreshing reader's pages was refused (${response.status})`)
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 2000))
    }
  }
  console.error(`Copydesk: could not reach ${address} to refresh reader's pages`)
}
