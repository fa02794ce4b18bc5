import { domOutputSpecToHTMLString, renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import { describe, expect, it } from 'vitest'
import { storyExtensions } from '../extensions'
import { embedFrameSpec, toEmbedAttributes } from './embed'

const render = (attrs: Record<string, unknown>) =>
  renderToHTMLString({ content: { type: 'doc', content: [{ type: 'embed', attrs }] }, extensions: storyExtensions })

describe('the embed', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'embed-youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'Watch on YouTube'],
    ['https://vimeo.com/76979871', 'embed-vimeo', 'https://vimeo.com/76979871', 'Watch on Vimeo'],
    [
      'https://www.openstreetmap.org/?mlat=51.5&mlon=-0.1#map=15/51.5/-0.1',
      'embed-openstreetmap',
      'https://www.openstreetmap.org/?mlat=51.5&amp;mlon=-0.1#map=15/51.5/-0.1',
      'View map on OpenStreetMap',
    ],
    ['https://datawrapper.dwcdn.net/AbC12/1/', 'embed-datawrapper', 'https://datawrapper.dwcdn.net/AbC12/1/', 'View chart on Datawrapper'],
  ])('shows %s as a card linking to the provider', (url, className, href, action) => {
    expect(render({ url, provider: null, caption: 'Caption.' })).toBe(
      `<figure class="embed ${className}"><a href="${href}" rel="noopener noreferrer nofollow" class="embed-link">${action}</a><figcaption>Caption.</figcaption></figure>`,
    )
  })

  it('never renders a frame in the editor, so nothing from another site loads while writing', () => {
    expect(render({ url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', provider: 'youtube', caption: '' })).not.toContain('iframe')
  })

  it('frames a known service for readers, and shows anything else as the editor’s card', () => {
    const html = (attributes: Record<string, unknown>) => domOutputSpecToHTMLString(embedFrameSpec(toEmbedAttributes(attributes)))()
    expect(html({ url: 'https://vimeo.com/76979871', caption: '' })).toBe(
      '<figure class="embed embed-vimeo embed-framed"><iframe src="https://player.vimeo.com/video/76979871" title="Vimeo video" width="640" height="360" loading="lazy" ' +
        'sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" allow="fullscreen; picture-in-picture" referrerpolicy="strict-origin"></iframe>' +
        '<a href="https://vimeo.com/76979871" rel="noopener noreferrer nofollow" class="embed-link">Watch on Vimeo</a></figure>',
    )
    expect(html({ url: 'https://www.openstreetmap.org/#map=12/51.5/-0.1', caption: '' })).not.toContain(' allow=')
    expect(html({ url: 'https://example.org/video', caption: '' })).toBe(render({ url: 'https://example.org/video', caption: '' }))
    expect(html({ url: 'javascript:alert(1)' })).toBe('<figure class="embed embed-invalid" hidden="hidden"/>')
  })

  it('shows an unknown service as a plain "Open link" card, whatever provider it claims', () => {
    expect(render({ url: 'https://example.org/a?b=1&c="2"', provider: 'youtube', caption: '' })).toBe(
      '<figure class="embed embed-other"><a href="https://example.org/a?b=1&amp;c=&quot;2&quot;" rel="noopener noreferrer nofollow" class="embed-link">Open link</a></figure>',
    )
  })

  it.each([['javascript:alert(1)'], ['data:text/html,<script>alert(1)</script>'], [''], [42]])(
    'shows nothing for the address %j',
    (url) => {
      expect(render({ url, provider: null, caption: '<script>' })).toBe('<figure class="embed embed-invalid" hidden="hidden"/>')
    },
  )

  it('escapes its caption', () => {
    expect(render({ url: 'https://vimeo.com/1', caption: '<img src=x onerror=alert(1)>' })).toContain(
      '<figcaption>&lt;img src=x onerror=alert(1)&gt;</figcaption>',
    )
  })

  it('works out the provider from the address', () => {
    expect(toEmbedAttributes({ url: ' https://youtu.be/dQw4w9WgXcQ ', provider: 'vimeo', caption: 7 })).toEqual({
      url: 'https://youtu.be/dQw4w9WgXcQ',
      provider: 'youtube',
      caption: '',
    })
    expect(toEmbedAttributes({ url: 'https://example.org/', provider: 'youtube' })).toEqual({
      url: 'https://example.org/',
      provider: null,
      caption: '',
    })
    expect(toEmbedAttributes({ url: 'vbscript:x' })).toBeNull()
  })
})
