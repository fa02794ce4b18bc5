import { afterAll, describe, expect, it } from 'vitest'
import { articleInputSchema } from '@/lib/article-input'
import { saveStoryForm } from '@/lib/collab/form-saves'
import { runningCollab } from '@/lib/collab/running'
import { currentSharedDraft, pendingContributors, readStoryDocument } from '@/lib/collab/storage'
import { fieldMapOf, writeFieldValues } from '@/lib/collab/story-fields'
import { headlineOf, typeHeadline } from './collab-clients'
import { collabTestKit, neverMs } from './collab-server'
import { articleRow, makeStory, openTestNewsroom, revisionRows } from './newsroom'

// The form's Save on a story written together: its revision names everyone who typed since the last cut.

const { db, newsroom } = await openTestNewsroom()
const { startServer, join, closeAll } = collabTestKit(db)
afterAll(closeAll)

describe('saving a shared story through the form', () => {
  it('records everyone who typed since the last revision, not only the person who pressed Save', async () => {
    // Published, as npm start's is, and with no pause short enough to cut a revision by itself.
    const { url, stop } = await startServer({ published: true, pauseMs: 60_000 })
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
    // The process's sync server is the first published: the next test publishes its own.
    await stop()
  })

  it('a save from a browser that cannot reach the sync server reaches those writing together, who keep what they typed', async () => {
    const { url, stop } = await startServer({ published: true, pauseMs: 60_000 })
    const story = await makeStory(db, newsroom, { headline: 'Ferry' })
    const opened = await articleRow(db, story)
    const [first] = await revisionRows(db, story)
    if (!first) throw new Error('no revision')
    const writer = await join(url, newsroom.writer, story)
    const admin = await join(url, newsroom.admin, story)
    await expect.poll(() => [writer, admin].map((client) => client.scope()), { timeout: 15_000 }).toEqual(['read-write', 'read-write'])
    writer.doc.getText('headline').insert(5, ' times')
    await expect.poll(() => readStoryDocument(admin.doc).headline, { timeout: 15_000 }).toBe('Ferry times')

    // The editor's browser works alone, from the story as it opened: a standfirst.
    const input = articleInputSchema.parse({ ...first, standfirst: 'Boats leave an hour later.' })
    const saved = await saveStoryForm(db, newsroom.editor, story, input, { baseVersion: opened.version, kind: 'save', isAlone: true })
    expect(saved.ok).toBe(true)
    const shared = (client: typeof writer) => {
      const { headline, standfirst, body } = readStoryDocument(client.doc)
      return { headline, standfirst, paragraphs: body.content?.length }
    }
    const both = { headline: 'Ferry times', standfirst: 'Boats leave an hour later.', paragraphs: first.body.content?.length }
    await expect.poll(() => [shared(writer), shared(admin)], { timeout: 15_000 }).toEqual([both, both])

    // The next revision cut from the shared document keeps the save and the typing.
    admin.doc.getText('headline').insert(11, ' change')
    await expect.poll(() => readStoryDocument(writer.doc).headline, { timeout: 15_000 }).toBe('Ferry times change')
    await expect.poll(() => admin.provider.hasUnsyncedChanges, { timeout: 15_000 }).toBe(false)
    expect(await runningCollab()?.cutNow(story, 'save', newsroom.admin.id)).toMatchObject({ ok: true })
    expect((await revisionRows(db, story)).at(-1)).toMatchObject({
      headline: 'Ferry times change',
      standfirst: 'Boats leave an hour later.',
      contributors: [newsroom.writer.id, newsroom.admin.id].sort((a, b) => a - b),
    })
    await stop()
  })

  it('a save made alone takes the fields it changed into the shared story, and leaves a field typed there that no save took', async () => {
    const { url, stop } = await startServer({ published: true, pauseMs: 60_000 })
    // Stopped whatever happens: the next test's sync server must be the one published.
    try {
      const story = await makeStory(db, newsroom, { headline: 'Ferry' })
      const opened = await articleRow(db, story)
      const [first] = await revisionRows(db, story)
      if (!first) throw new Error('no revision')
      const writer = await join(url, newsroom.writer, story)
      const admin = await join(url, newsroom.admin, story)
      await expect.poll(() => [writer, admin].map((client) => client.scope()), { timeout: 15_000 }).toEqual(['read-write', 'read-write'])
      await expect.poll(() => fieldMapOf(writer.doc).get('sectionId'), { timeout: 15_000 }).toBe(newsroom.sectionId)
      // Typed in the admin's form, whose save has not come (refused, or the page closed first).
      writeFieldValues(fieldMapOf(admin.doc), { seoTitle: 'Fares rise again' })
      await expect.poll(() => fieldMapOf(writer.doc).get('seoTitle'), { timeout: 15_000 }).toBe('Fares rise again')

      const input = articleInputSchema.parse({ ...first, tags: ['saved-alone'] })
      const saved = await saveStoryForm(db, newsroom.editor, story, input, { baseVersion: opened.version, kind: 'save', isAlone: true })
      expect(saved.ok).toBe(true)
      await expect.poll(() => fieldMapOf(writer.doc).get('tags'), { timeout: 15_000 }).toEqual(['saved-alone'])
      expect(fieldMapOf(writer.doc).get('seoTitle')).toBe('Fares rise again')
      expect(fieldMapOf(admin.doc).toJSON()).toMatchObject({ seoTitle: 'Fares rise again', tags: ['saved-alone'] })
    } finally {
      await stop()
    }
  })

  it('an autosave made alone while the story is closed, folded into the revision its stored document was cut as, is in the shared document when the story next opens', async () => {
    const { url } = await startServer({ published: true, pauseMs: 60_000 })
    const story = await makeStory(db, newsroom, { headline: 'Ferry' })
    const writer = await join(url, newsroom.writer, story)
    await expect.poll(() => writer.scope(), { timeout: 15_000 }).toBe('read-write')
    writer.doc.getText('headline').insert(5, ' times')
    await expect.poll(() => writer.provider.hasUnsyncedChanges, { timeout: 15_000 }).toBe(false)
    expect(await runningCollab()?.cutNow(story, 'autosave', newsroom.writer.id)).toMatchObject({ ok: true })
    writer.destroy()
    await expect.poll(() => runningCollab()?.isOpenAnywhere(story), { timeout: 15_000 }).toBe(false)

    // The writer's browser, turned away, saves alone moments later: the autosave folds into the revision just cut.
    const cut = await revisionRows(db, story)
    const input = articleInputSchema.parse({ ...cut.at(-1), standfirst: 'Boats leave an hour later.' })
    const baseVersion = (await articleRow(db, story)).version
    expect(await saveStoryForm(db, newsroom.writer, story, input, { baseVersion, kind: 'autosave', isAlone: true })).toMatchObject({
      ok: true,
    })
    expect(await revisionRows(db, story)).toHaveLength(cut.length)

    const editor = await join(url, newsroom.editor, story)
    await expect
      .poll(() => readStoryDocument(editor.doc), { timeout: 15_000 })
      .toMatchObject({ headline: 'Ferry times', standfirst: 'Boats leave an hour later.' })
  })

  it('a save made alone while the story is closed, its stored document holding typing not yet in a revision, keeps both', async () => {
    const first = await startServer({ pauseMs: neverMs })
    const story = await makeStory(db, newsroom, { headline: 'Ferry' })
    const writer = await join(first.url, newsroom.writer, story)
    await expect.poll(() => writer.scope(), { timeout: 15_000 }).toBe('read-write')
    typeHeadline(writer, ' times')
    await expect.poll(() => pendingContributors(db, story), { timeout: 15_000 }).toEqual([newsroom.writer.id])
    // Killed before it cut a revision: the typing waits in the stored document.
    await first.crash()
    writer.destroy()
    const second = await startServer({ port: first.port, isOnlyInstance: true, published: true, pauseMs: neverMs })

    const latest = (await revisionRows(db, story)).at(-1)
    const input = articleInputSchema.parse({ ...latest, standfirst: 'Boats leave an hour later.' })
    const baseVersion = (await articleRow(db, story)).version
    expect(await saveStoryForm(db, newsroom.writer, story, input, { baseVersion, kind: 'autosave', isAlone: true })).toMatchObject({
      ok: true,
    })

    const editor = await join(second.url, newsroom.editor, story)
    await expect
      .poll(() => readStoryDocument(editor.doc), { timeout: 15_000 })
      .toMatchObject({ headline: 'Ferry times', standfirst: 'Boats leave an hour later.' })
    expect(headlineOf(editor)).toBe('Ferry times')
  })
})
