import { beforeAll, describe, expect, it } from 'vitest'
import { media } from '@/db/schema'
import { openTestNewsroom } from '@/test/newsroom'
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

  it('say whether the viewer may change an image: a writer their own, an editor any', async () => {
    const asWriter = await searchMediaOptions(db, newsroom.writer, { ids: [mine, theirs] })
    expect(Object.fromEntries(asWriter.map((option) => [option.mediaId, option.canEdit]))).toEqual({ [mine]: true, [theirs]: false })
    const asEditor = await searchMediaOptions(db, newsroom.editor, { ids: [theirs] })
    expect(asEditor.map((option) => option.canEdit)).toEqual([true])
  })

  it('start from the newest images before any search', async () => {
    const newest = await listMediaOptions(db)
    expect(newest.map((option) => option.mediaId).slice(0, 2)).toEqual([theirs, mine])
  })
})
