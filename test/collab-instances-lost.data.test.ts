import { Redis } from '@hocuspocus/extension-redis'
import type { Extension } from '@hocuspocus/server'
import RedisClient from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { articleInputSchema } from '@/lib/article-input'
import { queueClaimMs, savedElsewhereKeys } from '@/lib/collab/across-instances'
import { saveStoryForm } from '@/lib/collab/form-saves'
import { type SavedRequest, putInOnce } from '@/lib/collab/saved-changes'
import { readStoryDocument } from '@/lib/collab/storage'
import { announceComments } from '@/lib/collab/saved-elsewhere'
import { addNote } from '@/lib/notes'
import { restoreRevision } from '@/lib/revisions'
import { type TestClient, bodyOf, headlineOf, typeHeadline } from './collab-clients'
import { collabTestKit, connected, neverMs, redisAnswers, testRedis } from './collab-server'
import { articleRow, docOf, editStory, makeStory, openTestNewsroom, revisionRows } from './newsroom'

// Several instances through Redis, one of which stops at the worst moment: a save made by other
// means still reaches the shared document, once, and a reply to a comment reaches everyone on the
// story whichever instance took it.

const hasRedis = await redisAnswers()
if (!hasRedis)
  console.warn('SKIPPED: instances lost through Redis — nothing answers PING at 127.0.0.1:6379 (start redis-server to run it).')

const { db, newsroom } = await openTestNewsroom()
const { startServer, join, closeAll, redisPrefix } = collabTestKit(db)
const redis = hasRedis ? new RedisClient(testRedis.port, testRedis.host, { lazyConnect: true }) : null
afterAll(async () => {
  await closeAll()
  redis?.disconnect()
})

const keys = savedElsewhereKeys(redisPrefix)
/** Short enough for a test to see a claim lapse and be taken over. */
const timings = { pauseMs: neverMs, claimMs: 1500, sweepMs: 100 }

/** A story open through `url` for its editor and the admin, its headline typed into and not yet cut. */
async function storyWithTwoRevisions(url: string) {
  const story = await makeStory(db, newsroom, { headline: 'Harbour' })
  const editor = await join(url, newsroom.editor, story)
  const admin = await join(url, newsroom.admin, story)
  await connected(editor, admin)
  typeHeadline(editor, ' reopens')
  await expect.poll(() => headlineOf(admin), { timeout: 15_000 }).toBe('Harbour reopens')
  return { story, editor, admin }
}

/** The claim an instance took on the story's queue just before it was killed. */
async function claimAsKilled(story: number, instance: string, ms: number): Promise<void> {
  expect(await redis?.set(keys.claim(story), `${instance}:killed`, 'PX', ms, 'NX')).toBe('OK')
}

const waiting = async (story: number) => (await redis?.llen(keys.queue(story))) ?? 0

describe.skipIf(!hasRedis)('several instances through Redis, one of them killed', () => {
  it('a revision restored while the instance that claimed it is killed reaches everyone once its claim lapses, once', async () => {
    const here = await startServer({ redis: testRedis, instance: 'test-here', published: true, ...timings })
    const killed = await startServer({ redis: testRedis, instance: 'test-killed', ...timings })
    const there = await startServer({ redis: testRedis, instance: 'test-there', ...timings })
    const { story, editor, admin } = await storyWithTwoRevisions(there.url)
    const writer = await join(killed.url, newsroom.writer, story)
    await connected(writer)
    await expect.poll(() => headlineOf(writer), { timeout: 15_000 }).toBe('Harbour reopens')
    expect(await there.collab.cutNow(story, 'save', newsroom.editor.id)).toMatchObject({ ok: true, revisionNumber: 2 })
    const before = bodyOf(editor)

    // The instance claims the story's queue and is killed before putting the save in.
    await claimAsKilled(story, 'test-killed', timings.claimMs)
    await killed.crash()
    expect((await restoreRevision(db, newsroom.admin, story, 1, (await articleRow(db, story)).version)).ok).toBe(true)
    await expect.poll(() => [headlineOf(editor), headlineOf(admin)], { timeout: 15_000 }).toEqual(['Harbour', 'Harbour'])
    await expect.poll(() => waiting(story), { timeout: 15_000 }).toBe(0)
    expect(bodyOf(editor)).toBe(before)
    expect(here.collab.hocuspocus.documents.size).toBe(0)

    // Once: typing goes on from the restored headline, and the next revision holds it.
    typeHeadline(admin, ' stays shut')
    await expect.poll(() => headlineOf(editor), { timeout: 15_000 }).toBe('Harbour stays shut')
    expect(await there.collab.cutNow(story, 'save', newsroom.admin.id)).toMatchObject({ ok: true })
    expect((await revisionRows(db, story)).at(-1)).toMatchObject({ headline: 'Harbour stays shut' })
  })

  it('a revision restored while the instance that claimed it is dead reaches everyone within seconds, with the real timings', async () => {
    await startServer({ redis: testRedis, instance: 'test-here', published: true, pauseMs: neverMs })
    const there = await startServer({ redis: testRedis, instance: 'test-there', pauseMs: neverMs })
    const { story, editor, admin } = await storyWithTwoRevisions(there.url)
    expect(await there.collab.cutNow(story, 'save', newsroom.editor.id)).toMatchObject({ ok: true, revisionNumber: 2 })

    // Claimed by an instance that died at once: its claim is never renewed.
    await claimAsKilled(story, 'test-dead', queueClaimMs)
    expect((await restoreRevision(db, newsroom.admin, story, 1, (await articleRow(db, story)).version)).ok).toBe(true)
    // A claim of 15 seconds, as before, would not lapse within this wait.
    await expect.poll(() => [headlineOf(editor), headlineOf(admin)], { timeout: 10_000 }).toEqual(['Harbour', 'Harbour'])
    await expect.poll(() => waiting(story), { timeout: 10_000 }).toBe(0)
  })

  it('a revision restored as the story closes everywhere goes into its shared document when it is next opened', async () => {
    const here = await startServer({ redis: testRedis, instance: 'test-here', published: true, ...timings })
    const there = await startServer({ redis: testRedis, instance: 'test-there', ...timings })
    const { story, editor, admin } = await storyWithTwoRevisions(there.url)

    // The request reaches no instance that puts it in: the one that claimed it is gone.
    await claimAsKilled(story, 'test-gone', 60_000)
    expect((await restoreRevision(db, newsroom.admin, story, 1, (await articleRow(db, story)).version)).ok).toBe(true)
    // Everyone leaves: the story closes, its last typing cut as a revision without the restored headline.
    for (const client of [editor, admin]) client.destroy()
    await expect.poll(() => there.collab.hocuspocus.documents.size, { timeout: 15_000 }).toBe(0)
    expect((await revisionRows(db, story)).at(-1)).toMatchObject({ headline: 'Harbour reopens' })
    expect(await waiting(story)).toBe(1)
    // Its claim lapses (sooner here than sixty seconds).
    await redis?.del(keys.claim(story))

    const reader = await join(here.url, newsroom.editor, story)
    await connected(reader)
    await expect.poll(() => headlineOf(reader), { timeout: 15_000 }).toBe('Harbour')
    expect(await waiting(story)).toBe(0)
    typeHeadline(reader, ' stays shut')
    await expect.poll(() => reader.provider.hasUnsyncedChanges, { timeout: 15_000 }).toBe(false)
    expect(await here.collab.cutNow(story, 'save', newsroom.editor.id)).toMatchObject({ ok: true })
    expect((await revisionRows(db, story)).at(-1)).toMatchObject({ headline: 'Harbour stays shut' })
  })

  it('a save made alone, put in by an instance killed before it took it off, is not put in again by the one taking over', async () => {
    const here = await startServer({ redis: testRedis, instance: 'test-here', published: true, ...timings })
    const there = await startServer({ redis: testRedis, instance: 'test-there', ...timings })
    const story = await makeStory(db, newsroom, { headline: 'Harbour fees' })
    await editStory(db, newsroom.writer, story, { body: docOf('Fees rise.', 'Owners object.') })
    const [first] = (await revisionRows(db, story)).slice(-1)
    if (!first) throw new Error('no revision')
    const editor = await join(there.url, newsroom.editor, story)
    const admin = await join(there.url, newsroom.admin, story)
    await connected(editor, admin)
    await expect.poll(() => paragraphsOf(admin), { timeout: 15_000 }).toEqual(['Fees rise.', 'Owners object.'])

    await claimAsKilled(story, 'test-killed', 60_000)
    const input = articleInputSchema.parse({ ...first, body: docOf('Fees rise in May.', 'Owners object.') })
    const opened = (await articleRow(db, story)).version
    expect((await saveStoryForm(db, newsroom.writer, story, input, { baseVersion: opened, kind: 'save', isAlone: true })).ok).toBe(true)
    // The instance that claimed it put it in, and its change reached the others, before it was killed.
    const [raw] = (await redis?.lrange(keys.queue(story), 0, -1)) ?? []
    putInOnce(admin.doc, JSON.parse(raw ?? 'null') as SavedRequest)
    await expect.poll(() => paragraphsOf(editor), { timeout: 15_000 }).toEqual(['Fees rise in May.', 'Owners object.'])
    typeInto(editor, 0, 'Fees rise in May'.length, ' by a tenth')
    await expect.poll(() => paragraphsOf(admin), { timeout: 15_000 }).toEqual(['Fees rise in May by a tenth.', 'Owners object.'])

    // Its claim lapses; the instance taking the queue over finds the save in, and takes it off.
    await redis?.del(keys.claim(story))
    await expect.poll(() => waiting(story), { timeout: 15_000 }).toBe(0)
    expect(paragraphsOf(admin)).toEqual(['Fees rise in May by a tenth.', 'Owners object.'])
    expect(paragraphsOf(editor)).toEqual(['Fees rise in May by a tenth.', 'Owners object.'])
    expect(here.collab.hocuspocus.documents.size).toBe(0)
  })

  it('an instance whose Redis connection ends while people type keeps serving them, and keeps their typing', async () => {
    const there = await startServer({ redis: testRedis, instance: 'test-there', ...timings })
    const { story, editor, admin } = await storyWithTwoRevisions(there.url)
    const unhandled: unknown[] = []
    const note = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', note)
    try {
      // Every message to the other instances now fails: typing, carets, saves made elsewhere.
      redisOf(there.collab.hocuspocus.configuration.extensions).pub.disconnect(false)
      typeHeadline(editor, ' for the winter')
      await expect.poll(() => headlineOf(admin), { timeout: 15_000 }).toBe('Harbour reopens for the winter')
      expect(await there.collab.cutNow(story, 'save', newsroom.editor.id)).toMatchObject({ ok: true })
      expect((await revisionRows(db, story)).at(-1)).toMatchObject({ headline: 'Harbour reopens for the winter' })
      await new Promise((resolve) => setTimeout(resolve, timings.sweepMs * 3))
    } finally {
      process.off('unhandledRejection', note)
    }
    expect(unhandled).toEqual([])
  })

  it('a reply to a comment taken by an instance where the story is not open tells the people writing through another', async () => {
    await startServer({ redis: testRedis, instance: 'test-here', published: true, ...timings })
    const there = await startServer({ redis: testRedis, instance: 'test-there', ...timings })
    const story = await makeStory(db, newsroom, { headline: 'Ferry' })
    const writer = await join(there.url, newsroom.writer, story)
    await connected(writer)
    await expect.poll(() => headlineOf(writer), { timeout: 15_000 }).toBe('Ferry')
    const thread = await addNote(db, newsroom.editor, story, { body: 'Which ferry?' })
    if (!thread.ok) throw new Error(thread.message)
    expect((await addNote(db, newsroom.writer, story, { body: 'The night one.', parentId: thread.threadId })).ok).toBe(true)

    await announceComments(story)
    await expect.poll(() => told(writer), { timeout: 15_000 }).toBe(1)
  })
})

/** The Redis extension among a sync server's. */
function redisOf(extensions: Extension[]): Redis {
  const found = extensions.find((extension) => extension instanceof Redis)
  if (!found) throw new Error('no Redis extension')
  return found
}

/** The words of each paragraph of the client's copy of the body. */
const paragraphsOf = (client: TestClient) => readStoryDocument(client.doc).body.content?.map((block) => block.content?.[0]?.text)

/** Types `typed` at `offset` into paragraph `index` of the client's copy. */
function typeInto(client: TestClient, index: number, offset: number, typed: string): void {
  const words = (client.doc.getXmlFragment('body').get(index) as Y.XmlElement).get(0)
  if (!(words instanceof Y.XmlText)) throw new Error('no words there')
  words.insert(offset, typed)
}

const told = (client: TestClient) => client.messages.filter((message) => JSON.stringify(message) === '{"type":"comments"}').length
