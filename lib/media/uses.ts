import 'server-only'
import { eq, inArray } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { articles, media, mediaUses, revisions } from '@/db/schema'
import { figureMediaIds } from '../rich-text'
import { isPubliclyVisible } from '../story-state'
import { keysOf } from './library'
import { mediaUrlPrefix } from './keys'
import { mediaUrl } from './urls'

// Which images are public: those a story shows readers, kept in `media_uses` (one row per image
// and story). An image with no row there is served only to the newsroom (app/media/[...key]).

/** The images a revision shows: its lead image, its social image (in link previews) and its body's figures. */
export function imagesOf(revision: {
  leadMediaId: number | null
  socialMediaId: number | null
  body: Parameters<typeof figureMediaIds>[0]
}): number[] {
  const chosen = [revision.leadMediaId, revision.socialMediaId].filter((id) => id !== null)
  return [...new Set([...chosen, ...figureMediaIds(revision.body)])]
}

/**
 * Makes `media_uses` hold exactly the images readers see on this story: its published revision's,
 * while it is publicly visible, and none otherwise. Runs in the transaction that changes the
 * story's status or live revision (`changeStatus`, the demo seed), so an image turns public and
 * private with the story and never in between.
 */
export async function syncMediaUses(tx: Tx, articleId: number): Promise<void> {
  const [row] = await tx
    .select({
      status: articles.status,
      publishedRevisionId: articles.publishedRevisionId,
      leadMediaId: revisions.leadMediaId,
      socialMediaId: revisions.socialMediaId,
      body: revisions.body,
    })
    .from(articles)
    .leftJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(eq(articles.id, articleId))
  await tx.delete(mediaUses).where(eq(mediaUses.articleId, articleId))
  if (!row?.body || !isPubliclyVisible(row)) return
  const wanted = imagesOf({ leadMediaId: row.leadMediaId, socialMediaId: row.socialMediaId, body: row.body })
  if (wanted.length === 0) return
  // A figure may name an image deleted since: only images that exist are recorded.
  const existing = await tx.select({ id: media.id }).from(media).where(inArray(media.id, wanted))
  if (existing.length === 0) return
  await tx
    .insert(mediaUses)
    .values(existing.map((image) => ({ mediaId: image.id, articleId })))
    .onConflictDoNothing()
}

/**
 * The addresses an edge node caches these images under (every rendition), for refreshing them
 * when an image turns private. Images served from elsewhere (a bucket's own address) have none.
 */
export async function mediaAddresses(db: Db, ids: readonly number[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select({ storageKey: media.storageKey, variants: media.variants })
    .from(media)
    .where(inArray(media.id, [...ids]))
  return rows
    .flatMap(keysOf)
    .map(mediaUrl)
    .filter((url) => url.startsWith(`${mediaUrlPrefix}/`))
}
