import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { revisions, userSections } from '@/db/schema'
import { act, articleRow, auditTrail, openTestNewsroom, storyIn } from '@/test/newsroom'
import { formInput, saveForm } from '@/test/story-form-input'
import { type SaveResult, saveArticle } from './article-drafts'
import type { ArticleInputRaw } from './article-input'
import type { Actor } from './permissions'

// Approving exactly what goes live (lib/approval.ts): the approved revision is the one published.

const { db, newsroom } = await openTestNewsroom()
const { editor } = newsroom
const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 9, minute))

const headlineOf = async (revisionId: number | null) =>
  (
    await db
      .select({ headline: revisions.headline })
      .from(revisions)
      .where(eq(revisions.id, revisionId ?? -1))
  )[0]?.headline

const approvalOf = (result: SaveResult) => (result.ok ? result.approval : result.message)

/** A save that asks to approve the edit too, as the story form does when its box is ticked. */
async function saveApproving(actor: Actor, id: number, fields: Partial<ArticleInputRaw>, now: Date): Promise<SaveResult> {
  const { version } = await articleRow(db, id)
  return saveArticle(db, actor, id, formInput(newsroom, fields), { baseVersion: version, kind: 'save', approveAgain: true, now })
}

describe('approving exactly what goes live', () => {
  it('pins the approved revision, and publishing publishes it', async () => {
    const id = await storyIn(db, newsroom, 'in_review', { headline: 'Harbour reopens' })
    await act(db, editor, id, 'approve')
    const approved = await articleRow(db, id)
    expect(approved.approvedRevisionId).toBe(approved.currentRevisionId)
    await act(db, editor, id, 'publish')
    const published = await articleRow(db, id)
    expect(published.publishedRevisionId).toBe(approved.approvedRevisionId)
    expect(published.approvedRevisionId).toBeNull()
  })

  it('sends an approved story edited afterwards back to review, saying why, and publishes nothing unreviewed', async () => {
    const id = await storyIn(db, newsroom, 'approved', { headline: 'Ferry fares rise' })
    const result = await saveForm(db, newsroom, id, editor, { headline: 'Ferry fares rise by half' }, 'save', at(1))
    expect(approvalOf(result)).toBe('backToReview')
    const row = await articleRow(db, id)
    expect(row).toMatchObject({ status: 'in_review', approvedRevisionId: null })
    expect(result.ok && result.version).toBe(row.version)
    expect((await auditTrail(db, id)).at(-1)).toMatchObject({
      fromStatus: 'approved',
      toStatus: 'in_review',
      actorId: editor.id,
      note: 'Edited after approval: to be reviewed again.',
    })
  })

  it('keeps an editor’s edit approved when they ask, and then publishes the edit', async () => {
    const id = await storyIn(db, newsroom, 'approved', { headline: 'Bridge closes' })
    const kept = await saveApproving(editor, id, { headline: 'Bridge closes for two weeks' }, at(2))
    expect(approvalOf(kept)).toBe('approvedAgain')
    const after = await articleRow(db, id)
    expect(after.status).toBe('approved')
    expect(kept.ok && kept.version).toBe(after.version)
    expect(await headlineOf(after.approvedRevisionId)).toBe('Bridge closes for two weeks')
    await act(db, editor, id, 'publish')
    expect(await headlineOf((await articleRow(db, id)).publishedRevisionId)).toBe('Bridge closes for two weeks')
  })

  it('cancels the schedule of a scheduled story edited without approving the edit', async () => {
    const id = await storyIn(db, newsroom, 'scheduled', { headline: 'Night buses return' })
    const result = await saveForm(db, newsroom, id, editor, { standfirst: 'From Friday.' }, 'autosave', at(5))
    expect(approvalOf(result)).toBe('backToReview')
    expect(await articleRow(db, id)).toMatchObject({ status: 'in_review', scheduledAt: null, approvedRevisionId: null })
  })

  it('does not let an editor outside the story’s sections approve their edit: it goes back to review', async () => {
    const id = await storyIn(db, newsroom, 'approved', { headline: 'Bank merger', sectionId: newsroom.otherSectionId })
    await db.insert(userSections).values({ userId: editor.id, sectionId: newsroom.sectionId })
    const result = await saveApproving(editor, id, { headline: 'Bank merger off', sectionId: newsroom.otherSectionId }, at(6))
    expect(approvalOf(result)).toBe('backToReview')
    await db.delete(userSections)
  })
})
