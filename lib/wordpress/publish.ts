import 'server-only'
import { eq } from 'drizzle-orm'
import type { Db } from '@/db'
import { type ArticleStatus, articles, revisions } from '@/db/schema'
import type { Actor } from '@/lib/permissions'
import { addSearchWords } from '@/lib/search-words'
import { type StatusChange, changeStatus } from '@/lib/status-change'
import { hasUnpublishedChanges } from '@/lib/story-state'
import type { StatusMove } from '@/lib/workflow'
import { checkTransition } from '@/lib/workflow-checks'

/** Where an imported story is to stand: as it stood in WordPress. */
export type WantedStatus = { status: 'draft' | 'in_review' | 'scheduled' | 'published'; at: Date }

const note = 'Imported from WordPress.'

/**
 * Moves an imported story (its newest revision) to the status it had in WordPress, through the
 * workflow's one door (`changeStatus`), each move at the post's own time: a published post is
 * submitted and published at its publication time, so it keeps its date; a scheduled one is
 * submitted and scheduled for its time. The pre-publish checklist and notifications are not part
 * of it: the posts were published already, elsewhere, and nobody is waiting for word of them. A
 * live story whose newest revision changed since is published again. Returns the status it ends in.
 */
export async function settleStatus(db: Db, actor: Actor, articleId: number, wanted: WantedStatus, now: Date): Promise<ArticleStatus> {
  return db.transaction(async (tx) => {
    const [article] = await tx.select().from(articles).where(eq(articles.id, articleId)).for('update')
    if (!article?.currentRevisionId) throw new Error(`Article ${articleId} has no current revision.`)
    const [revision] = await tx
      .select({
        id: revisions.id,
        headline: revisions.headline,
        tags: revisions.tags,
        sectionId: revisions.sectionId,
        slug: revisions.slug,
      })
      .from(revisions)
      .where(eq(revisions.id, article.currentRevisionId))
    if (!revision) throw new Error(`Revision ${article.currentRevisionId} does not exist.`)

    let { status, version } = article
    const isLive = article.publishedRevisionId !== null
    const story = () => ({
      id: articleId,
      status,
      version,
      trashedAt: article.trashedAt,
      publishedRevisionId: article.publishedRevisionId,
      hasUnpublishedChanges: hasUnpublishedChanges(article),
      ownerIds: article.ownerIds,
      sectionIds: [article.sectionId, revision.sectionId],
    })
    // A story the newsroom moved on since the last import (unpublished, in the trash) stays where it is.
    const may = (step: StatusMove) => checkTransition(actor, story(), step).ok
    const move = async (step: StatusMove, change: StatusChange) => {
      status = await changeStatus(tx, story(), step, actor, change)
      version++
    }
    const plain = (at: Date): StatusChange => ({ revisionId: revision.id, note, now: at })

    if (wanted.status === 'published') {
      if (isLive && !hasUnpublishedChanges(article)) return status
      if (!isLive && may('submit')) await move('submit', plain(wanted.at))
      if (!may('publish')) return status
      const at = isLive ? now : wanted.at
      const publication = {
        sectionId: revision.sectionId,
        slug: revision.slug,
        publishedRevisionId: revision.id,
        firstPublishedAt: article.firstPublishedAt ?? wanted.at,
        publishedAt: at,
      }
      await move('publish', { ...plain(at), publication })
      await tx.update(revisions).set({ kind: 'published' }).where(eq(revisions.id, revision.id))
      await addSearchWords(tx, revision)
      return status
    }
    if (isLive || status !== 'draft' || wanted.status === 'draft' || !may('submit')) return status
    await move('submit', plain(now))
    if (wanted.status === 'scheduled' && may('schedule')) await move('schedule', { ...plain(now), scheduledAt: wanted.at })
    return status
  })
}
