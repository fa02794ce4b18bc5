import { describe, expect, it } from 'vitest'
import type { RichTextDoc, RichTextNode } from '@/db/schema'
import { maxBodyDepth, renderRichText, sanitizeDoc } from './rich-text'

const text = (value: string, marks?: RichTextNode['marks']): RichTextNode =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value }
const p = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content })
const doc = (...content: unknown[]): RichTextDoc => ({ type: 'doc', content: content as RichTextNode[] })
const linked = (href: string) => doc(p(text('here', [{ type: 'link', attrs: { href } }])))

const figureAttrs = {
  kind: 'photo',
  mediaId: 7,
  src: '/media/7.jpg',
  alt: 'A harbour',
  caption: 'The harbour at dawn.',
  credit: 'ANA LIMA',
  width: 1200,
  height: 800,
}

function sanitized(input: unknown): RichTextDoc {
  const result = sanitizeDoc(input)
  if (!result.ok) throw new Error(result.message)
  return result.doc
}

describe('sanitizeDoc', () => {
  it('returns a valid document unchanged', () => {
    const body = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('A heading')] },
      p(text('Bold', [{ type: 'bold' }]), text(' and '), text('a link', [{ type: 'link', attrs: { href: 'https://example.org/' } }])),
      { type: 'blockquote', attrs: { attribution: 'Tessera News Agency' }, content: [p(text('Quoted.'))] },
      { type: 'pullQuote', content: [text('A line worth repeating.')] },
      { type: 'figure', attrs: figureAttrs },
      { type: 'embed', attrs: { url: 'https://vimeo.com/76979871', provider: 'vimeo', caption: 'The launch.' } },
      { type: 'orderedList', attrs: { start: 1, type: null }, content: [{ type: 'listItem', content: [p(text('One'))] }] },
      { type: 'horizontalRule' },
    )
    expect(sanitizeDoc(body)).toEqual({ ok: true, doc: body, changed: false })
  })

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    [' javascript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['\u0000javascript:alert(1)'],
    ['&#106;avascript:alert(1)'],
    ['javascript&colon;alert(1)'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['vbscript:msgbox(1)'],
    ['file:///etc/passwd'],
    ['//evil.example/'],
    ['/\\evil.example/'],
    ['https://exa mple.org/'],
  ])('removes a link to %j but keeps its text', (href) => {
    expect(sanitized(linked(href))).toEqual(doc(p(text('here'))))
  })

  it.each([['https://example.org/report'], ['http://example.org/'], ['mailto:desk@example.org'], ['/politics/a-story']])(
    'keeps a link to %s',
    (href) => {
      expect(sanitizeDoc(linked(href))).toMatchObject({ ok: true, changed: false })
    },
  )

  it('drops unknown attributes, event handlers among them', () => {
    const body = doc(
      {
        type: 'paragraph',
        attrs: { onclick: 'alert(1)', style: 'color:red', class: 'x' },
        content: [text('a', [{ type: 'link', attrs: { href: '/a', onmouseover: 'alert(1)', target: '_top', rel: 'opener' } }])],
      },
      { type: 'figure', attrs: { ...figureAttrs, onerror: 'alert(1)', srcset: 'javascript:alert(1) 1x' } },
      { type: 'blockquote', attrs: { attribution: 'A', onload: 'alert(1)' }, content: [p(text('q'))] },
    )
    expect(sanitized(body)).toEqual(
      doc(
        p(text('a', [{ type: 'link', attrs: { href: '/a' } }])),
        { type: 'figure', attrs: figureAttrs },
        { type: 'blockquote', attrs: { attribution: 'A' }, content: [p(text('q'))] },
      ),
    )
  })

  it('drops script, style, iframe and raw HTML nodes with what is in them', () => {
    const body = doc(
      p(text('Before.')),
      { type: 'script', content: [text('alert(1)')] },
      { type: 'iframe', attrs: { src: 'https://evil.example/' } },
      { type: 'html', attrs: { html: '<img src=x onerror=alert(1)>' }, content: [text('<img src=x onerror=alert(1)>')] },
      { type: 'style', content: [text('body{display:none}')] },
      p(text('After.')),
    )
    expect(sanitized(body)).toEqual(doc(p(text('Before.')), p(text('After.'))))
  })

  it('keeps the words of other unknown nodes, in paragraphs', () => {
    const body = doc(
      { type: 'callout', content: [p(text('Inside a callout.'))] },
      { type: 'codeBlock', content: [text('plain words')] },
      p(text('a '), { type: 'mention', attrs: { id: 1 }, content: [text('@editor')] }, text(' b')),
    )
    expect(sanitized(body)).toEqual(doc(p(text('Inside a callout.')), p(text('plain words')), p(text('a @editor b'))))
  })

  it('drops unknown marks, repeated marks and marks a pull quote does not take', () => {
    const body = doc(
      p(
        text('x', [
          { type: 'bold' },
          { type: 'bold' },
          { type: 'textStyle', attrs: { color: 'red' } },
          { type: 'italic' },
          { type: 'comment' },
        ]),
      ),
      { type: 'pullQuote', content: [text('y', [{ type: 'bold' }])] },
    )
    expect(sanitized(body)).toEqual(doc(p(text('x', [{ type: 'bold' }, { type: 'italic' }])), { type: 'pullQuote', content: [text('y')] }))
  })

  it('puts marks in the schema order and joins text that ends up with the same marks', () => {
    const body = doc(
      p(
        text('a', [{ type: 'italic' }, { type: 'link', attrs: { href: '/x' } }]),
        text('b', [{ type: 'italic' }, { type: 'link', attrs: { href: 'javascript:x' } }]),
        text('c', [{ type: 'italic' }]),
      ),
    )
    expect(sanitized(body)).toEqual(
      doc(p(text('a', [{ type: 'link', attrs: { href: '/x' } }, { type: 'italic' }]), text('bc', [{ type: 'italic' }]))),
    )
  })

  it.each([
    [1, 2],
    [5, 4],
    [6, 4],
    ['3', 3],
    ['<script>', 2],
    [undefined, 2],
  ])('makes heading level %j a level %i', (level, expected) => {
    const body = doc({ type: 'heading', attrs: level === undefined ? undefined : { level }, content: [text('H')] })
    expect(sanitized(body)).toEqual(doc({ type: 'heading', attrs: { level: expected }, content: [text('H')] }))
  })

  it('coerces attribute types', () => {
    const body = doc(
      { type: 'figure', attrs: { ...figureAttrs, mediaId: '7', width: '1200', height: -5, kind: 'gallery', alt: 42, caption: null } },
      { type: 'orderedList', attrs: { start: '3', type: 'disc' }, content: [{ type: 'listItem', content: [p(text('three'))] }] },
      { type: 'blockquote', attrs: { attribution: ['A'] }, content: [p(text('q'))] },
    )
    expect(sanitized(body)).toEqual(
      doc(
        { type: 'figure', attrs: { ...figureAttrs, mediaId: 7, width: 1200, height: 0, kind: 'photo', alt: '', caption: '' } },
        { type: 'orderedList', attrs: { start: 3, type: null }, content: [{ type: 'listItem', content: [p(text('three'))] }] },
        { type: 'blockquote', attrs: { attribution: '' }, content: [p(text('q'))] },
      ),
    )
  })

  it.each([['javascript:alert(1)'], ['data:image/svg+xml;base64,PHN2Zz4='], ['//evil.example/a.png'], ['']])(
    'removes a figure whose image is %j',
    (src) => {
      expect(sanitized(doc(p(text('a')), { type: 'figure', attrs: { ...figureAttrs, src } }))).toEqual(doc(p(text('a'))))
    },
  )

  it('keeps an embed of an unknown service as a card with no provider, and recomputes a forged provider', () => {
    const body = doc(
      { type: 'embed', attrs: { url: 'https://example.org/interactive', provider: 'youtube', caption: 'Explore the data.' } },
      { type: 'embed', attrs: { url: 'https://youtu.be/dQw4w9WgXcQ', provider: null, caption: '' } },
    )
    expect(sanitized(body)).toEqual(
      doc(
        { type: 'embed', attrs: { url: 'https://example.org/interactive', provider: null, caption: 'Explore the data.' } },
        { type: 'embed', attrs: { url: 'https://youtu.be/dQw4w9WgXcQ', provider: 'youtube', caption: '' } },
      ),
    )
  })

  it.each([['javascript:alert(1)'], ['data:text/html,x'], ['ftp://example.org/']])('removes an embed of %j', (url) => {
    expect(sanitized(doc(p(text('a')), { type: 'embed', attrs: { url, provider: null, caption: '' } }))).toEqual(doc(p(text('a'))))
  })

  it('repairs structure: loose text, list items outside lists, blocks inside paragraphs, empty documents', () => {
    expect(sanitized({ type: 'doc' })).toEqual(doc({ type: 'paragraph' }))
    expect(sanitized(doc(text('loose')))).toEqual(doc(p(text('loose'))))
    expect(sanitized(doc({ type: 'listItem', content: [p(text('item'))] }))).toEqual(
      doc({ type: 'bulletList', content: [{ type: 'listItem', content: [p(text('item'))] }] }),
    )
    expect(sanitized(doc({ type: 'bulletList', content: [p(text('item'))] }))).toEqual(
      doc({ type: 'bulletList', content: [{ type: 'listItem', content: [p(text('item'))] }] }),
    )
    expect(sanitized(doc(p(text('a'), { type: 'heading', attrs: { level: 2 }, content: [text('b')] })))).toEqual(
      doc(p(text('a'), { type: 'hardBreak' }, text('b'))),
    )
    expect(sanitized(doc({ type: 'blockquote', content: [] }))).toEqual(doc({ type: 'blockquote', content: [{ type: 'paragraph' }] }))
    expect(sanitized(doc({ type: 'paragraph', content: [{ type: 'text', text: '' }, { type: 'text' }, null, 'x', 5] }))).toEqual(
      doc({ type: 'paragraph' }),
    )
  })

  it('says whether it changed anything', () => {
    expect(sanitizeDoc(linked('javascript:x'))).toMatchObject({ ok: true, changed: true })
    expect(sanitizeDoc(doc(p(text('fine'))))).toMatchObject({ ok: true, changed: false })
  })

  it.each([
    ['null', null],
    ['a string', '<p>hello</p>'],
    ['an array', [{ type: 'doc' }]],
    ['a paragraph', p(text('x'))],
    ['a number', 42],
  ])('refuses %s', (_, input) => {
    expect(sanitizeDoc(input)).toEqual({ ok: false, message: 'The story body is not a document.' })
  })

  it('refuses a body larger than 5 MB', () => {
    const big = doc(...Array.from({ length: 60 }, () => p(text('x'.repeat(100_000)))))
    expect(sanitizeDoc(big)).toMatchObject({ ok: false, message: expect.stringMatching(/too large/) })
  })

  it('refuses a body nested too deeply, however it is nested', () => {
    let quotes: RichTextNode = p(text('deep'))
    for (let depth = 0; depth < maxBodyDepth + 5; depth++) quotes = { type: 'blockquote', content: [quotes] }
    expect(sanitizeDoc(doc(quotes))).toMatchObject({ ok: false, message: expect.stringMatching(/nested too deeply/) })

    let unknown: RichTextNode = text('deep')
    for (let depth = 0; depth < 10_000; depth++) unknown = { type: 'div', content: [unknown] }
    expect(sanitizeDoc(doc(unknown))).toMatchObject({ ok: false })
  })

  it('accepts a long story quickly', () => {
    const words = Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ')
    const long = doc(...Array.from({ length: 1000 }, () => p(text(words))))
    const started = performance.now()
    expect(sanitizeDoc(long)).toMatchObject({ ok: true, changed: false })
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

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
})
