import { beforeAll, describe, expect, it } from 'vitest'
import { media } from '@/db/schema'
import { act, editStory, makeStory, openTestNewsroom } from '@/test/newsroom'
import { listMediaOptions, searchMediaOptions } from './options'

const { db, newsroom } = await openTestNewsroom()
let mine: number
let theirs: number

beforeAll(async () => {
  const variants = [
    { width: 320, format: 'webp', key: 'aa/pick-320.webp' },
    { width: 1280, format: 'webp', key: 'aa/pick-1280.webp' },
  ]
  const rows = await db
    .insert(media)
    .values([
      {
        storageKey: 'aa/pick-a.jpg',
        contentHash: 'pick-a',
        mimeType: 'image/jpeg',
        byteSize: 1,
        width: 1600,
        height: 1000,
        variants,
        alt: 'Ferry at the quay',
        caption: 'The first crossing.',
        credit: 'ANA LIMA/TESSERA',
        uploadedBy: newsroom.writer.id,
      },
      {
        storageKey: 'aa/pick-b.jpg',
        contentHash: 'pick-b',
        mimeType: 'image/jpeg',
        byteSize: 1,
        width: 1600,
        height: 1000,
        variants,
        alt: 'Harbour wall',
        caption: 'Storm damage.',
        credit: 'COPYDESK GRAPHICS',
        uploadedBy: newsroom.writer2.id,
      },
    ])
    .returning({ id: media.id })
  mine = rows[0]?.id ?? 0
  theirs = rows[1]?.id ?? 0
})

describe('the story editor’s image pickers', () => {
  it('find images by words of their caption or credit, with a thumbnail and a display address', async () => {
    const [found, ...others] = await searchMediaOptions(db, newsroom.writer, { query: 'tessera crossing' })
    expect(others).toEqual([])
    expect(found).toMatchObject({
      mediaId: mine,
      alt: 'Ferry at the quay',
      thumbSrc: '/media/aa/pick-320.webp',
      src: '/media/aa/pick-1280.webp',
    })
  })

  it('start from the newest images before any search', async () => {
    const newest = await listMediaOptions(db, newsroom.editor)
    expect(newest.map((option) => option.mediaId).slice(0, 2)).toEqual([theirs, mine])
  })

  it('show a writer another writer’s upload only once a story the writer may read uses it', async () => {
    expect(await searchMediaOptions(db, newsroom.writer, { ids: [theirs] })).toEqual([])
    expect((await listMediaOptions(db, newsroom.writer)).map((option) => option.mediaId)).not.toContain(theirs)
    expect(await searchMediaOptions(db, newsroom.writer, { query: 'harbour wall' })).toEqual([])

    const draft = await makeStory(db, newsroom, { by: newsroom.writer2, headline: 'Storm damage' })
    await editStory(db, newsroom.writer2, draft, { leadMediaId: theirs, leadCredit: 'COPYDESK GRAPHICS' })
    expect(await searchMediaOptions(db, newsroom.writer, { ids: [theirs] })).toEqual([])

    for (const [who, action] of [
      [newsroom.writer2, 'submit'],
      [newsroom.editor, 'approve'],
      [newsroom.editor, 'publish'],
    ] as const) {
      await act(db, who, draft, action)
    }
    const asWriter = await searchMediaOptions(db, newsroom.writer, { ids: [mine, theirs] })
    expect(Object.fromEntries(asWriter.map((option) => [option.mediaId, option.canEdit]))).toEqual({ [mine]: true, [theirs]: false })
  })

  it('show an image in a figure of a story the writer is bylined on', async () => {
    const [figureOnly] = await db
      .insert(media)
      .values({
        storageKey: 'aa/pick-c.jpg',
        contentHash: 'pick-c',
        mimeType: 'image/jpeg',
        byteSize: 1,
        width: 10,
        height: 10,
        uploadedBy: newsroom.editor.id,
      })
      .returning({ id: media.id })
    const id = figureOnly?.id ?? 0
    const story = await makeStory(db, newsroom, { by: newsroom.editor, headline: 'Shared work' })
    const attrs = { kind: 'photo', mediaId: id, src: '/media/aa/pick-c.jpg', alt: 'A quay', caption: '', credit: '', width: 10, height: 10 }
    const body = { type: 'doc', content: [{ type: 'figure', attrs }] }
    await editStory(db, newsroom.editor, story, { body, bylines: [{ userId: newsroom.editor.id }, { userId: newsroom.writer2.id }] })
    expect((await searchMediaOptions(db, newsroom.writer2, { ids: [id] })).map((option) => option.mediaId)).toEqual([id])
    expect(await searchMediaOptions(db, newsroom.writer, { ids: [id] })).toEqual([])
  })

  it('say whether the viewer may change an image: a writer their own, an editor any', async () => {
    const asWriter = await searchMediaOptions(db, newsroom.writer, { ids: [mine] })
    expect(asWriter.map((option) => option.canEdit)).toEqual([true])
    const asEditor = await searchMediaOptions(db, newsroom.editor, { ids: [theirs] })
    expect(asEditor.map((option) => option.canEdit)).toEqual([true])
  })
})
