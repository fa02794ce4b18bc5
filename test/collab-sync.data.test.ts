import { eq, sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { serverUrlOf } from '@/db'
import { users } from '@/db/schema'
import { readOnlyMessage } from '@/lib/collab/hooks'
import { instanceName, processPlace, servedElsewhere } from '@/lib/collab/lease'
import { getStoredDocument, readStoryDocument } from '@/lib/collab/storage'
import type { TestClient } from './collab-clients'
import { collabTestKit, neverMs, redisAnswers, stoppedProcessId, testRedis } from './collab-server'
import { editStory, makeStory, openTestNewsroom, revisionRows, storyIn } from './newsroom'
import { doc, p, text } from './story-docs'

// A real sync server in this process, reached over real WebSockets by Hocuspocus's own client.

const { db, newsroom } = await openTestNewsroom()
const { startServer, join, closeAll } = collabTestKit(db)
afterAll(closeAll)
/** Holders' locks are PostgreSQL's (lib/collab/holder-lock.ts). */
const onPostgres = serverUrlOf(db) !== null
if (!onPostgres) console.warn('SKIPPED: a killed instance’s lock — holders’ locks are PostgreSQL’s (run with DATA_TEST_DRIVER=pg).')

const headlineOf = (client: TestClient) => client.doc.getText('headline').toString()
const typeHeadline = (client: TestClient, typed: string) =>
  client.doc.getText('headline').insert(client.doc.getText('headline').length, typed)

/** The headline of the story's document as stored in the database ('' when none is). */
async function storedHeadline(story: number): Promise<string> {
  const stored = await getStoredDocument(db, story)
  const copy = new Y.Doc()
  if (stored) Y.applyUpdate(copy, stored.state)
  return copy.getText('headline').toString()
}

/** A body with a heading, marks, a list and a rule, saved as stories were before writing together. */
const savedBody = doc(
  { type: 'heading', attrs: { level: 2 }, content: [text('At the quay')] },
  p(
    text('Boats wait', [{ type: 'bold' }]),
    text(' for the '),
    text('tide', [{ type: 'link', attrs: { href: 'https://example.com/tides' } }]),
    text('.'),
  ),
  {
    type: 'bulletList',
    content: [
      { type: 'listItem', content: [p(text('Ferries'))] },
      { type: 'listItem', content: [p(text('Trawlers'))] },
    ],
  },
  { type: 'horizontalRule' },
  p(text('More tomorrow.')),
)

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

  it('loses nothing acknowledged when the server is killed mid-session: what it stored, and what a connected client sends again', async () => {
    // Hocuspocus answers each change as soon as it is applied in the server's memory, and stores
    // the document `storeDebounceMs` after the typing stops (at most 10 s during it): a change
    // counts as acknowledged once stored. One answered but not yet stored lives on in the copy of
    // the client that sent it, which sends it again when it reconnects.
    const first = await startServer({ pauseMs: neverMs, storeDebounceMs: 1000 })
    const story = await makeStory(db, newsroom, { headline: 'Tide' })
    const editor = await join(first.url, newsroom.editor, story)
    const admin = await join(first.url, newsroom.admin, story)
    await expect.poll(() => [editor.scope(), admin.scope()], { timeout: 15_000 }).toEqual(['read-write', 'read-write'])
    typeHeadline(editor, ' tables')
    typeHeadline(admin, ' change')
    const stored = /^Tide( tables change| change tables)$/
    await expect.poll(() => storedHeadline(story), { timeout: 15_000 }).toMatch(stored)
    admin.destroy()
    typeHeadline(editor, ' today')
    await expect.poll(() => editor.provider.hasUnsyncedChanges, { timeout: 15_000 }).toBe(false)
    await first.crash()
    expect(await storedHeadline(story)).toMatch(stored)
    // The killed server still holds the story's lease. The app on its embedded database is the only
    // instance, and frees it at start; with PostgreSQL and no Redis it lapses after 30 s (lib/collab/lease.ts).
    const second = await startServer({ port: first.port, isOnlyInstance: true })
    const reader = await join(second.url, newsroom.writer, story)
    const everything = /^Tide( tables change| change tables) today$/
    await expect.poll(() => headlineOf(reader), { timeout: 15_000 }).toMatch(everything)
    await expect.poll(() => storedHeadline(story), { timeout: 15_000 }).toMatch(everything)
    expect(headlineOf(editor)).toBe(headlineOf(reader))
  })

  it('takes at once, once restarted, the stories its killed predecessor held, where several instances share the database', async () => {
    const place = processPlace()
    if (!place) return console.warn('SKIPPED: a restarted instance’s leases — /proc does not say where this process runs (not Linux).')
    // The first server is named as a process that no longer runs, as a killed one would be.
    const first = await startServer({ instance: instanceName(place, stoppedProcessId()), pauseMs: neverMs })
    const story = await makeStory(db, newsroom, { headline: 'Tide' })
    const editor = await join(first.url, newsroom.editor, story)
    await expect.poll(() => editor.scope(), { timeout: 15_000 }).toBe('read-write')
    typeHeadline(editor, ' turns')
    await expect.poll(() => storedHeadline(story), { timeout: 15_000 }).toBe('Tide turns')
    await first.crash()
    const second = await startServer({ port: first.port })
    const admin = await join(second.url, newsroom.admin, story)
    await expect.poll(() => admin.scope(), { timeout: 15_000 }).toBe('read-write')
    expect(admin.refusal()).toBeUndefined()
    await expect.poll(() => headlineOf(admin), { timeout: 15_000 }).toBe('Tide turns')
  })

  it.skipIf(!onPostgres)('takes at once the stories a killed instance held in another container, once its lock is free', async () => {
    // Named as a process of another container, whose id is taken here: only its lock can say it is gone.
    const first = await startServer({ instance: instanceName('another-container.4026532001', process.pid), pauseMs: neverMs })
    const story = await makeStory(db, newsroom, { headline: 'Ebb' })
    const editor = await join(first.url, newsroom.editor, story)
    await expect.poll(() => editor.scope(), { timeout: 15_000 }).toBe('read-write')
    typeHeadline(editor, ' tide')
    await expect.poll(() => storedHeadline(story), { timeout: 15_000 }).toBe('Ebb tide')
    const second = await startServer()
    const turnedAway = await join(second.url, newsroom.admin, story)
    await expect.poll(() => turnedAway.refusal(), { timeout: 15_000 }).toBe(servedElsewhere)
    await first.crash()
    const admin = await join(second.url, newsroom.admin, story)
    await expect.poll(() => admin.scope(), { timeout: 15_000 }).toBe('read-write')
    expect(admin.refusal()).toBeUndefined()
    await expect.poll(() => headlineOf(admin), { timeout: 15_000 }).toBe('Ebb tide')
  })

  it.skipIf(!onPostgres)(
    'lets go of its stories at once when its lock is lost while it runs, so another instance serves them alone',
    async () => {
      const one = await startServer({ lockRetryMs: 3000 })
      const two = await startServer()
      const story = await makeStory(db, newsroom, { headline: 'Flood' })
      const editor = await join(one.url, newsroom.editor, story)
      await expect.poll(() => headlineOf(editor), { timeout: 15_000 }).toBe('Flood')
      // The database ends the lock's connection (restarted, or an administrator's doing).
      const key = one.collab.lock?.key ?? null
      await db.execute(sql`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objid = ${key}`)
      await expect.poll(() => editor.closes.length, { timeout: 5000 }).toBeGreaterThan(0)
      const admin = await join(two.url, newsroom.admin, story)
      await expect.poll(() => admin.scope(), { timeout: 15_000 }).toBe('read-write')
      typeHeadline(admin, ' warning')
      await expect.poll(() => storedHeadline(story), { timeout: 15_000 }).toBe('Flood warning')
      // The first instance, its lock taken again, still leaves the story to the second.
      await expect.poll(() => one.collab.lock?.isHeld, { timeout: 15_000 }).toBe(true)
      const late = await join(one.url, newsroom.editor, story)
      await expect.poll(() => late.refusal(), { timeout: 15_000 }).toBe(servedElsewhere)
    },
  )

  it('opens a story saved before writing together with its body as saved, and cuts an edit into it', async () => {
    const story = await makeStory(db, newsroom, { headline: 'Old story' })
    await editStory(db, newsroom.writer, story, { body: savedBody })
    expect(await getStoredDocument(db, story)).toBeNull()
    const [saved] = (await revisionRows(db, story)).slice(-1)
    const { url } = await startServer()
    const editor = await join(url, newsroom.editor, story)
    await expect.poll(() => editor.scope(), { timeout: 15_000 }).toBe('read-write')
    await expect.poll(() => readStoryDocument(editor.doc).body, { timeout: 15_000 }).toEqual(saved?.body)
    const firstWords = (editor.doc.getXmlFragment('body').get(1) as Y.XmlElement).get(0) as Y.XmlText
    firstWords.insert(firstWords.length, ' Still')
    editor.provider.sendStateless(JSON.stringify({ type: 'save' }))
    await expect.poll(() => editor.messages, { timeout: 15_000 }).toContainEqual(expect.objectContaining({ type: 'saved' }))
    const edited = structuredClone(saved?.body)
    const lastWords = edited?.content?.[1]?.content?.at(-1)
    if (lastWords) lastWords.text = `${lastWords.text ?? ''} Still`
    expect((await revisionRows(db, story)).at(-1)?.body).toEqual(edited)
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

const hasRedis = await redisAnswers()
if (!hasRedis) console.warn('SKIPPED: two instances through Redis — nothing answers PING at 127.0.0.1:6379 (start redis-server to run it).')

describe.skipIf(!hasRedis)('several instances through Redis', () => {
  it('brings typing on two instances together', async () => {
    const one = await startServer({ redis: testRedis, instance: 'test-one' })
    const two = await startServer({ redis: testRedis, instance: 'test-two' })
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
