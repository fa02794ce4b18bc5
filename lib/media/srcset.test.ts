import { describe, expect, it } from 'vitest'
import { type MediaImage, srcSetFor } from './srcset'

const hash = 'ef'.repeat(32)
const variants = (['avif', 'jpeg', 'webp'] as const).flatMap((format) =>
  [640, 320, 1000].map((width) => ({ width, format, key: `ef/${hash}-${width}.${format === 'jpeg' ? 'jpg' : format}` })),
)
const image: MediaImage = {
  storageKey: `ef/${hash}.jpg`,
  mimeType: 'image/jpeg',
  width: 1000,
  height: 750,
  variants,
  focalX: 0.25,
  focalY: 0.8,
}

describe('responsive image attributes', () => {
  it('lists the WebP widths narrowest first, with AVIF and WebP sources for a picture element', () => {
    const result = srcSetFor(image, { sizes: '(min-width: 800px) 720px, 100vw' })
    expect(result.srcSet).toBe(`/media/ef/${hash}-320.webp 320w, /media/ef/${hash}-640.webp 640w, /media/ef/${hash}-1000.webp 1000w`)
    expect(result.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp'])
    expect(result.sources[0]?.srcSet).toContain(`-320.avif 320w`)
    expect(result.fallbackSrcSet).toContain(`-1000.jpg 1000w`)
    expect(result).toMatchObject({ src: `/media/ef/${hash}-1000.jpg`, sizes: '(min-width: 800px) 720px, 100vw', width: 1000, height: 750 })
  })

  it('gives the focal point as an object position', () => {
    expect(srcSetFor(image).objectPosition).toBe('25% 80%')
    expect(srcSetFor({ ...image, focalX: 7, focalY: -1 }).objectPosition).toBe('100% 0%')
  })

  it('uses the stored file alone for an image without renditions, and the storage’s addresses when given', () => {
    const plain = srcSetFor({ ...image, variants: [] }, { url: (key) => `https://cdn.example.com/${key}` })
    expect(plain).toMatchObject({ src: `https://cdn.example.com/ef/${hash}.jpg`, srcSet: '', sources: [], sizes: '100vw' })
  })
})
