import 'server-only'
import type { Db } from '@/db'
import { type SaveOptions, type SaveResult, saveArticle } from '../article-drafts'
import type { ArticleInput } from '../article-input'
import type { Actor } from '../permissions'
import { type PublishedCollab, runningCollab } from './running'
import { currentSharedDraft } from './storage'

type FormSaveOptions = Omit<SaveOptions, 'contributors'> & {
  /** The browser saving could not reach the sync server: its headline, standfirst and body are its own. */
  isAlone?: boolean
}

/**
 * Saves the story form. While the story is written together, the form's save carries the shared
 * headline, standfirst and body as they are on screen: its revision records everyone who typed
 * into them since the last revision cut, through any instance, not only the person saving. (The next cut, finding
 * the same text, makes no revision of its own.) Who may settle suggestions is measured from the
 * shared body too: a suggestion someone else settled there was checked when it was.
 */
export async function saveStoryForm(
  db: Db,
  actor: Actor,
  articleId: number,
  input: ArticleInput,
  options: FormSaveOptions,
): Promise<SaveResult> {
  const { isAlone, ...saveOptions } = options
  const collab = runningCollab()
  if (collab && isAlone) return saveBesideShared(db, collab, actor, articleId, input, saveOptions)
  const contributors = (await collab?.contributorsOf(articleId)) ?? []
  const settledFrom = collab?.sharedBodyOf(articleId) ?? undefined
  return saveArticle(db, actor, articleId, input, { ...saveOptions, contributors, settledFrom })
}

/**
 * A save from a browser editing alone: while others write the story together, here or (with
 * Redis) on another instance, or while its shared document is closed (its stored copy may hold
 * typing not yet in a revision, or an autosave may fold into the revision it was cut as). It is
 * made against the latest revision, as anyone's save (a newer one means a conflict the person
 * settles); then the shared document takes it, merged with what was typed there since that
 * revision. Otherwise the next revision cut from the shared document would drop it.
 */
async function saveBesideShared(
  db: Db,
  collab: PublishedCollab,
  actor: Actor,
  articleId: number,
  input: ArticleInput,
  options: Omit<SaveOptions, 'contributors'>,
): Promise<SaveResult> {
  const base = await currentSharedDraft(db, articleId)
  const saved = await saveArticle(db, actor, articleId, input, options)
  const now = saved.ok ? await currentSharedDraft(db, articleId) : null
  if (base && now) await collab.mergeSaved(articleId, base, now)
  return saved
}
