import { afterAll, describe, expect, it } from 'vitest'
import { articleInputSchema } from '@/lib/article-input'
import { saveStoryForm } from '@/lib/collab/form-saves'
import { readStoryDocument } from '@/lib/collab/storage'
import { currentSharedDraft } from '@/lib/collab/storage'
import { collabTestKit } from './collab-server'
import { articleRow, makeStory, openTestNewsroom, revisionRows } from './newsroom'

// The form's Save on a story written together: its revision names everyone who typed since the last cut.

const { db, newsroom } = await openTestNewsroom()
const { startServer, join, closeAll } = collabTestKit(db)
afterAll(closeAll)

describe('saving a shared story through the form', () => {
  it('records everyone who typed since the last revision, not only the person who pressed Save', async () => {
    // Published, as npm start's is, and with no pause short enough to cut a revision by itself.
    const { url } = await startServer({ published: true, pauseMs: 60_000 })
    const story = await makeStory(db, newsroom, { headline: 'Tide' })
    const writer = await join(url, newsroom.writer, story)
    const admin = await join(url, newsroom.admin, story)
    const editor = await join(url, newsroom.editor, story)
    await expect
      .poll(() => [writer, admin, editor].map((client) => client.scope()), { timeout: 15_000 })
      .toEqual(['read-write', 'read-write', 'read-write'])
    writer.doc.getText('headline').insert(4, ' tables')
    await expect.poll(() => readStoryDocument(admin.doc).headline, { timeout: 15_000 }).toBe('Tide tables')
    admin.doc.getText('headline').insert(11, ' change')
    await expect.poll(() => readStoryDocument(editor.doc).headline, { timeout: 15_000 }).toBe('Tide tables change')
    await expect.poll(() => editor.provider.hasUnsyncedChanges || admin.provider.hasUnsyncedChanges, { timeout: 15_000 }).toBe(false)

    const draft = await currentSharedDraft(db, story)
    if (!draft) throw new Error('no draft')
    const [current] = (await revisionRows(db, story)).slice(-1)
    const input = articleInputSchema.parse({ ...current, ...readStoryDocument(editor.doc), ...draft.fields })
    const saved = await saveStoryForm(db, newsroom.editor, story, input, {
      baseVersion: (await articleRow(db, story)).version,
      kind: 'save',
    })
    expect(saved.ok).toBe(true)
    expect((await revisionRows(db, story)).at(-1)).toMatchObject({
      kind: 'save',
      headline: 'Tide tables change',
      createdBy: newsroom.editor.id,
      contributors: [newsroom.writer.id, newsroom.admin.id].sort((a, b) => a - b),
    })
  })
})
