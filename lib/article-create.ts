import 'server-only'
import { eq } from 'drizzle-orm'
import type { Db } from '@/db'
import { type RichTextDoc, articles, revisions, sections } from '@/db/schema'
import { exists, saveArticle } from './article-drafts'
import { currentTagNames, syncAttribution } from './article-attribution'
import { authorize } from './authorize'
import { type ArticleInput, derivedSlug, headlineSchema } from './article-input'
import { checkBylines } from './article-editing'
import { getArticleForEditing } from './editable-article'
import { sanitizeDoc } from './rich-text'
import { freeSlug, isSlugClash } from './article-slugs'
import type { Actor } from './permissions'
import { type Result, refusal } from './refusal'
import type { RevisionSnapshot } from './revisions'
import { countWords, plainText } from './rich-text-plain'
import { changeStatus } from './status-change'

const emptyBody: RichTextDoc = { type: 'doc', content: [{ type: 'paragraph' }] }

/** What a new story may start with besides its headline and section: a duplicate's whole revision. */
export type StartingContent = Partial<Omit<RevisionSnapshot, 'headline' | 'sectionId'>>

/**
 * Starts a draft: revision 1 — with the creator as the byline, or the content given (a
 * duplicate's, already checked) — in a section, under a free slug. `duplicatedFrom`: the
 * revision it copies, which its page names ("Follow-up to …").
 */
export async function createArticle(
  db: Db,
  actor: Actor,
  input: { headline: string; sectionId: number } & StartingContent,
  options: { now?: Date; duplicatedFrom?: number } = {},
): Promise<Result<{ articleId: number }>> {
  const { headline: rawHeadline, sectionId, slug: wantedSlug, ...content } = input
  const headline = headlineSchema.safeParse(rawHeadline)
  if (!headline.success) return refusal('invalid', headline.error.issues[0]?.message ?? 'Check the headline.')
  if (!(await exists(db, sections, sectionId))) return refusal('invalid', 'That section no longer exists; choose another.')
  const now = options.now ?? new Date()
  const base = wantedSlug || derivedSlug(headline.data) || 'untitled'
  const body = content.body ?? emptyBody
  const bodyText = plainText(body)
  const attribution = { bylines: content.bylines ?? [{ userId: actor.id }], tags: await currentTagNames(db, content.tags ?? []) }

  // Someone creating a story with the same headline at the same moment may take the slug first.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx): Promise<Result<{ articleId: number }>> => {
        const allowed = await authorize(tx, actor, 'article.create')
        if (!allowed.ok) return allowed
        const slug = await freeSlug(tx, null, sectionId, base)
        const [article] = await tx
          .insert(articles)
          .values({ sectionId, slug, createdBy: actor.id, createdAt: now, updatedAt: now, duplicatedFrom: options.duplicatedFrom })
          .returning({ id: articles.id, version: articles.version })
        if (!article) throw new Error('Inserting an article returned no row.')
        const [revision] = await tx
          .insert(revisions)
          .values({
            ...content,
            ...attribution,
            ...{ articleId: article.id, number: 1, kind: 'save', headline: headline.data, body, bodyText, wordCount: countWords(bodyText) },
            ...{ sectionId, slug, createdBy: actor.id, createdAt: now, updatedAt: now },
          })
          .returning({ id: revisions.id })
        if (!revision) throw new Error('Inserting a revision returned no row.')
        await tx.update(articles).set({ currentRevisionId: revision.id }).where(eq(articles.id, article.id))
        await syncAttribution(tx, article.id, { bylines: [], tags: [] }, attribution)
        const owners = [actor.id, ...attribution.bylines.flatMap((byline) => ('userId' in byline ? [byline.userId] : []))]
        const story = { ...article, status: null, publishedRevisionId: null, hasUnpublishedChanges: false, ownerIds: owners }
        await changeStatus(tx, story, 'create', allowed.actor, { revisionId: revision.id, now })
        return { ok: true, articleId: article.id }
      })
    } catch (error) {
      if (attempt < 3 && isSlugClash(error)) continue
      throw error
    }
  }
}

/**
 * A new story with all of a draft's fields: started as `actor` (`createArticle`), then saved
 * through the desk's one save (`saveArticle`) with its checks and revision rules. Used by the
 * desk (a story deleted while someone wrote it) and by the Content API's `POST /api/v1/drafts`.
 * The body and bylines are checked first, so that their refusal leaves no half-made story.
 */
export async function createArticleFromDraft(db: Db, actor: Actor, input: ArticleInput): Promise<Result<{ articleId: number }>> {
  const body = sanitizeDoc(input.body)
  if (!body.ok) return refusal('invalid', body.message, 'body')
  // A new story starts credited to its creator (`createArticle`).
  const bylines = checkBylines(actor, [{ userId: actor.id }], input.bylines)
  if (!bylines.ok) return refusal('forbidden', bylines.message, 'bylines')
  const created = await createArticle(db, actor, { headline: input.headline, sectionId: input.sectionId })
  if (!created.ok) return created
  const opened = await getArticleForEditing(db, actor, created.articleId)
  if (!opened) throw new Error(`Story ${created.articleId} vanished as it was created.`)
  // The slug asked for may be taken; the new story then takes one from its headline.
  const save = (slug: string) =>
    saveArticle(db, actor, created.articleId, { ...input, slug }, { baseVersion: opened.version, kind: 'save' })
  let saved = await save(input.slug)
  if (!saved.ok && saved.field === 'slug') saved = await save('')
  if (!saved.ok) return refusal('invalid', `A new story was started, but its text was not saved: ${saved.message}`)
  return { ok: true, articleId: created.articleId }
}
