import { asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { mailQueue, notificationPreferences, notes, notifications, userSections, users } from '@/db/schema'
import { act, makeStory, openTestNewsroom, storyIn, tryAct } from '@/test/newsroom'
import { addCorrection } from './corrections'
import { addNote } from './notes'

const { db, newsroom } = await openTestNewsroom()
const { writer, writer2, editor, admin } = newsroom

/** An editor whose section desk is `sectionId`. */
async function deskEditor(slug: string, sectionId: number) {
  const [person] = await db
    .insert(users)
    .values({ email: `${slug}@example.test`, name: `Desk ${slug}`, slug, role: 'editor', passwordHash: 'x' })
    .returning({ id: users.id })
  if (!person) throw new Error('no editor')
  await db.insert(userSections).values({ userId: person.id, sectionId })
  return person.id
}
const worldDesk = await deskEditor('world-desk', newsroom.sectionId)
const businessDesk = await deskEditor('business-desk', newsroom.otherSectionId)

async function told(articleId: number) {
  const rows = await db
    .select({ userId: notifications.userId, kind: notifications.kind, detail: notifications.detail, actorId: notifications.actorId })
    .from(notifications)
    .where(eq(notifications.articleId, articleId))
    .orderBy(asc(notifications.id))
  return rows
}
const whoOf = async (articleId: number, kind: string) =>
  (await told(articleId))
    .filter((row) => row.kind === kind)
    .map((row) => row.userId)
    .sort((a, b) => a - b)

describe('who is told of what', () => {
  it('tells the editors whose desk holds the story (and those without a desk) of a submission, not admins, not the writer', async () => {
    const id = await storyIn(db, newsroom, 'in_review', { headline: 'Port strike ends' })
    expect(await whoOf(id, 'submitted')).toEqual([editor.id, worldDesk].sort((a, b) => a - b))
    expect(await whoOf(id, 'submitted')).not.toContain(businessDesk)
    expect(await whoOf(id, 'submitted')).not.toContain(admin.id)
    expect((await told(id)).find((row) => row.kind === 'submitted')).toMatchObject({ actorId: writer.id, detail: {} })
  })

  it('tells the writers of a request for changes (with the note), a publication and a correction; never the one who acted', async () => {
    const id = await storyIn(db, newsroom, 'in_review')
    await act(db, editor, id, 'requestChanges', { note: 'Name the source.' })
    expect((await told(id)).filter((row) => row.kind === 'changesRequested')).toEqual([
      { userId: writer.id, kind: 'changesRequested', detail: { note: 'Name the source.' }, actorId: editor.id },
    ])
    await act(db, writer, id, 'submit')
    await act(db, editor, id, 'publish')
    expect(await whoOf(id, 'published')).toEqual([writer.id])
    expect(await addCorrection(db, editor, id, { kind: 'correction', body: 'The port is in Haifa.' })).toMatchObject({ ok: true })
    expect((await told(id)).filter((row) => row.kind === 'corrected')).toEqual([
      { userId: writer.id, kind: 'corrected', detail: { correctionKind: 'correction', note: 'The port is in Haifa.' }, actorId: editor.id },
    ])
    // The editor who published their own story is not told of it.
    const own = await storyIn(db, newsroom, 'published', { by: editor })
    expect(await whoOf(own, 'published')).toEqual([])
  })

  it('tells nobody of a story they may not read: a writer not on the story, even when mentioned', async () => {
    const id = await storyIn(db, newsroom, 'in_review')
    const refused = await addNote(db, editor, id, { body: 'Could @writer2 check the figures?' })
    expect(refused).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'Writer2 Person (@writer2) cannot open this story, so the note cannot mention them.',
    })
    expect(await db.select().from(notes).where(eq(notes.articleId, id))).toEqual([])
    expect((await told(id)).map((row) => row.userId)).not.toContain(writer2.id)
  })
})

describe('mentions', () => {
  it('tells each person mentioned, once, and the author of the thread a reply joins', async () => {
    const id = await makeStory(db, newsroom)
    const first = await addNote(db, writer, id, { body: 'Ready for a look, @editor?' })
    if (!first.ok) throw new Error(first.message)
    expect(await addNote(db, editor, id, { body: '@world-desk and @World-Desk: yours.', parentId: first.noteId })).toMatchObject({
      ok: true,
    })
    expect(await whoOf(id, 'mentioned')).toEqual([editor.id, worldDesk].sort((a, b) => a - b))
    expect(await whoOf(id, 'replied')).toEqual([writer.id])
    expect((await told(id)).find((row) => row.kind === 'mentioned')?.detail).toEqual({ note: 'Ready for a look, @editor?' })
  })

  it('refuses a note that mentions nobody on the staff, naming them, and saves nothing', async () => {
    const id = await makeStory(db, newsroom)
    expect(await addNote(db, writer, id, { body: 'Ask @nobody-here and @editor, not me@example.org.' })).toEqual({
      ok: false,
      reason: 'invalid',
      message: 'Nobody on the staff is called @nobody-here; mention people by the name on their profile, like @tomas-ferreira.',
    })
    expect(await db.select().from(notes).where(eq(notes.articleId, id))).toEqual([])
    expect(await told(id)).toEqual([])
  })

  it('refuses a request for changes whose note mentions an unknown person, leaving the story as it was', async () => {
    const id = await storyIn(db, newsroom, 'in_review')
    const result = await tryAct(db, editor, id, 'requestChanges', { note: 'See @no-such-person.' })
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('@no-such-person') })
    expect(await whoOf(id, 'changesRequested')).toEqual([])
  })
})

describe('preferences', () => {
  it('stores nothing for a kind muted in the desk while e-mail is off, and keeps the rest', async () => {
    await db.insert(notificationPreferences).values({ userId: worldDesk, mutedInDesk: ['submitted'], email: 'off' })
    const id = await storyIn(db, newsroom, 'in_review')
    expect(await whoOf(id, 'submitted')).toEqual([editor.id])
    expect(await addNote(db, writer, id, { body: 'Thanks @world-desk.' })).toMatchObject({ ok: true })
    expect(await whoOf(id, 'mentioned')).toEqual([worldDesk])
    await db.delete(notificationPreferences).where(eq(notificationPreferences.userId, worldDesk))
  })

  it('queues no mail while SMTP_URL is unset', async () => {
    const id = await storyIn(db, newsroom, 'in_review')
    expect(await whoOf(id, 'submitted')).not.toEqual([])
    expect(await db.select().from(mailQueue)).toEqual([])
  })
})
