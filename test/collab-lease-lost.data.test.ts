import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { collabLeases } from '@/db/schema'
import { servedElsewhere } from '@/lib/collab/lease'
import { getStoredDocument } from '@/lib/collab/storage'
import { headlineOf, typeHeadline } from './collab-clients'
import { collabTestKit, neverMs } from './collab-server'
import { makeStory, openTestNewsroom } from './newsroom'

// Without Redis, one instance serves a story at a time (lib/collab/lease.ts). An instance that has
// not yet heard that another took its story (its lease lapsed while the database did not answer it,
// or its lock was lost a moment before) must not store its copy over the one the other serves.

const { db, newsroom } = await openTestNewsroom()
const { startServer, join, closeAll } = collabTestKit(db)
afterAll(closeAll)

/** The headline of the story's document as stored in the database. */
async function storedHeadline(story: number): Promise<string> {
  const stored = await getStoredDocument(db, story)
  const copy = new Y.Doc()
  if (stored) Y.applyUpdate(copy, stored.state)
  return copy.getText('headline').toString()
}

describe('an instance whose story another instance took', () => {
  it('stores nothing more, lets its people go, and their typing goes in once they reach the other', async () => {
    const one = await startServer({ instance: 'test-one', pauseMs: neverMs })
    const two = await startServer({ instance: 'test-two', pauseMs: neverMs })
    const story = await makeStory(db, newsroom, { headline: 'Tide' })
    const editor = await join(one.url, newsroom.editor, story)
    await expect.poll(() => editor.scope(), { timeout: 15_000 }).toBe('read-write')
    typeHeadline(editor, ' turns')
    await expect.poll(() => storedHeadline(story), { timeout: 15_000 }).toBe('Tide turns')

    // The first instance's lease lapses, unrenewed, and the second takes the story.
    await db
      .update(collabLeases)
      .set({ expiresAt: new Date(0) })
      .where(eq(collabLeases.articleId, story))
    const admin = await join(two.url, newsroom.admin, story)
    await expect.poll(() => admin.scope(), { timeout: 15_000 }).toBe('read-write')
    typeHeadline(admin, ' high')
    await expect.poll(() => storedHeadline(story), { timeout: 15_000 }).toBe('Tide turns high')

    // Typing through the first, before it hears: its store is refused, and its people are let go.
    const storedMessages = editor.messages.length
    typeHeadline(editor, ' again')
    await expect.poll(() => editor.closes.length, { timeout: 15_000 }).toBeGreaterThan(0)
    expect(await storedHeadline(story)).toBe('Tide turns high')
    expect(editor.messages.slice(storedMessages)).not.toContainEqual(expect.objectContaining({ type: 'stored' }))
    expect(headlineOf(editor)).toBe('Tide turns again')
    const late = await join(one.url, newsroom.writer, story)
    await expect.poll(() => late.refusal(), { timeout: 15_000 }).toBe(servedElsewhere)

    // The editor's copy, kept on the device, reaches the second instance and goes in there.
    const rejoined = await join(two.url, newsroom.editor, story)
    Y.applyUpdate(rejoined.doc, Y.encodeStateAsUpdate(editor.doc))
    await expect.poll(() => headlineOf(admin), { timeout: 15_000 }).toMatch(/^Tide turns( again| high){2}$/)
    await expect.poll(() => storedHeadline(story), { timeout: 15_000 }).toBe(headlineOf(admin))
    expect(headlineOf(admin)).toContain(' again')
    expect(headlineOf(admin)).toContain(' high')
  })
})
