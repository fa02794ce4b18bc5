import net from 'node:net'
import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { users } from '@/db/schema'
import { readOnlyMessage } from '@/lib/collab/hooks'
import { servedElsewhere } from '@/lib/collab/lease'
import { readStoryDocument } from '@/lib/collab/storage'
import type { TestClient } from './collab-clients'
import { collabTestKit } from './collab-server'
import { makeStory, openTestNewsroom, revisionRows, storyIn } from './newsroom'

// A real sync server in this process, reached over real WebSockets by Hocuspocus's own client.

const { db, newsroom } = await openTestNewsroom()
const { startServer, join, closeAll } = collabTestKit(db)
afterAll(closeAll)

const headlineOf = (client: TestClient) => client.doc.getText('headline').toString()
const typeHeadline = (client: TestClient, text: string) =>
  client.doc.getText('headline').insert(client.doc.getText('headline').length, text)

describe('writing together through the sync server', () => {
  it('brings two editors’ typing together in both copies', async () => {
    const { url } = await startServer()
    const story = await makeStory(db, newsroom, { headline: 'Port' })
    const editor = await join(url, newsroom.editor, story)
    const admin = await join(url, newsroom.admin, story)
    await expect
      .poll(() => [editor.scope(), admin.scope(), headlineOf(admin), headlineOf(editor)], { timeout: 15_000 })
      .toEqual(['read-write', 'read-write', 'Port', 'Port'])
    typeHeadline(editor, ' reopens')
    typeHeadline(admin, '!')
    const both = /^Port( reopens!|! reopens)$/
    await expect.poll(() => [both.test(headlineOf(editor)), both.test(headlineOf(admin))], { timeout: 15_000 }).toEqual([true, true])
    expect(headlineOf(editor)).toBe(headlineOf(admin))
  })

  it('refuses a reading connection’s change and tells its person why', async () => {
    const { url } = await startServer()
    const story = await storyIn(db, newsroom, 'in_review', { headline: 'Under review' })
    const editor = await join(url, newsroom.editor, story)
    const writer = await join(url, newsroom.writer, story)
    await expect
      .poll(() => [editor.scope(), writer.scope(), headlineOf(writer)], { timeout: 15_000 })
      .toEqual(['read-write', 'readonly', 'Under review'])
    typeHeadline(writer, ' (sneaked in)')
    await expect.poll(() => writer.messages, { timeout: 15_000 }).toContainEqual({ type: 'read-only', message: readOnlyMessage })
    typeHeadline(editor, '.')
    await expect.poll(() => headlineOf(editor), { timeout: 15_000 }).toBe('Under review.')
  })

  it('refuses a connection without a genuine ticket', async () => {
    const { url } = await startServer()
    const story = await makeStory(db, newsroom)
    const forged = await join(url, newsroom.editor, story, 'not-a-ticket')
    await expect.poll(() => forged.refusal(), { timeout: 15_000 }).toBe('Sign in to write together on this story.')
    expect(forged.scope()).toBeUndefined()
  })

  it('disconnects a person demoted while connected within seconds', async () => {
    const { url } = await startServer()
    const story = await makeStory(db, newsroom)
    const [person] = await db
      .insert(users)
      .values({ email: 'soon-writer@example.test', name: 'Soon Writer', slug: 'soon-writer', role: 'editor', passwordHash: 'x' })
      .returning({ id: users.id, role: users.role })
    if (!person) throw new Error('no person')
    const client = await join(url, person, story)
    await expect.poll(() => client.scope(), { timeout: 15_000 }).toBe('read-write')
    await db.update(users).set({ role: 'writer' }).where(eq(users.id, person.id))
    await expect.poll(() => client.closes, { timeout: 5_000 }).toContain('access-changed')
  })

  it('cuts a revision after a pause naming everyone who typed, and on an explicit save', async () => {
    const { url } = await startServer()
    const story = await makeStory(db, newsroom, { headline: 'Draft' })
    const editor = await join(url, newsroom.editor, story)
    const writer = await join(url, newsroom.writer, story)
    await expect.poll(() => [editor.scope(), writer.scope()], { timeout: 15_000 }).toEqual(['read-write', 'read-write'])
    typeHeadline(writer, ' one')
    typeHeadline(editor, ' two')
    await expect.poll(async () => (await revisionRows(db, story)).length, { timeout: 15_000 }).toBe(2)
    const [, cut] = await revisionRows(db, story)
    expect(cut).toMatchObject({ kind: 'autosave', contributors: [newsroom.writer.id, newsroom.editor.id].sort((a, b) => a - b) })
    expect(cut?.headline).toMatch(/^Draft( one two| two one)$/)
    typeHeadline(writer, ' three')
    await expect.poll(() => headlineOf(editor), { timeout: 15_000 }).toContain('three')
    editor.provider.sendStateless(JSON.stringify({ type: 'save' }))
    await expect.poll(() => editor.messages, { timeout: 15_000 }).toContainEqual({ type: 'saved', revisionNumber: 3 })
    expect((await revisionRows(db, story)).at(-1)).toMatchObject({
      kind: 'save',
      createdBy: newsroom.editor.id,
      contributors: [newsroom.writer.id],
    })
  })

  it('loses nothing a client had sent when the server restarts', async () => {
    const first = await startServer({ pauseMs: 60_000 })
    const story = await makeStory(db, newsroom, { headline: 'Before' })
    const editor = await join(first.url, newsroom.editor, story)
    await expect.poll(() => editor.scope(), { timeout: 15_000 }).toBe('read-write')
    typeHeadline(editor, ' and after')
    await expect.poll(() => editor.provider.hasUnsyncedChanges, { timeout: 15_000 }).toBe(false)
    await first.stop()
    const second = await startServer()
    const reader = await join(second.url, newsroom.admin, story)
    await expect.poll(() => headlineOf(reader), { timeout: 15_000 }).toBe('Before and after')
    expect((await revisionRows(db, story)).at(-1)).toMatchObject({ headline: 'Before and after', contributors: [newsroom.editor.id] })
  })

  it('without Redis, lets one instance serve a story and has another say so', async () => {
    const one = await startServer()
    const two = await startServer()
    const story = await makeStory(db, newsroom)
    const first = await join(one.url, newsroom.editor, story)
    await expect.poll(() => first.scope(), { timeout: 15_000 }).toBe('read-write')
    const second = await join(two.url, newsroom.admin, story)
    await expect.poll(() => second.refusal(), { timeout: 15_000 }).toBe(servedElsewhere)
  })
})

/** Whether Redis answers PING at 127.0.0.1:6379 within a second. */
async function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(6379, '127.0.0.1')
    const done = (answer: boolean) => {
      socket.destroy()
      resolve(answer)
    }
    socket.setTimeout(1000, () => done(false))
    socket.on('error', () => done(false))
    socket.on('connect', () => socket.write('PING\r\n'))
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')))
  })
}

const hasRedis = await redisAnswers()
if (!hasRedis) console.warn('SKIPPED: two instances through Redis — nothing answers PING at 127.0.0.1:6379 (start redis-server to run it).')

describe.skipIf(!hasRedis)('several instances through Redis', () => {
  it('brings typing on two instances together', async () => {
    const redis = { host: '127.0.0.1', port: 6379, db: 0, tls: false }
    const one = await startServer({ redis, instance: 'test-one' })
    const two = await startServer({ redis, instance: 'test-two' })
    const story = await makeStory(db, newsroom, { headline: 'Across' })
    const editor = await join(one.url, newsroom.editor, story)
    const admin = await join(two.url, newsroom.admin, story)
    await expect.poll(() => [editor.scope(), admin.scope()], { timeout: 15_000 }).toEqual(['read-write', 'read-write'])
    typeHeadline(editor, ' instances')
    await expect.poll(() => headlineOf(admin), { timeout: 15_000 }).toBe('Across instances')
    typeHeadline(admin, '!')
    await expect.poll(() => headlineOf(editor), { timeout: 15_000 }).toBe('Across instances!')
    expect(readStoryDocument(editor.doc).headline).toBe('Across instances!')
  })
})
