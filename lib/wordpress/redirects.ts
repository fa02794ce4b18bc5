import 'server-only'
import { eq } from 'drizzle-orm'
import { articles, slugHistory } from '@/db/schema'
import { isReservedTopSegment } from '@/lib/reader-addresses'
import { sectionTrails, storyPath } from '@/lib/sections'
import type { ImportContext } from './context'

/** A path segment the reader's site answers for (as `decodeSegments` in app/(site)/reader-response.ts reads them). */
const segmentPattern = /^[a-z0-9][a-z0-9._-]{0,199}$/

/**
 * The path of a post's old address (`https://old.example/2024/05/12/harbour-reopens/` →
 * `/2024/05/12/harbour-reopens`), or why it cannot lead anywhere here.
 */
export function permalinkPath(link: string): { ok: true; path: string } | { ok: false; problem: string } {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return { ok: false, problem: `its old address “${link.slice(0, 80)}” is not an address: no redirect` }
  }
  if (url.search !== '') return { ok: false, problem: `its old address ${url.pathname}${url.search} has a query: no redirect` }
  const segments = url.pathname.split('/').filter(Boolean)
  if (segments.length === 0) return { ok: false, problem: 'its old address is the front page: no redirect' }
  if (segments.length === 1 && isReservedTopSegment(segments[0] ?? ''))
    return { ok: false, problem: `its old address ${url.pathname} belongs to the site itself here: no redirect` }
  if (!segments.every((segment) => segmentPattern.test(segment)))
    return { ok: false, problem: `its old address ${url.pathname} has characters the site's addresses never have: no redirect` }
  return { ok: true, path: `/${segments.join('/')}` }
}

/**
 * Makes a published story's old WordPress address answer 301 to its address here: a row of
 * `slug_history`, the old addresses the reader's site looks up after its live ones. An address
 * another story or a section lives at now is left to it.
 */
export async function redirectPermalink(context: ImportContext, articleId: number, link: string, where: string): Promise<void> {
  const { db, report } = context
  const found = permalinkPath(link)
  if (!found.ok) {
    report.problem(where, found.problem)
    report.count('redirects', 'skipped')
    return
  }
  const trails = await sectionTrails(db)
  const [article] = await db.select({ sectionId: articles.sectionId, slug: articles.slug }).from(articles).where(eq(articles.id, articleId))
  if (!article || storyPath(trails, article.sectionId, article.slug) === found.path) {
    report.count('redirects', 'unchanged')
    return
  }
  if ([...trails.values()].some((trail) => trail.at(-1)?.path === found.path)) {
    report.problem(where, `its old address ${found.path} is a section's address here: no redirect`)
    report.count('redirects', 'skipped')
    return
  }
  const [existing] = await db.select({ articleId: slugHistory.articleId }).from(slugHistory).where(eq(slugHistory.path, found.path))
  if (existing?.articleId === articleId) {
    report.count('redirects', 'unchanged')
    return
  }
  await db.insert(slugHistory).values({ articleId, path: found.path }).onConflictDoUpdate({ target: slugHistory.path, set: { articleId } })
  report.count('redirects', existing ? 'updated' : 'created')
}
