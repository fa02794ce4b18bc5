import { describe, expect, it } from 'vitest'
import { openTestLibrary } from '@/test/media-library'
import { mediaOfKey } from './access'
import { keepCropsAtFocalPoint } from './crops'
import { getMedia, updateMediaDetails } from './library'
import { searchImages } from './urls'

const { db, newsroom, storage, storedKeys, upload } = await openTestLibrary()

const cropKeysOf = (row: { variants: { key: string; aspect?: string }[] }) =>
  row.variants.filter((variant) => variant.aspect !== undefined).map((variant) => variant.key)

describe('the crops search engines are given', () => {
  it('are made with the upload, around the middle, as files of the image', async () => {
    const row = await upload(newsroom.writer)
    const crops = row.variants.filter((variant) => variant.aspect !== undefined)
    expect(crops.map((crop) => [crop.aspect, crop.width])).toEqual([
      ['16x9', 700],
      ['4x3', 533],
      ['1x1', 400],
    ])
    expect(crops.every((crop) => crop.key.includes('-f500-500.'))).toBe(true)
    const stored = await storedKeys()
    for (const crop of crops) {
      expect(stored).toContain(crop.key)
      expect(await mediaOfKey(db, crop.key)).toMatchObject({ id: row.id })
    }
    expect(searchImages(row).map((image) => [image.width, image.height])).toEqual([
      [700, 394],
      [533, 400],
      [400, 400],
    ])
  })

  it('follow the focal point: new files, the old ones removed, nothing done when it has not moved', async () => {
    const row = await upload(newsroom.writer)
    const before = cropKeysOf(row)
    const moved = await updateMediaDetails(db, newsroom.writer, row.id, { focalX: 0.1, focalY: 0.8 })
    if (!moved.ok) throw new Error(moved.message)
    expect(await keepCropsAtFocalPoint(db, storage, moved.media)).toBe(true)
    const after = await getMedia(db, row.id)
    if (!after) throw new Error('The image is gone.')
    const now = cropKeysOf(after)
    expect(now).toHaveLength(3)
    expect(now.every((key) => key.includes('-f100-800.'))).toBe(true)
    const stored = await storedKeys()
    for (const key of now) expect(stored).toContain(key)
    for (const key of before) expect(stored).not.toContain(key)
    expect(await keepCropsAtFocalPoint(db, storage, after)).toBe(false)
  })
})
