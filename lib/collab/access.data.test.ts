import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { sessions, users } from '@/db/schema'
import { makeStory, openTestNewsroom, storyIn } from '@/test/newsroom'
import { startSession } from '../sessions'
import { AccessWatcher, type WatchedConnection, accessChangedClose, collabAccess } from './access'
import { issueCollabTicket } from './issue'
import { verifyTicket } from './ticket'

const { db, newsroom } = await openTestNewsroom()
const sessionOf = (userId: number) => startSession(db, { userId, client: '', userAgent: '' })

/** A stand-in for a sync server connection that records how it was closed. */
function connection(readOnly: boolean): WatchedConnection & { closedWith: unknown } {
  const watched = { readOnly, closedWith: undefined as unknown, close: (event?: unknown) => void (watched.closedWith = event) }
  return watched
}

describe('who may join a story’s shared document', () => {
  it('lets an editor and the story’s writer change a draft, and shows another writer nothing', async () => {
    const story = await makeStory(db, newsroom)
    const editor = { userId: newsroom.editor.id, sessionId: await sessionOf(newsroom.editor.id) }
    const writer = { userId: newsroom.writer.id, sessionId: await sessionOf(newsroom.writer.id) }
    const other = { userId: newsroom.writer2.id, sessionId: await sessionOf(newsroom.writer2.id) }
    expect(await collabAccess(db, editor, story)).toEqual({
      ...{ ok: true, access: 'edit', name: 'Editor Person' },
      actor: { id: newsroom.editor.id, role: 'editor' },
    })
    expect(await collabAccess(db, writer, story)).toEqual({
      ...{ ok: true, access: 'edit', name: 'Writer Person' },
      actor: { id: newsroom.writer.id, role: 'writer' },
    })
    expect(await collabAccess(db, other, story)).toMatchObject({ ok: false, reason: 'missing' })
  })

  it('gives the writer only a reading connection once their story is in review', async () => {
    const story = await storyIn(db, newsroom, 'in_review')
    const writer = { userId: newsroom.writer.id, sessionId: await sessionOf(newsroom.writer.id) }
    expect(await collabAccess(db, writer, story)).toMatchObject({ ok: true, access: 'read' })
  })

  it('refuses an ended session, a disabled account and a session of someone else', async () => {
    const story = await makeStory(db, newsroom)
    const sessionId = await sessionOf(newsroom.writer.id)
    expect(await collabAccess(db, { userId: newsroom.editor.id, sessionId }, story)).toMatchObject({ ok: false, reason: 'unauthenticated' })
    await db.update(sessions).set({ endedAt: new Date() }).where(eq(sessions.id, sessionId))
    expect(await collabAccess(db, { userId: newsroom.writer.id, sessionId }, story)).toMatchObject({ ok: false, reason: 'unauthenticated' })
    const adminSession = await sessionOf(newsroom.admin.id)
    await db.update(users).set({ isDisabled: true }).where(eq(users.id, newsroom.admin.id))
    try {
      expect(await collabAccess(db, { userId: newsroom.admin.id, sessionId: adminSession }, story)).toEqual({
        ok: false,
        reason: 'unauthenticated',
        message: 'Your account has been disabled; ask an administrator.',
      })
    } finally {
      await db.update(users).set({ isDisabled: false }).where(eq(users.id, newsroom.admin.id))
    }
  })

  it('issues a ticket for the story only to someone who may open it', async () => {
    const story = await makeStory(db, newsroom)
    const writer = { userId: newsroom.writer.id, sessionId: await sessionOf(newsroom.writer.id) }
    const issued = await issueCollabTicket(db, 'a secret', writer, story, '/desk/collab')
    if (!issued.ok) throw new Error(issued.message)
    expect(issued).toMatchObject({
      access: 'edit',
      documentName: `article:${story}`,
      path: '/desk/collab',
      name: expect.stringMatching(/\S/),
    })
    expect(verifyTicket('a secret', issued.ticket, story)).toMatchObject({ ok: true, ticket: { ...writer, articleId: story } })
    const other = { userId: newsroom.writer2.id, sessionId: await sessionOf(newsroom.writer2.id) }
    expect(await issueCollabTicket(db, 'a secret', other, story, '/desk/collab')).toMatchObject({ ok: false, reason: 'missing' })
  })
})

describe('access re-checked while connected', () => {
  it('disconnects a demoted editor and a disabled writer at the next check, and keeps the others', async () => {
    const story = await makeStory(db, newsroom)
    const [demoted] = await db
      .insert(users)
      .values({ email: 'demoted@example.test', name: 'Demoted Editor', slug: 'demoted', role: 'editor', passwordHash: 'x' })
      .returning({ id: users.id })
    if (!demoted) throw new Error('no person')
    const watcher = new AccessWatcher(db, 60_000)
    const editorConnection = connection(false)
    const writerConnection = connection(false)
    const keptConnection = connection(false)
    watcher.watch(editorConnection, { userId: demoted.id, sessionId: await sessionOf(demoted.id), articleId: story, access: 'edit' })
    watcher.watch(writerConnection, {
      userId: newsroom.writer.id,
      sessionId: await sessionOf(newsroom.writer.id),
      articleId: story,
      access: 'edit',
    })
    watcher.watch(keptConnection, {
      userId: newsroom.editor.id,
      sessionId: await sessionOf(newsroom.editor.id),
      articleId: story,
      access: 'edit',
    })
    await watcher.checkNow()
    expect([editorConnection.closedWith, writerConnection.closedWith, keptConnection.closedWith]).toEqual([undefined, undefined, undefined])

    await db.update(users).set({ role: 'writer' }).where(eq(users.id, demoted.id))
    await db.update(users).set({ isDisabled: true }).where(eq(users.id, newsroom.writer.id))
    try {
      await watcher.checkNow()
    } finally {
      await db.update(users).set({ isDisabled: false }).where(eq(users.id, newsroom.writer.id))
      watcher.stop()
    }
    expect(editorConnection.closedWith).toEqual(accessChangedClose)
    expect(writerConnection.closedWith).toEqual(accessChangedClose)
    expect(keptConnection.closedWith).toBeUndefined()
  })
})
