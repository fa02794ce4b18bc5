import { describe, expect, it } from 'vitest'
import type { RichTextDoc } from '@/db/schema'
import { doc, figureAttrs, linked, p, text } from '@/test/story-docs'
import { figureMediaIds, renderRichText } from './rich-text'

describe('renderRichText', () => {
  it('renders a quote with its attribution, and one without', () => {
    expect(
      renderRichText(doc({ type: 'blockquote', attrs: { attribution: 'Tessera News Agency' }, content: [p(text('Calm returned.'))] })),
    ).toBe(
      '<figure class="quote"><blockquote><p>Calm returned.</p></blockquote><figcaption class="attribution">— Tessera News Agency</figcaption></figure>',
    )
    expect(renderRichText(doc({ type: 'blockquote', attrs: { attribution: '' }, content: [p(text('Unattributed.'))] }))).toBe(
      '<blockquote><p>Unattributed.</p></blockquote>',
    )
  })

  it('renders a pull quote', () => {
    expect(renderRichText(doc({ type: 'pullQuote', content: [text('Nobody expected the water to rise so fast.')] }))).toBe(
      '<aside class="pull-quote" aria-label="Pull quote"><p>Nobody expected the water to rise so fast.</p></aside>',
    )
  })

  it('renders a figure with its caption and credit', () => {
    expect(renderRichText(doc({ type: 'figure', attrs: figureAttrs }))).toBe(
      '<figure class="figure figure-photo" data-media-id="7"><img src="/media/7.jpg" alt="A harbour" width="1200" height="800" loading="lazy" decoding="async"/>' +
        '<figcaption><span class="caption">The harbour at dawn.</span> <span class="credit">ANA LIMA</span></figcaption></figure>',
    )
  })

  it('frames a YouTube video at an address built from its id, with a title, a link and the caption', () => {
    const html = renderRichText(
      doc({ type: 'embed', attrs: { url: 'https://youtu.be/dQw4w9WgXcQ', provider: 'youtube', caption: 'The launch.' } }),
    )
    expect(html).toBe(
      '<figure class="embed embed-youtube embed-framed"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="YouTube video: The launch." width="640" height="360" loading="lazy" ' +
        'sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox" allow="fullscreen; picture-in-picture; encrypted-media" referrerpolicy="strict-origin"></iframe>' +
        '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer nofollow" class="embed-link">Watch on YouTube</a><figcaption>The launch.</figcaption></figure>',
    )
  })

  it.each([
    ['https://vimeo.com/76979871/a1b2c3d4e5', 'https://player.vimeo.com/video/76979871?h=a1b2c3d4e5', 'Vimeo video'],
    [
      'https://www.openstreetmap.org/export/embed.html?bbox=-0.2,51.4,0.0,51.6&marker=51.5,-0.1',
      'https://www.openstreetmap.org/export/embed.html?bbox=-0.2%2C51.4%2C0%2C51.6&amp;layer=mapnik&amp;marker=51.5%2C-0.1',
      'OpenStreetMap map',
    ],
    ['https://www.datawrapper.de/_/AbC12/', 'https://datawrapper.dwcdn.net/AbC12/', 'Datawrapper chart'],
  ])('frames %s at the address it is built to', (url, src, title) => {
    const html = renderRichText(doc({ type: 'embed', attrs: { url, caption: '' } }))
    expect(html).toContain(`<iframe src="${src}" title="${title}"`)
    expect(html).not.toContain('<figcaption>')
  })

  it('never puts the address the writer gave into the frame, nor what was added to it', () => {
    const url = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&autoplay=1&origin=https://evil.example&"onload="alert(1)'
    const html = renderRichText(doc({ type: 'embed', attrs: { url, caption: '' } }))
    expect(html).toContain('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" ')
    expect(html).not.toMatch(/autoplay|evil\.example|onload/)
    expect(html.match(/<iframe/g)).toHaveLength(1)
  })

  it('escapes a caption inside the frame title and the figure caption', () => {
    const html = renderRichText(doc({ type: 'embed', attrs: { url: 'https://vimeo.com/1', caption: '"><script>alert(1)</script>' } }))
    expect(html).toContain('title="Vimeo video: &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"')
    expect(html).toContain('<figcaption>"&gt;&lt;script&gt;alert(1)&lt;/script&gt;</figcaption>')
    expect(html).not.toContain('<script>')
  })

  it('shows an address of a service not on the allow-list as a card linking out, never a frame', () => {
    expect(renderRichText(doc({ type: 'embed', attrs: { url: 'https://example.org/x', provider: 'youtube', caption: '' } }))).toBe(
      '<figure class="embed embed-other"><a href="https://example.org/x" rel="noopener noreferrer nofollow" class="embed-link">Open link</a></figure>',
    )
    expect(renderRichText(doc({ type: 'embed', attrs: { url: 'https://www.youtube.com/feed/trending', caption: '' } }))).not.toContain(
      'iframe',
    )
    expect(renderRichText(doc({ type: 'embed', attrs: { url: 'http://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: '' } }))).not.toContain(
      'iframe',
    )
  })

  it('drops an embed whose address is not an http(s) address', () => {
    expect(renderRichText(doc({ type: 'embed', attrs: { url: 'javascript:alert(1)' } }, p(text('After.'))))).toBe('<p>After.</p>')
  })

  it('gives links off the site rel="noopener noreferrer nofollow" and links on it nothing', () => {
    expect(renderRichText(linked('https://example.org/'))).toBe(
      '<p><a href="https://example.org/" rel="noopener noreferrer nofollow">here</a></p>',
    )
    expect(renderRichText(linked('/politics'))).toBe('<p><a href="/politics">here</a></p>')
    expect(renderRichText(linked('javascript:alert(1)'))).toBe('<p>here</p>')
  })

  it('renders headings, lists, rules, line breaks and inline formatting', () => {
    const body = doc(
      { type: 'heading', attrs: { level: 1 }, content: [text('Top')] },
      p(
        text('b', [{ type: 'bold' }]),
        text('i', [{ type: 'italic' }]),
        text('u', [{ type: 'underline' }]),
        text('s', [{ type: 'strike' }]),
        { type: 'hardBreak' },
        text('next'),
      ),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(text('one'))] }] },
      { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p(text('three'))] }] },
      { type: 'horizontalRule' },
    )
    expect(renderRichText(body)).toBe(
      '<h2>Top</h2><p><strong>b</strong><em>i</em><u>u</u><s>s</s><br/>next</p><ul><li><p>one</p></li></ul><ol start="3"><li><p>three</p></li></ol><hr/>',
    )
  })

  it('escapes text and attribute values', () => {
    const body = doc(
      p(text('<script>alert(1)</script> & more')),
      { type: 'figure', attrs: { ...figureAttrs, alt: '" onerror="alert(1)', caption: '<b>not bold</b>', src: '/a.jpg?x="><script>' } },
      { type: 'blockquote', attrs: { attribution: '</figcaption><script>alert(1)</script>' }, content: [p(text('q'))] },
    )
    const html = renderRichText(body)
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<b>')
    expect(html).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>')
    expect(html).toContain('alt="&quot; onerror=&quot;alert(1)"')
    expect(html).toContain('src="/a.jpg?x=&quot;&gt;&lt;script&gt;"')
    expect(html).toContain('<span class="caption">&lt;b&gt;not bold&lt;/b&gt;</span>')
    expect(html).toContain('— &lt;/figcaption&gt;&lt;script&gt;alert(1)&lt;/script&gt;</figcaption>')
  })

  it('renders nothing for what is not a document', () => {
    expect(renderRichText('<script>' as unknown as RichTextDoc)).toBe('')
  })

  it('finds the library images a body shows, once each', () => {
    const body = doc(
      { type: 'figure', attrs: { mediaId: 7 } },
      { type: 'blockquote', content: [{ type: 'figure', attrs: { mediaId: 7 } }] },
      { type: 'figure', attrs: { mediaId: null } },
      { type: 'figure', attrs: { mediaId: 9 } },
    )
    expect(figureMediaIds(body)).toEqual([7, 9])
  })

  it('leaves out the image of a figure only suggested in, and keeps one suggested out until that is accepted', () => {
    const change = { id: 's1', authorId: 3, authorName: 'Sam Writer', at: '2026-12-06T10:00:00.000Z' }
    const body = doc(
      { type: 'figure', attrs: { mediaId: 7, ...change, suggested: 'insertion' } },
      { type: 'figure', attrs: { mediaId: 8, ...change, id: 's2', suggested: 'deletion' } },
      { type: 'figure', attrs: { mediaId: 9 } },
    )
    expect(figureMediaIds(body)).toEqual([8, 9])
  })

  it('finds the image a figure had while another is only suggested for it, and not the suggested one', () => {
    const change = { changeId: 'c1', changeAuthorId: 3, changeAuthorName: 'Sam Writer', changeAt: '2026-12-06T10:00:00.000Z' }
    const body = doc({
      type: 'figure',
      attrs: { ...figureAttrs, src: '/media/b.jpg', mediaId: 8, wasSrc: '/media/a.jpg', wasMediaId: 7, ...change },
    })
    expect(figureMediaIds(body)).toEqual([7])
  })

  it('gives the image of a figure from the library its srcset, sizes and focal point, and leaves the others alone', () => {
    const html = renderRichText(
      doc(
        { type: 'figure', attrs: { ...figureAttrs, src: '/media/a.jpg' } },
        { type: 'figure', attrs: { ...figureAttrs, mediaId: 8, src: '/m.png' } },
      ),
      new Map([[7, { srcSet: '/media/a-320.webp 320w, /media/a-640.webp 640w', sizes: '100vw', objectPosition: '30% 60%' }]]),
    )
    expect(html).toContain(
      'data-media-id="7"><img srcset="/media/a-320.webp 320w, /media/a-640.webp 640w" sizes="100vw" style="object-position: 30% 60%" src="/media/a.jpg"',
    )
    expect(html).toContain('data-media-id="8"><img src="/m.png"')
  })

  it('escapes what it takes from the library image into attributes', () => {
    const html = renderRichText(
      doc({ type: 'figure', attrs: { ...figureAttrs, mediaId: 1 } }),
      new Map([[1, { srcSet: '/a.webp" onerror="x 1w', sizes: '100vw', objectPosition: '1%" onload="x' }]]),
    )
    expect(html).toContain('srcset="/a.webp&quot; onerror=&quot;x 1w"')
    expect(html).toContain('style="object-position: 1%&quot; onload=&quot;x"')
  })
})
