import 'server-only'
import { isDeepStrictEqual } from 'node:util'
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { type Byline, type RichTextDoc, articles, media, revisions, sections, users, workflowEvents } from '@/db/schema'
import { currentTagNames, ownerIds, syncAttribution } from './article-attribution'
import { checkBylines } from './article-editing'
import { authorizeEdit } from './authorize'
import { type EditableArticle, getArticleForEditing, loadCurrent, snapshotColumns } from './editable-article'
import type { RevisionSnapshot } from './revisions'
import { type ArticleInput, derivedSlug } from './article-input'
import { freeSlug, isSlugClash, slugTaken } from './article-slugs'
import type { Actor } from './permissions'
import { type Refusal, type RefusalReason, refusal } from './refusal'
import { sanitizeDoc } from './rich-text'
import { withoutComments } from './comments'
import { type ApprovalAfterEdit, settleApproval } from './approval'
import { countWords, plainText } from './rich-text-plain'
import { settlingProblem } from './suggestion-settling'

type Reader = Db | Tx

export type SaveOptions = {
  /** The article version the editor loaded or last saved; a different one means someone else saved. */
  baseVersion: number
  kind: 'autosave' | 'save'
  /**
   * The version this person set aside when their save collided with another's: stored first, as a
   * revision marked not kept (never current, never published), so that no text is lost.
   */
  setAside?: ArticleInput
  /** On an approved or scheduled story: approve this edit too, if the person may (lib/approval.ts); else it goes back to review. */
  approveAgain?: boolean
  /** Who typed it, when cut from a shared document (lib/collab/): added to the contributors of an autosave it goes into. */
  contributors?: readonly number[]
  /**
   * The body the settling rule (lib/suggestion-settling.ts) measures this save from, when not the
   * latest revision's: a shared document's, whose changes the sync server checked as they came.
   */
  settledFrom?: RichTextDoc
  /**
   * The bylines the byline rule (`checkBylines`) measures this save from, when not the latest
   * revision's: a shared document's, each change to which the sync server checked for the person
   * who sent it (lib/collab/field-guard.ts).
   */
  bylinesFrom?: readonly Byline[]
  /** The clock, for tests. */
  now?: Date
}

/** A save's answer. A conflict carries the version now current; a refusal may name the field at fault. */
export type SaveResult =
  | { ok: true; version: number; revisionNumber: number; savedAt: Date; coalesced: boolean; slug: string; approval: ApprovalAfterEdit }
  | (Refusal<'conflict'> & { current: EditableArticle })
  | Refusal<Exclude<RefusalReason, 'conflict'>>

/** Autosaves by one person within this time of their revision's start go into that revision. */
export const autosaveWindowMs = 5 * 60 * 1000

const missing = refusal('missing', 'This story no longer exists; it may have been deleted.')

/**
 * Saves the editor's fields as a revision. A save always makes a new revision; an autosave goes
 * into the latest revision instead when that is the same person's autosave of the last five
 * minutes (and not a revision the workflow has pointed at). The live revision of a published
 * story is never touched, nor, once published, its live routing and attribution. Refuses a
 * stale `baseVersion` without writing anything, unless it is a repeat of that person's last
 * save (a retry whose answer was lost).
 */
export async function saveArticle(db: Db, actor: Actor, articleId: number, input: ArticleInput, options: SaveOptions): Promise<SaveResult> {
  const now = options.now ?? new Date()
  // Checked before the article is locked: it is the slow part of a save.
  const body = sanitizeDoc(input.body)
  const bodyText = body.ok ? plainText(body.doc) : ''
  const asideBody = options.setAside ? sanitizeDoc(options.setAside.body) : null
  try {
    return await db.transaction(async (tx): Promise<SaveResult> => {
      // Saves of one story queue here, one at a time, until the transaction ends.
      const locked = await tx.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId)).for('update')
      const loaded = locked.length > 0 ? await loadCurrent(tx, articleId) : undefined
      if (!loaded) return missing
      const { article, revision: latest } = loaded

      const owners = await ownerIds(tx, article, latest.bylines)
      const allowed = await authorizeEdit(tx, actor, { status: article.status, trashedAt: article.trashedAt, ownerIds: owners })
      if (!allowed.ok) return allowed
      if (!body.ok) return refusal('invalid', body.message)
      if (asideBody && !asideBody.ok) return refusal('invalid', asideBody.message)

      const snapshot: RevisionSnapshot = {
        headline: input.headline,
        standfirst: input.standfirst,
        dateline: input.dateline,
        body: body.doc,
        sectionId: input.sectionId,
        slug: input.slug || derivedSlug(input.headline) || latest.slug,
        bylines: input.bylines,
        tags: await currentTagNames(tx, input.tags),
        leadMediaId: input.leadMediaId,
        leadCaption: input.leadCaption,
        leadCredit: input.leadCredit,
        seoTitle: input.seoTitle,
        seoDescription: input.seoDescription,
        socialHeadline: input.socialHeadline,
        socialMediaId: input.socialMediaId,
      }

      if (article.version !== options.baseVersion) {
        const repeated = input.slug ? snapshot : { ...snapshot, slug: latest.slug }
        if (latest.createdBy === actor.id && sameSnapshot(latest, repeated)) {
          return {
            ok: true,
            version: article.version,
            revisionNumber: latest.number,
            savedAt: latest.updatedAt,
            coalesced: true,
            slug: latest.slug,
            approval: 'none',
          }
        }
        const current = await getArticleForEditing(tx, allowed.actor, articleId)
        if (!current) return missing
        const who = latest.createdBy === actor.id ? 'You' : (current.savedBy ?? 'Someone')
        return {
          ok: false,
          reason: 'conflict',
          message:
            `${who} saved a newer version of this story while you were working on it (revision ${current.revisionNumber}). ` +
            'Compare the two before saving again.',
          current,
        }
      }

      const settling = settlingProblem(allowed.actor, options.settledFrom ?? latest.body, body.doc)
      if (settling) return refusal('forbidden', settling, 'body')

      // A comment anchored or moved is no edit: the revision keeps it, with nothing else to review.
      if (!options.setAside && latest.id !== article.publishedRevisionId && movesOnlyComments(latest, snapshot, bodyText)) {
        await tx.update(revisions).set({ body: snapshot.body }).where(eq(revisions.id, latest.id))
        await tx
          .update(articles)
          .set({ version: article.version + 1 })
          .where(eq(articles.id, articleId))
        const { number: revisionNumber, updatedAt: savedAt, slug } = latest
        return { ok: true, version: article.version + 1, revisionNumber, savedAt, coalesced: true, slug, approval: 'none' }
      }

      const problem = await referenceProblem(tx, snapshot)
      if (problem) return refusal('invalid', problem.message, problem.field)
      const bylines = checkBylines(allowed.actor, options.bylinesFrom ?? latest.bylines, snapshot.bylines)
      if (!bylines.ok) return refusal('forbidden', bylines.message, 'bylines')
      if (await slugTaken(tx, articleId, snapshot.sectionId, snapshot.slug)) {
        const free = await freeSlug(tx, articleId, snapshot.sectionId, snapshot.slug)
        // A slug the writer typed is theirs to change; one made from the headline just moves aside.
        if (input.slug) return slugTakenResult(snapshot.slug, free)
        snapshot.slug = free
      }

      let number = latest.number + 1
      if (options.setAside && asideBody?.ok) {
        const aside = { ...options.setAside, body: asideBody.doc, slug: options.setAside.slug || snapshot.slug }
        const asideProblem = await referenceProblem(tx, aside)
        if (asideProblem) return refusal('invalid', asideProblem.message)
        const asideText = plainText(asideBody.doc)
        await tx.insert(revisions).values({
          ...aside,
          ...{ bodyText: asideText, wordCount: countWords(asideText), articleId, number, kind: 'save', notKept: true },
          ...{ createdBy: actor.id, createdAt: now, updatedAt: now },
        })
        number += 1
      }

      const content = { ...snapshot, bodyText, wordCount: countWords(bodyText), updatedAt: now }
      const contributors = [...new Set(options.contributors ?? [])].sort((a, b) => a - b)
      const coalesce =
        !options.setAside &&
        options.kind === 'autosave' &&
        latest.kind === 'autosave' &&
        latest.createdBy === actor.id &&
        latest.id !== article.publishedRevisionId &&
        now.getTime() - latest.createdAt.getTime() < autosaveWindowMs &&
        !(await isInWorkflowHistory(tx, articleId, latest.id))
      const [revision] = coalesce
        ? await tx
            .update(revisions)
            .set({
              ...content,
              contributors: sql`(select coalesce(jsonb_agg(distinct value order by value), '[]'::jsonb) from jsonb_array_elements(${revisions.contributors} || ${JSON.stringify(contributors)}::jsonb))`,
            })
            .where(eq(revisions.id, latest.id))
            .returning({ id: revisions.id, number: revisions.number })
        : await tx
            .insert(revisions)
            .values({ ...content, contributors, articleId, number, kind: options.kind, createdBy: actor.id, createdAt: now })
            .returning({ id: revisions.id, number: revisions.number })
      if (!revision) throw new Error('Writing a revision returned no row.')

      const isUnpublished = article.publishedRevisionId === null
      await tx
        .update(articles)
        .set({
          version: article.version + 1,
          updatedAt: now,
          currentRevisionId: revision.id,
          // Until its first publication, a story's address and credits follow its saves.
          ...(isUnpublished ? { sectionId: snapshot.sectionId, slug: snapshot.slug } : {}),
        })
        .where(eq(articles.id, articleId))
      if (isUnpublished) await syncAttribution(tx, articleId, latest, snapshot)
      const settled = await settleApproval(
        tx,
        allowed.actor,
        {
          ...article,
          version: article.version + 1,
          currentRevisionId: revision.id,
          ownerIds: owners,
          sectionIds: [article.sectionId, snapshot.sectionId],
        },
        options.approveAgain ?? false,
        now,
      )

      return {
        ok: true,
        version: settled.version,
        approval: settled.approval,
        revisionNumber: revision.number,
        savedAt: now,
        coalesced: coalesce,
        slug: snapshot.slug,
      }
    })
  } catch (error) {
    // Another story took the slug between the check and the write.
    if (isSlugClash(error)) return slugTakenResult(input.slug || derivedSlug(input.headline), null)
    throw error
  }
}

function sameSnapshot(stored: RevisionSnapshot, incoming: RevisionSnapshot): boolean {
  const fields = Object.keys(snapshotColumns) as (keyof RevisionSnapshot)[]
  // Through JSON, as the database stores it, so that keys left undefined do not count.
  const asStored = (snapshot: RevisionSnapshot) => JSON.parse(JSON.stringify(fields.map((field) => snapshot[field])))
  return isDeepStrictEqual(asStored(stored), asStored(incoming))
}

/** Whether the save changes nothing but the comments on the words (lib/comments.ts): the same words, fields and formatting. */
function movesOnlyComments(stored: RevisionSnapshot, incoming: RevisionSnapshot, incomingText: string): boolean {
  // Cheap answers first: most saves change the words, and a save changing nothing is no comment either.
  if (plainText(stored.body) !== incomingText || isDeepStrictEqual(stored.body, incoming.body)) return false
  if (!sameSnapshot({ ...stored, body: incoming.body }, incoming)) return false
  const words = (body: RevisionSnapshot['body']) => {
    const cleaned = sanitizeDoc(withoutComments(body))
    return cleaned.ok ? cleaned.doc : body
  }
  return sameSnapshot({ ...stored, body: words(stored.body) }, { ...incoming, body: words(incoming.body) })
}

/** Which field names a section, lead or social image, or staff member that cannot be used, and why; or null. */
async function referenceProblem(tx: Tx, snapshot: RevisionSnapshot): Promise<{ field: keyof RevisionSnapshot; message: string } | null> {
  if (!(await exists(tx, sections, snapshot.sectionId)))
    return { field: 'sectionId', message: 'That section no longer exists; choose another.' }
  if (snapshot.leadMediaId !== null && !(await exists(tx, media, snapshot.leadMediaId))) {
    return { field: 'leadMediaId', message: 'The lead image is no longer in the media library; choose another.' }
  }
  if (snapshot.socialMediaId !== null && !(await exists(tx, media, snapshot.socialMediaId))) {
    return { field: 'socialMediaId', message: 'The social image is no longer in the media library; choose another.' }
  }
  const staff = [...new Set(snapshot.bylines.flatMap((byline) => ('userId' in byline ? [byline.userId] : [])))]
  if (staff.length > 0) {
    const found = await tx.select({ id: users.id }).from(users).where(inArray(users.id, staff))
    if (found.length !== staff.length)
      return { field: 'bylines', message: 'Someone in the byline no longer has an account; remove them from it.' }
  }
  return null
}

/** Whether the section or the image with this id is still there. */
export async function exists(db: Reader, table: typeof sections | typeof media, id: number): Promise<boolean> {
  const rows = await db.select({ id: table.id }).from(table).where(eq(table.id, id)).limit(1)
  return rows.length > 0
}

function slugTakenResult(slug: string, free: string | null): SaveResult {
  const suggestion = free ? ` Try “${free}”.` : ' Choose another.'
  return refusal('invalid', `The slug “${slug}” is already used in this section (by another story or a sub-section).${suggestion}`, 'slug')
}

async function isInWorkflowHistory(tx: Tx, articleId: number, revisionId: number): Promise<boolean> {
  const rows = await tx
    .select({ id: workflowEvents.id })
    .from(workflowEvents)
    .where(and(eq(workflowEvents.articleId, articleId), eq(workflowEvents.revisionId, revisionId)))
    .limit(1)
  return rows.length > 0
}
