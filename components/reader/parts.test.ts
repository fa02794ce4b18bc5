import { describe, expect, it } from 'vitest'
import { srcSetFor } from '@/lib/media/srcset'
import { picture } from './parts'

const image = {
  storageKey: 'ab/abc.jpg',
  mimeType: 'image/jpeg',
  width: 1600,
  height: 1000,
  variants: [
    { width: 640, format: 'webp', key: 'ab/abc-640.webp' },
    { width: 640, format: 'jpeg', key: 'ab/abc-640.jpg' },
  ],
  focalX: 0.3,
  focalY: 0.6,
}

describe('a library image on a reader page', () => {
  it('carries its focal point as the object-position a crop keeps in view', () => {
    const rendered = String(picture({ ...srcSetFor(image, { sizes: '100vw' }), alt: 'Boats at dawn' }))
    expect(rendered).toMatch(/<img [^>]*style="object-position: 30% 60%"/)
    expect(rendered).toContain('srcset="/media/ab/abc-640.webp 640w"')
    expect(rendered).toContain('width="1600" height="1000"')
  })

  it('centres an image whose focal point was never set', () => {
    const rendered = String(picture({ ...srcSetFor({ ...image, focalX: 0.5, focalY: 0.5 }), alt: '' }))
    expect(rendered).toContain('style="object-position: 50% 50%"')
  })
})
