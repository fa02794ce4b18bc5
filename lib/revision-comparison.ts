import 'server-only'
import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '@/db'
import { articles, revisions, workflowEvents } from '@/db/schema'
import type { EditableByline } from './article-attribution'
import { searchMediaOptions } from './media/options'
import type { Actor } from './permissions'
import { type ComparableRevision, type FieldChange, compareRevisions } from './revision-changes'
import type { RevisionDetail } from './revisions'
import { listSectionOptions } from './sections'

// The history page's comparison of two revisions: names resolved, then `compareRevisions`, with
// thumbnails of the library images it shows.

export type RevisionComparison = {
  changes: FieldChange[]
  /** Thumbnail addresses of the library images the changes show, by media id, as far as the viewer may see them. */
  thumbnails: Record<number, string>
}

export async function compareForHistory(db: Db, viewer: Actor, older: RevisionDetail, newer: RevisionDetail): Promise<RevisionComparison> {
  const sections = new Map((await listSectionOptions(db)).map((section) => [section.id, section.label]))
  const comparable = (revision: RevisionDetail): ComparableRevision => ({
    ...revision,
    section: sections.get(revision.sectionId) ?? 'A deleted section',
    bylines: revision.bylines.map(bylineName),
  })
  const changes = compareRevisions(comparable(older), comparable(newer))
  const ids = new Set<number>()
  for (const change of changes) {
    if (change.kind === 'image') [change.before, change.after].forEach((id) => id !== null && ids.add(id))
    if (change.kind === 'item' && change.image?.mediaId) ids.add(change.image.mediaId)
  }
  const images = ids.size > 0 ? await searchMediaOptions(db, viewer, { ids: [...ids] }) : []
  return { changes, thumbnails: Object.fromEntries(images.map((image) => [image.mediaId, image.thumbSrc])) }
}

function bylineName(byline: EditableByline): string {
  return 'outlet' in byline && byline.outlet ? `${byline.name} (${byline.outlet})` : byline.name
}

/** What a reviewer compares the story with: the version readers see now, or the one last sent back. */
export type ReviewBaseline = { number: number; kind: 'live' | 'sentBack' }

/**
 * The revision a story under review is compared with: for an update of a published story, the
 * live revision; for a story sent back and submitted again, the revision it was sent back on;
 * none for a first submission (everything in it is new).
 */
export async function reviewBaseline(db: Db, articleId: number): Promise<ReviewBaseline | null> {
  const [article] = await db.select({ live: articles.publishedRevisionId }).from(articles).where(eq(articles.id, articleId))
  if (!article) return null
  const [sentBack] =
    article.live === null
      ? await db
          .select({ revisionId: workflowEvents.revisionId })
          .from(workflowEvents)
          .where(and(eq(workflowEvents.articleId, articleId), eq(workflowEvents.toStatus, 'changes_requested')))
          .orderBy(desc(workflowEvents.createdAt), desc(workflowEvents.id))
          .limit(1)
      : []
  const revisionId = article.live ?? sentBack?.revisionId ?? null
  if (revisionId === null) return null
  const [row] = await db.select({ number: revisions.number }).from(revisions).where(eq(revisions.id, revisionId))
  return row ? { number: row.number, kind: article.live === null ? 'sentBack' : 'live' } : null
}
