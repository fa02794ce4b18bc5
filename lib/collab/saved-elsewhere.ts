import 'server-only'
import type { Db } from '@/db'
import { runningCollab } from './running'
import { currentSharedDraft } from './storage'

/**
 * After a save made outside the shared document (a revision restored, a write through the API):
 * the story's shared document takes the saved headline, standfirst and body, so that everyone
 * writing sees them and the next revision cut from it keeps them. Nothing to do where no sync
 * server runs (scripts); a failure is logged, the save stands.
 */
export async function shareSavedDraft(db: Db, articleId: number): Promise<void> {
  const collab = runningCollab()
  if (!collab) return
  const draft = await currentSharedDraft(db, articleId)
  if (!draft) return
  try {
    await collab.replaceDraft(articleId, draft, draft.revisionId)
  } catch (error) {
    console.error(`Copydesk: story ${articleId}'s shared document could not take the saved draft: ${String(error)}`)
  }
}

/**
 * After a reply to a comment on the words, or a thread resolved or reopened: everyone on the story,
 * through this instance or (with Redis) any other, fetches its comments again (a new comment needs
 * no word: its marked words travel with the body). Never waits on Redis more than a second.
 */
export async function announceComments(articleId: number): Promise<void> {
  await runningCollab()?.announceComments(articleId)
}
