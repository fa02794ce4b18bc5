import { afterAll, describe, expect, it } from 'vitest'
import { notTakenMessage } from '@/lib/collab/cut-fields'
import { type FieldValues, fieldMapOf, fieldValuesOf, writeFieldValues } from '@/lib/collab/story-fields'
import { type TestClient, headlineOf, typeHeadline } from './collab-clients'
import { collabTestKit, connected, neverMs } from './collab-server'
import { makeStory, openTestNewsroom, revisionRows } from './newsroom'

// The revisions the sync server cuts carry the story's other fields as its shared document holds
// them (lib/collab/cut-fields.ts): two Node clients through a real sync server, as two people's forms are.

const { db, newsroom } = await openTestNewsroom()
const { startServer, join, closeAll } = collabTestKit(db)
afterAll(closeAll)

const fieldsOf = (client: TestClient) => fieldMapOf(client.doc).toJSON()
const latestRevision = async (story: number) => {
  const latest = (await revisionRows(db, story)).at(-1)
  if (!latest) throw new Error('no revision')
  return latest
}
const badSlugWhy = 'Use only lower-case letters, digits and single hyphens, like harbour-reopens.'

/** An editor alone on a new story types `values` into its fields; then the sync server cuts. */
async function cutAfterTyping(values: Partial<FieldValues>) {
  const { url, collab } = await startServer({ pauseMs: neverMs })
  const story = await makeStory(db, newsroom, { headline: 'Ferry fares rise' })
  const editor = await join(url, newsroom.editor, story)
  await connected(editor)
  await expect.poll(() => fieldsOf(editor).sectionId, { timeout: 15_000 }).toBe(newsroom.sectionId)
  const saved = await latestRevision(story)
  writeFieldValues(fieldMapOf(editor.doc), values)
  await expect.poll(() => editor.provider.hasUnsyncedChanges, { timeout: 15_000 }).toBe(false)
  return { result: await collab.cutNow(story, 'autosave'), story, editor, saved }
}

describe('the revisions cut from a shared story', () => {
  it('hold a field an editor typed, even when saved as the writer who typed last, and the story reopens as cut', async () => {
    const first = await startServer({ pauseMs: neverMs })
    const story = await makeStory(db, newsroom, { headline: 'Ferry fares rise' })
    const editor = await join(first.url, newsroom.editor, story)
    const writer = await join(first.url, newsroom.writer, story)
    await connected(editor, writer)
    await expect.poll(() => fieldsOf(writer).bylines, { timeout: 15_000 }).toEqual([{ userId: newsroom.writer.id }])
    // The editor credits the story to themselves alone: a change the writer could not make.
    writeFieldValues(fieldMapOf(editor.doc), { seoTitle: 'Fares rise again', bylines: [{ userId: newsroom.editor.id }] })
    await expect.poll(() => fieldsOf(writer).seoTitle, { timeout: 15_000 }).toBe('Fares rise again')
    typeHeadline(writer, ' in winter')
    await expect.poll(() => headlineOf(editor), { timeout: 15_000 }).toBe('Ferry fares rise in winter')
    await expect.poll(() => writer.provider.hasUnsyncedChanges, { timeout: 15_000 }).toBe(false)

    // The cut a pause makes (its timer calls this).
    expect(await first.collab.cutNow(story, 'autosave')).toMatchObject({ ok: true, unchanged: false, notTaken: [] })
    expect(await latestRevision(story)).toMatchObject({
      headline: 'Ferry fares rise in winter',
      slug: 'ferry-fares-rise-in-winter',
      seoTitle: 'Fares rise again',
      bylines: [{ userId: newsroom.editor.id }],
      createdBy: newsroom.writer.id,
      contributors: [newsroom.writer.id, newsroom.editor.id].sort((a, b) => a - b),
    })

    // Opened again, the map and the revision agree (a slug that follows its headline held empty).
    await first.stop()
    const second = await startServer({ pauseMs: neverMs })
    const admin = await join(second.url, newsroom.admin, story)
    await connected(admin)
    const cut = await latestRevision(story)
    await expect.poll(() => fieldsOf(admin), { timeout: 15_000 }).toEqual({ ...fieldValuesOf(cut), slug: '' })
    expect(await revisionRows(db, story)).toHaveLength(cut.number)
  })

  it('cut the rest of the draft after a pause when a slug typed does not fit, keep it in the shared story and tell everyone', async () => {
    const first = await startServer()
    const story = await makeStory(db, newsroom, { headline: 'Ferry fares rise' })
    const editor = await join(first.url, newsroom.editor, story)
    const admin = await join(first.url, newsroom.admin, story)
    await connected(editor, admin)
    await expect.poll(() => fieldsOf(admin).tags, { timeout: 15_000 }).toEqual([])
    writeFieldValues(fieldMapOf(editor.doc), { slug: 'Fares Rise!', tags: ['ferries'] })
    typeHeadline(editor, ' again')

    await expect.poll(async () => (await latestRevision(story)).headline, { timeout: 15_000 }).toBe('Ferry fares rise again')
    const cut = await latestRevision(story)
    // The slug as it was before: following the headline.
    expect(cut).toMatchObject({ slug: 'ferry-fares-rise-again', tags: ['ferries'] })
    const told = { type: 'saved', revisionNumber: cut.number, notTaken: [{ field: 'slug', message: notTakenMessage('slug', badSlugWhy) }] }
    await expect.poll(() => admin.messages, { timeout: 15_000 }).toContainEqual(told)
    expect(editor.messages).toContainEqual(told)
    expect(fieldsOf(admin).slug).toBe('Fares Rise!')

    // Opened again, the slug typed is still there to mend, and the rest is as cut.
    await first.stop()
    const second = await startServer()
    const writer = await join(second.url, newsroom.writer, story)
    await connected(writer)
    await expect.poll(() => fieldsOf(writer), { timeout: 15_000 }).toEqual({ ...fieldValuesOf(cut), slug: 'Fares Rise!' })
  })

  it('keep the saved slug when the one typed is another story’s, and say so', async () => {
    await makeStory(db, newsroom, { headline: 'Ferry times' })
    const { result, story, editor, saved } = await cutAfterTyping({ slug: 'ferry-times', seoTitle: 'Fares rise' })
    expect(result).toMatchObject({
      ok: true,
      notTaken: [{ field: 'slug', message: expect.stringContaining('“ferry-times” is already used') }],
    })
    expect(await latestRevision(story)).toMatchObject({ slug: saved.slug, seoTitle: 'Fares rise' })
    expect(fieldsOf(editor).slug).toBe('ferry-times')
  })

  it('keep the saved lead image when the one in the shared story is no longer in the library, and say so', async () => {
    // An image chosen in a form that had it listed, and deleted from the library since.
    const { result, story, editor } = await cutAfterTyping({ leadMediaId: 999_999, seoTitle: 'Fares rise' })
    expect(result).toMatchObject({
      ok: true,
      notTaken: [{ field: 'leadMediaId', message: expect.stringContaining('no longer in the media library') }],
    })
    expect(await latestRevision(story)).toMatchObject({ leadMediaId: null, seoTitle: 'Fares rise' })
    expect(fieldsOf(editor).leadMediaId).toBe(999_999)
  })
})
