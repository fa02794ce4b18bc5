import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import { describe, expect, it } from 'vitest'
import { storyExtensions } from '../extensions'
import { toFigureAttributes } from './figure'

const attrs = {
  kind: 'map',
  mediaId: 3,
  src: '/demo/map.svg',
  alt: 'A map of the coast',
  caption: 'The new route.',
  credit: 'COPYDESK GRAPHICS',
  width: 1200,
  height: 800,
}
const render = (figure: Record<string, unknown>) =>
  renderToHTMLString({ content: { type: 'doc', content: [{ type: 'figure', attrs: figure }] }, extensions: storyExtensions })

describe('the figure', () => {
  it('renders its image, caption and credit', () => {
    expect(render(attrs)).toBe(
      '<figure class="figure figure-map" data-media-id="3"><img src="/demo/map.svg" alt="A map of the coast" width="1200" height="800" loading="lazy" decoding="async"/>' +
        '<figcaption><span class="caption">The new route.</span> <span class="credit">COPYDESK GRAPHICS</span></figcaption></figure>',
    )
  })

  it('leaves out what it does not have', () => {
    expect(render({ ...attrs, mediaId: null, caption: '', credit: '', width: 0, height: 0 })).toBe(
      '<figure class="figure figure-map"><img src="/demo/map.svg" alt="A map of the coast" loading="lazy" decoding="async"/></figure>',
    )
    expect(render({ ...attrs, caption: '' })).toContain('<figcaption><span class="credit">COPYDESK GRAPHICS</span></figcaption>')
  })

  it('never makes alt text from the caption: an image without alt text has an empty one', () => {
    const html = render({ ...attrs, alt: '' })
    expect(html).toContain('alt=""')
    expect(html).not.toContain('alt="The new route."')
  })

  it.each([['javascript:alert(1)'], ['data:image/svg+xml,<svg onload=alert(1)>'], ['//evil.example/x.png'], [' /x.png\u0000']])(
    'shows no image from %j',
    (src) => {
      const html = render({ ...attrs, src })
      expect(html).toBe('<figure class="figure figure-invalid" hidden="hidden"/>')
    },
  )

  it('escapes its words and ignores attributes it does not know', () => {
    const html = render({
      ...attrs,
      alt: '"><script>alert(1)</script>',
      credit: '<i>x</i>',
      kind: '"><script>',
      onerror: 'alert(1)',
      srcset: 'javascript:alert(1)',
    })
    expect(html).toContain('alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"')
    expect(html).toContain('<span class="credit">&lt;i&gt;x&lt;/i&gt;</span>')
    expect(html).toContain('class="figure figure-photo"')
    expect(html).not.toContain('onerror')
    expect(html).not.toContain('srcset')
  })

  it('accepts images on this site and on http(s) addresses', () => {
    expect(toFigureAttributes({ src: '/media/1.jpg' })?.src).toBe('/media/1.jpg')
    expect(toFigureAttributes({ src: 'https://images.example.org/1.jpg' })?.src).toBe('https://images.example.org/1.jpg')
    expect(toFigureAttributes({ src: 'ftp://example.org/1.jpg' })).toBeNull()
  })
})
