import { afterAll, describe, expect, it } from 'vitest'
import { restoreRevision } from '@/lib/revisions'
import { addParagraph, bodyOf, headlineOf, typeHeadline } from './collab-clients'
import { collabTestKit } from './collab-server'
import { articleRow, makeStory, openTestNewsroom, revisionRows } from './newsroom'

// A save made outside the shared document while people write together in it: the saved draft
// enters the document (everyone sees it, nothing is duplicated) and the next revision keeps it.

const { db, newsroom } = await openTestNewsroom()
const { startServer, join, closeAll } = collabTestKit(db)
afterAll(closeAll)

describe('a save made outside the shared document', () => {
  it('restoring a revision happens inside the shared document: everyone sees it, and the next revision keeps it', async () => {
    const { url } = await startServer({ published: true })
    const story = await makeStory(db, newsroom, { headline: 'First words' })
    const editor = await join(url, newsroom.editor, story)
    const admin = await join(url, newsroom.admin, story)
    await expect.poll(() => [headlineOf(editor), headlineOf(admin)], { timeout: 15_000 }).toEqual(['First words', 'First words'])
    const before = bodyOf(editor)

    typeHeadline(editor, ' and second thoughts')
    addParagraph(editor, 'A paragraph to take back.')
    await expect.poll(async () => (await revisionRows(db, story)).length, { timeout: 15_000 }).toBe(2)
    expect(bodyOf(admin)).toContain('A paragraph to take back.')

    const restored = await restoreRevision(db, newsroom.admin, story, 1, (await articleRow(db, story)).version)
    expect(restored.ok).toBe(true)
    await expect
      .poll(() => [headlineOf(editor), headlineOf(admin), bodyOf(editor), bodyOf(admin)], { timeout: 15_000 })
      .toEqual(['First words', 'First words', before, before])

    typeHeadline(admin, '!')
    await expect.poll(async () => (await revisionRows(db, story)).at(-1)?.headline, { timeout: 15_000 }).toBe('First words!')
    const rows = await revisionRows(db, story)
    expect(rows.at(-1)?.body).toEqual(rows[0]?.body)
  })
})
