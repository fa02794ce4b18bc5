import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents } from '@/db/schema'
import { act, articleRow, docOf, editStory, makeStory, openTestNewsroom, tryAct } from '@/test/newsroom'
import { storyChecklist } from './prepublish'
import { writeSetting } from './settings'

const { db, newsroom } = await openTestNewsroom()
const { writer, editor, admin } = newsroom

/** A story in review with a body, a standfirst and a byline: it passes every check. */
async function storyInReview(fields: Parameters<typeof editStory>[3] = {}): Promise<number> {
  const id = await makeStory(db, newsroom, { headline: `Harbour reopens ${Math.random()}` })
  await editStory(db, writer, id, { standfirst: 'The first ferry left at dawn.', body: docOf('The harbour reopened.'), ...fields })
  await act(db, writer, id, 'submit')
  return id
}

const confirmations = (articleId: number) =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'story.warnings-confirmed')))
    .then((rows) => rows.filter((row) => row.detail.story === articleId))

describe('the pre-publish checklist on the server', () => {
  it('lets a story that passes every check be approved and published without confirming anything', async () => {
    const id = await storyInReview()
    expect((await storyChecklist(db, id))?.every((check) => check.outcome === 'passed')).toBe(true)
    expect(await tryAct(db, editor, id, 'approve', { confirmWarnings: [] })).toMatchObject({ ok: true })
    expect(await tryAct(db, editor, id, 'publish', { confirmWarnings: [] })).toMatchObject({ ok: true })
    expect(await confirmations(id)).toEqual([])
  })

  it('refuses a blocking finding even when the request claims to confirm every check, changing nothing', async () => {
    // The lead image's credit is missing; its alt text is in the library.
    const id = await storyInReview({ leadMediaId: newsroom.mediaId, leadCredit: '' })
    const before = await articleRow(db, id)
    for (const action of ['approve', 'publish', 'schedule'] as const) {
      const refused = await tryAct(db, editor, id, action, {
        confirmWarnings: ['leadImage', 'standfirst'],
        scheduledAt: new Date(Date.now() + 3_600_000),
      })
      expect(refused).toMatchObject({ ok: false, reason: 'invalid', message: expect.stringContaining('The lead image has no credit.') })
    }
    expect(await articleRow(db, id)).toEqual(before)
    expect(await confirmations(id)).toEqual([])
  })

  it('refuses a warning until it is confirmed, then records the confirmation in the audit trail', async () => {
    const id = await storyInReview({ standfirst: '' })
    const refused = await tryAct(db, editor, id, 'publish', { confirmWarnings: [] })
    expect(refused).toMatchObject({ ok: false, reason: 'invalid', message: expect.stringContaining('The story has no standfirst.') })
    expect((await articleRow(db, id)).status).toBe('in_review')

    expect(await tryAct(db, editor, id, 'publish', { confirmWarnings: ['standfirst'] })).toMatchObject({ ok: true })
    expect((await articleRow(db, id)).status).toBe('published')
    const [entry, ...more] = await confirmations(id)
    expect(more).toEqual([])
    expect(entry).toMatchObject({ actorId: editor.id, detail: { story: id, step: 'publish', checks: 'standfirst' } })
  })

  it('follows the newsroom’s setting: a check an admin made a warning can be confirmed, one made a block cannot', async () => {
    expect(await writeSetting(db, admin, 'checkSeverities', { standfirst: 'block', leadImage: 'warn' })).toMatchObject({ ok: true })
    try {
      const noStandfirst = await storyInReview({ standfirst: '' })
      expect(await tryAct(db, editor, noStandfirst, 'approve', { confirmWarnings: ['standfirst'] })).toMatchObject({
        ok: false,
        message: expect.stringContaining('Fix this first: The story has no standfirst.'),
      })
      const noCredit = await storyInReview({ leadMediaId: newsroom.mediaId, leadCredit: '' })
      expect(await tryAct(db, editor, noCredit, 'approve', { confirmWarnings: ['leadImage'] })).toMatchObject({ ok: true })
      expect(await confirmations(noCredit)).toMatchObject([{ detail: { step: 'approve', checks: 'leadImage' } }])
    } finally {
      await writeSetting(db, admin, 'checkSeverities', {})
    }
  })

  it('is not run for steps that do not move a story towards readers', async () => {
    const id = await makeStory(db, newsroom, { headline: 'Draft without a standfirst' })
    expect(await tryAct(db, writer, id, 'submit', { confirmWarnings: [] })).toMatchObject({ ok: true })
    expect(await tryAct(db, editor, id, 'requestChanges', { note: 'Add a standfirst.', confirmWarnings: [] })).toMatchObject({ ok: true })
  })
})
