import 'server-only'
import { eq } from 'drizzle-orm'
import type { Db } from '@/db'
import { articles, revisions } from '@/db/schema'
import { runningCollab } from './running'

/**
 * After a save made outside the shared document (a revision restored, a write through the API):
 * the story's shared document takes the saved headline, standfirst and body, so that everyone
 * writing sees them and the next revision cut from it keeps them. Nothing to do where no sync
 * server runs (scripts); a failure is logged, the save stands.
 */
export async function shareSavedDraft(db: Db, articleId: number): Promise<void> {
  const collab = runningCollab()
  if (!collab) return
  const [row] = await db
    .select({ revisionId: revisions.id, headline: revisions.headline, standfirst: revisions.standfirst, body: revisions.body })
    .from(articles)
    .innerJoin(revisions, eq(revisions.id, articles.currentRevisionId))
    .where(eq(articles.id, articleId))
  if (!row) return
  try {
    await collab.replaceDraft(articleId, row, row.revisionId)
  } catch (error) {
    console.error(`Copydesk: story ${articleId}'s shared document could not take the saved draft: ${String(error)}`)
  }
}
