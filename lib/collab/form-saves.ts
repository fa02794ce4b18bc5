import 'server-only'
import type { Db } from '@/db'
import { type SaveOptions, type SaveResult, saveArticle } from '../article-drafts'
import type { ArticleInput } from '../article-input'
import type { Actor } from '../permissions'
import { runningCollab } from './running'

/**
 * Saves the story form. While the story is written together, the form's save carries the shared
 * headline, standfirst and body as they are on screen: its revision records everyone who typed
 * into them since the last revision cut here, not only the person saving. (The next cut, finding
 * the same text, makes no revision of its own.) Who may settle suggestions is measured from the
 * shared body too: a suggestion someone else settled there was checked when it was.
 */
export function saveStoryForm(
  db: Db,
  actor: Actor,
  articleId: number,
  input: ArticleInput,
  options: Omit<SaveOptions, 'contributors'>,
): Promise<SaveResult> {
  const collab = runningCollab()
  const contributors = collab?.contributorsOf(articleId) ?? []
  const settledFrom = collab?.sharedBodyOf(articleId) ?? undefined
  return saveArticle(db, actor, articleId, input, { ...options, contributors, settledFrom })
}
