import 'server-only'
import { count, eq } from 'drizzle-orm'
import { type Db, isOnServer } from '@/db'
import { articles, corrections, revisions } from '@/db/schema'
import { edgeNodes } from './edge/nodes'
import { type EdgeFailure, refreshOnEdges } from './edge/purges'
import { tellInstances } from './instances'
import { forgetKeptValues } from './kept-values'
import { imagesOf, mediaAddresses } from './media/uses'
import { pageKey } from './page-keys'
import { pathsShowing } from './page-record'
import { storyPlaceColumns } from './public-articles'
import { dropPagesShowing } from './reader-cache'
import { sectionTrails } from './sections'
import { slugify } from './slug'
import { isPubliclyVisible } from './story-state'

// Every change readers would notice ends here: it names the page keys it alters
// (lib/page-keys.ts), and the pages showing one of them are made again in this process's cache,
// in every other instance's, and on every edge node.

/**
 * How a story stands for readers: the revision they see, the lists it is on and the images it
 * shows (public because of it). Null when they cannot see it.
 */
export type StoryAsShown = { revisionId: number; lists: ReadonlySet<string>; images: ReadonlySet<number> } | null

/** Takes a story's standing for readers: before a change and after it, for `storyChangeKeys`. */
export async function storyAsShown(db: Db, articleId: number): Promise<StoryAsShown> {
  const [row] = await db
    .select({
      ...storyPlaceColumns,
      bylines: revisions.bylines,
      tags: revisions.tags,
      leadMediaId: revisions.leadMediaId,
      socialMediaId: revisions.socialMediaId,
      body: revisions.body,
    })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(eq(articles.id, articleId))
  if (!row || !isPubliclyVisible(row) || row.publishedRevisionId === null) return null
  const trail = (await sectionTrails(db)).get(row.sectionId) ?? []
  const [corrected] = await db.select({ total: count() }).from(corrections).where(eq(corrections.articleId, articleId))
  const lists = [
    pageKey.everyList,
    ...trail.map((crumb) => pageKey.sectionList(crumb.id)),
    ...row.bylines.flatMap((byline) => ('userId' in byline ? [pageKey.authorList(byline.userId)] : [])),
    ...row.tags.map((tag) => pageKey.tagList(slugify(tag))),
    ...((corrected?.total ?? 0) > 0 ? [pageKey.corrections] : []),
  ]
  return { revisionId: row.publishedRevisionId, lists: new Set(lists), images: new Set(imagesOf(row)) }
}

/**
 * The keys a change to one story alters: nothing if readers saw nothing change; otherwise the
 * story itself, every page showing all stories (search, sitemaps), and the lists it joined or
 * left. A list it stays on shows it under its own key already.
 */
export function storyChangeKeys(articleId: number, before: StoryAsShown, after: StoryAsShown, alsoChanged: string[] = []): string[] {
  if (!before && !after) return alsoChanged
  const sameRevision = before && after && before.revisionId === after.revisionId
  const beforeLists = before?.lists ?? new Set<string>()
  const afterLists = after?.lists ?? new Set<string>()
  const joinedOrLeft = [...beforeLists, ...afterLists].filter((key) => beforeLists.has(key) !== afterLists.has(key))
  if (sameRevision && joinedOrLeft.length === 0 && alsoChanged.length === 0) return []
  // An image the story stopped or started showing may have turned private or public: its own
  // addresses are refreshed on the edge too (see `announceChange`).
  const beforeImages = before?.images ?? new Set<number>()
  const afterImages = after?.images ?? new Set<number>()
  const shownOrHidden = [...beforeImages, ...afterImages].filter((id) => beforeImages.has(id) !== afterImages.has(id)).map(pageKey.media)
  return [...new Set([pageKey.story(articleId), pageKey.everyStory, ...joinedOrLeft, ...shownOrHidden, ...alsoChanged])].sort()
}

/** What became of a change on the edge nodes: the nodes that have not confirmed yet (they are retried). */
export type ChangeAnnounced = { notYetRemovedFrom: EdgeFailure[] }

// Long enough for a page that was being made when the change committed to reach the edge.
const settleMs = 1500

/**
 * Makes the pages showing these keys again everywhere: dropped from this process's cache at once,
 * from the other instances' through the database, and refreshed on each edge node before this
 * answers (so an unpublish is not reported done while a node still serves the story), then once
 * more shortly after, for pages that were being made while the change committed.
 */
export async function announceChange(db: Db, keys: readonly string[]): Promise<ChangeAnnounced> {
  if (keys.length === 0) return { notYetRemovedFrom: [] }
  dropPagesShowing(keys)
  forgetKeptValues(keys)
  if (isOnServer(db)) await tellInstances(db, keys)
  const nodes = edgeNodes()
  if (nodes.length === 0) return { notYetRemovedFrom: [] }
  const failures = await refreshOnEdges(db, nodes, await addressesShowing(db, keys))
  setTimeout(() => {
    addressesShowing(db, keys)
      .then((paths) => refreshOnEdges(db, nodes, paths))
      .catch((error: Error) => console.error(`Copydesk: refreshing the edge again failed: ${error.message}`))
  }, settleMs).unref()
  return { notYetRemovedFrom: failures }
}

/**
 * The edge addresses a change alters: the pages showing its keys, and for an image's key
 * (`media-N`) the image's own files, which an edge node keeps while the image is public and must
 * let go of when it turns private (app/media/[...key]/route.ts).
 */
async function addressesShowing(db: Db, keys: readonly string[]): Promise<string[]> {
  const images = keys.flatMap((key) => {
    const id = /^media-(\d+)$/.exec(key)?.[1]
    return id === undefined ? [] : [Number(id)]
  })
  return [...(await pathsShowing(db, keys)), ...(await mediaAddresses(db, images))]
}

/** What the person who made a change is told about nodes still holding the old pages. */
export function notYetRemovedMessage({ notYetRemovedFrom }: ChangeAnnounced): string | null {
  if (notYetRemovedFrom.length === 0) return null
  const nodes = notYetRemovedFrom.map((failure) => `${failure.node} (${failure.error})`).join('; ')
  return `Not yet removed from the cache on ${nodes}. Copydesk keeps trying; the desk shows it until it is done.`
}
