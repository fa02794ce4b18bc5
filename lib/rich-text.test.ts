import { describe, expect, it } from 'vitest'
import type { RichTextDoc, RichTextNode } from '@/db/schema'
import { doc, figureAttrs, linked, p, text } from '@/test/story-docs'
import { maxBodyDepth, sanitizeDoc } from './rich-text'

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
