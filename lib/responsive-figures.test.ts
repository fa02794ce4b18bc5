import { describe, expect, it } from 'vitest'
import { figureMediaIds, withResponsiveFigures } from './responsive-figures'

describe('responsive figures in a story body', () => {
  it('finds the library images a body shows, once each', () => {
    const doc = {
      type: 'doc' as const,
      content: [
        { type: 'figure', attrs: { mediaId: 7 } },
        { type: 'blockquote', content: [{ type: 'figure', attrs: { mediaId: 7 } }] },
        { type: 'figure', attrs: { mediaId: null } },
        { type: 'figure', attrs: { mediaId: 9 } },
      ],
    }
    expect(figureMediaIds(doc)).toEqual([7, 9])
  })

  it('adds srcset, sizes and the focal point to the image of a known figure, and leaves the others alone', () => {
    const html =
      '<figure class="figure figure-photo" data-media-id="7"><img src="/media/a.jpg" alt="Boats"></figure><figure class="figure figure-map" data-media-id="8"><img src="/m.png" alt="Map"></figure>'
    const result = withResponsiveFigures(
      html,
      new Map([[7, { srcSet: '/media/a-320.webp 320w, /media/a-640.webp 640w', sizes: '100vw', objectPosition: '30% 60%' }]]),
    )
    expect(result).toContain(
      'data-media-id="7"><img srcset="/media/a-320.webp 320w, /media/a-640.webp 640w" sizes="100vw" style="object-position: 30% 60%" src="/media/a.jpg"',
    )
    expect(result).toContain('data-media-id="8"><img src="/m.png"')
  })

  it('escapes what it writes into attributes', () => {
    const html = '<figure data-media-id="1"><img src="x">'
    const result = withResponsiveFigures(
      html,
      new Map([[1, { srcSet: '/a.webp" onerror="x 1w', sizes: '100vw', objectPosition: '1%" onload="x' }]]),
    )
    expect(result).toContain('srcset="/a.webp&quot; onerror=&quot;x 1w"')
    expect(result).toContain('style="object-position: 1%&quot; onload=&quot;x"')
  })
})
