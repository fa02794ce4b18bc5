import { eq } from 'drizzle-orm'
import { describe, expect, it, vi } from 'vitest'
import { mediaUses } from '@/db/schema'
import { figure, openTestLibrary } from '@/test/media-library'
import { act, editStory, makeStory, storyIn } from '@/test/newsroom'
import { storyAsShown, storyChangeKeys } from '../reader-changes'
import { checkIds } from '../prepublish-checks'
import { publishDue } from '../scheduler'
import { writeSetting } from '../settings'
import { isPublicMedia, maySeeMedia, maySeePrivateMedia, mediaOfKey } from './access'

// An image is public only while a published story shows it (media_uses), kept so by every
// status change in the same transaction; until then only the newsroom people who may see it get it.

const { db, newsroom, upload } = await openTestLibrary()
const { writer, writer2, editor, admin } = newsroom
// These stories' images have no alt text or credit: here the checklist only warns (and `act` confirms).
await writeSetting(db, admin, 'checkSeverities', Object.fromEntries(checkIds.map((id) => [id, 'warn'])))

async function usesOf(articleId: number): Promise<number[]> {
  const rows = await db.select({ mediaId: mediaUses.mediaId }).from(mediaUses).where(eq(mediaUses.articleId, articleId))
  return rows.map((row) => row.mediaId).sort((a, b) => a - b)
}

/** A writer's story with this lead image and a figure of that one, taken to approved. */
async function approvedWith(lead: number, inBody: number): Promise<number> {
  const id = await makeStory(db, newsroom, { headline: `Pictures ${lead} and ${inBody}` })
  await editStory(db, writer, id, { leadMediaId: lead, body: { type: 'doc', content: figure(inBody) } })
  await act(db, writer, id, 'submit')
  await act(db, editor, id, 'approve')
  return id
}

describe('which images are public', () => {
  it('follows publishing, unpublishing and republishing, lead image and figures alike', async () => {
    const [lead, inBody] = [await upload(writer), await upload(writer)]
    const id = await approvedWith(lead.id, inBody.id)
    expect(await usesOf(id)).toEqual([])
    expect(await isPublicMedia(db, lead.id)).toBe(false)

    await act(db, editor, id, 'publish')
    expect(await usesOf(id)).toEqual([lead.id, inBody.id].sort((a, b) => a - b))
    expect(await isPublicMedia(db, inBody.id)).toBe(true)

    await act(db, editor, id, 'unpublish')
    expect(await usesOf(id)).toEqual([])
    expect(await isPublicMedia(db, lead.id)).toBe(false)

    await act(db, editor, id, 'republish')
    expect(await usesOf(id)).toEqual([lead.id, inBody.id].sort((a, b) => a - b))
  })

  it('keeps the live revision’s images while an update is worked on, and swaps them when it is published', async () => {
    const [old, replacement] = [await upload(writer), await upload(writer)]
    const id = await storyIn(db, newsroom, 'published', { headline: 'Swapped picture' })
    await editStory(db, editor, id, { leadMediaId: old.id })
    await act(db, editor, id, 'publish')
    expect(await usesOf(id)).toEqual([old.id])

    await editStory(db, editor, id, { leadMediaId: replacement.id })
    expect(await usesOf(id)).toEqual([old.id])
    expect(await isPublicMedia(db, replacement.id)).toBe(false)
    await act(db, editor, id, 'publish')
    expect(await usesOf(id)).toEqual([replacement.id])
    expect(await isPublicMedia(db, old.id)).toBe(false)
  })

  it('makes a published story’s social image public with it, and private again when it is unpublished', async () => {
    const social = await upload(writer)
    const id = await storyIn(db, newsroom, 'published', { headline: 'Shared picture' })
    await editStory(db, editor, id, { socialMediaId: social.id })
    expect(await isPublicMedia(db, social.id)).toBe(false)
    await act(db, editor, id, 'publish')
    expect(await usesOf(id)).toEqual([social.id])
    await act(db, editor, id, 'unpublish')
    expect(await isPublicMedia(db, social.id)).toBe(false)
  })

  it('an image two stories show stays public while either is published', async () => {
    const shared = await upload(editor)
    const first = await approvedWith(shared.id, shared.id)
    const second = await approvedWith(shared.id, shared.id)
    await act(db, editor, first, 'publish')
    await act(db, editor, second, 'publish')
    await act(db, editor, first, 'unpublish')
    expect(await isPublicMedia(db, shared.id)).toBe(true)
    await act(db, editor, second, 'unpublish')
    expect(await isPublicMedia(db, shared.id)).toBe(false)
  })

  it('turns public when the scheduler publishes the story', async () => {
    const image = await upload(writer)
    const id = await approvedWith(image.id, image.id)
    const at = new Date(Date.now() + 60 * 60 * 1000)
    await act(db, editor, id, 'schedule', { scheduledAt: at })
    expect(await isPublicMedia(db, image.id)).toBe(false)
    expect(await publishDue(db, at, { log: { info: vi.fn(), warn: vi.fn(), error: vi.fn() } })).toBe(1)
    expect(await usesOf(id)).toEqual([image.id])
  })

  it('leaves private the image of a figure only suggested in, even in a story published over the suggestion', async () => {
    const [kept, suggested] = [await upload(writer), await upload(writer)]
    const id = await makeStory(db, newsroom, { headline: 'Suggested picture' })
    const change = {
      suggested: 'insertion',
      id: 'suggested-figure',
      authorId: writer.id,
      authorName: 'Writer',
      at: new Date().toISOString(),
    }
    const [suggestedFigure] = figure(suggested.id) ?? []
    const content = [...(figure(kept.id) ?? []), { ...suggestedFigure, attrs: { ...suggestedFigure?.attrs, ...change } }]
    await editStory(db, writer, id, { body: { type: 'doc', content } })
    await act(db, writer, id, 'submit')
    await act(db, editor, id, 'approve')
    await act(db, editor, id, 'publish')
    expect(await usesOf(id)).toEqual([kept.id])
    expect(await isPublicMedia(db, suggested.id)).toBe(false)
  })

  it('keeps public the image a figure had while another is only suggested for it, and the suggested one private', async () => {
    const [kept, suggested] = [await upload(writer), await upload(writer)]
    const id = await makeStory(db, newsroom, { headline: 'Picture suggested changed' })
    const [shown] = figure(kept.id) ?? []
    const [other] = figure(suggested.id) ?? []
    const change = { changeId: 'changed-image', changeAuthorId: writer.id, changeAuthorName: 'Writer', changeAt: new Date().toISOString() }
    const was = { wasSrc: shown?.attrs?.src, wasMediaId: kept.id, wasWidth: shown?.attrs?.width, wasHeight: shown?.attrs?.height }
    await editStory(db, writer, id, {
      body: { type: 'doc', content: [{ ...other, type: 'figure', attrs: { ...other?.attrs, ...was, ...change } }] },
    })
    await act(db, writer, id, 'submit')
    await act(db, editor, id, 'approve')
    await act(db, editor, id, 'publish')
    expect(await usesOf(id)).toEqual([kept.id])
    expect(await isPublicMedia(db, suggested.id)).toBe(false)
  })

  it('names the images that left the site, so that the edge lets go of their files', async () => {
    const image = await upload(writer)
    const id = await approvedWith(image.id, image.id)
    await act(db, editor, id, 'publish')
    const before = await storyAsShown(db, id)
    await act(db, editor, id, 'unpublish')
    expect(storyChangeKeys(id, before, await storyAsShown(db, id))).toContain(`media-${image.id}`)
  })
})

describe('who may see a private image', () => {
  it('its uploader, editors and admins, and writers of a story using it; no other writer', async () => {
    const image = await upload(writer)
    const sees = async () => ({
      writer: await maySeePrivateMedia(db, writer, image),
      writer2: await maySeePrivateMedia(db, writer2, image),
      editor: await maySeePrivateMedia(db, editor, image),
      admin: await maySeePrivateMedia(db, admin, image),
    })
    expect(await sees()).toEqual({ writer: true, writer2: false, editor: true, admin: true })

    const theirs = await makeStory(db, newsroom, { by: writer2, headline: 'Borrowed picture' })
    await editStory(db, writer2, theirs, { body: { type: 'doc', content: figure(image.id) } })
    expect(await sees()).toMatchObject({ writer2: true })
  })

  it('a writer of a story using it as its social image', async () => {
    const image = await upload(writer)
    expect(await maySeePrivateMedia(db, writer2, image)).toBe(false)
    const theirs = await makeStory(db, newsroom, { by: writer2, headline: 'Borrowed social picture' })
    await editStory(db, writer2, theirs, { socialMediaId: image.id })
    expect(await maySeePrivateMedia(db, writer2, image)).toBe(true)
  })

  it('another writer once a published story shows it, and not before', async () => {
    const image = await upload(writer)
    const id = await approvedWith(image.id, image.id)
    expect(await maySeeMedia(db, writer2, image)).toBe(false)
    await act(db, editor, id, 'publish')
    expect(await maySeeMedia(db, writer2, image)).toBe(true)
  })

  it('finds the image a stored file belongs to, by its full size or any rendition, and nothing else', async () => {
    const image = await upload(writer)
    const found = { id: image.id, uploadedBy: writer.id }
    expect(await mediaOfKey(db, image.storageKey)).toEqual(found)
    for (const variant of image.variants) expect(await mediaOfKey(db, variant.key)).toEqual(found)
    expect(await mediaOfKey(db, image.storageKey.replace(/\.\w+$/, '-9999.webp'))).toBeNull()
    expect(await mediaOfKey(db, `ab/${'a'.repeat(64)}.jpg`)).toBeNull()
  })
})
