import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import { describe, expect, it } from 'vitest'
import type { RichTextDoc, RichTextNode } from '@/db/schema'
import { plainText } from '../rich-text-plain'
import { renderRichText, sanitizeDoc } from '../rich-text'
import { storyExtensions } from './extensions'
import { forReaders, pendingSuggestions } from './suggestions'

const by = (id: string, authorName = 'Ana Ruiz') => ({ id, authorId: 7, authorName, at: '2026-12-06T14:05:00.000Z' })
const text = (value: string, marks?: RichTextNode['marks']): RichTextNode =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value }
const inserted = (value: string, id = 'a1') => text(value, [{ type: 'insertion', attrs: by(id) }])
const deleted = (value: string, id = 'd1') => text(value, [{ type: 'deletion', attrs: by(id) }])
const p = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content })
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content })

const body = doc(p(text('The ferry '), inserted('finally '), text('left at '), deleted('nine'), inserted('ten')))

describe('suggestions for readers', () => {
  it('gives a figure or embed whose caption or image is suggested changed the values it had, and lists the change', () => {
    const change = { changeId: 'c1', changeAuthorId: 7, changeAuthorName: 'Ana Ruiz', changeAt: '2026-12-06T14:05:00.000Z' }
    const photo = {
      kind: 'photo',
      mediaId: 7,
      src: '/media/a.jpg',
      alt: 'A ferry',
      caption: 'Old words',
      credit: 'Ana',
      width: 0,
      height: 0,
    }
    const url = 'https://vimeo.com/76979871'
    const changed = doc(
      {
        type: 'figure',
        attrs: {
          ...photo,
          caption: 'New words',
          mediaId: 8,
          src: '/media/b.jpg',
          wasCaption: 'Old words',
          wasSrc: '/media/a.jpg',
          wasMediaId: 7,
          wasWidth: 0,
          wasHeight: 0,
          ...change,
        },
      },
      { type: 'embed', attrs: { url, provider: 'vimeo', caption: 'Now', wasCaption: 'Then', ...change, changeId: 'c2' } },
    )
    expect(forReaders(changed)).toEqual(
      doc({ type: 'figure', attrs: photo }, { type: 'embed', attrs: { url, provider: 'vimeo', caption: 'Then' } }),
    )
    expect(renderRichText(changed)).toContain('Old words')
    expect(renderRichText(changed)).not.toContain('New words')
    expect(plainText(changed)).not.toContain('Now')
    expect(pendingSuggestions(changed).map((one) => [one.kind, one.block, one.text])).toEqual([
      ['block', 'Figure changed: caption and image', 'New words'],
      ['block', 'Embed changed: caption', 'Now'],
    ])
  })

  it('leaves suggested insertions out of the HTML and keeps suggested deletions as plain words', () => {
    expect(renderRichText(body)).toBe('<p>The ferry left at nine</p>')
  })

  it('leaves suggested insertions out of the plain text that search and word counts read', () => {
    expect(plainText(body)).toBe('The ferry left at nine')
  })

  it('keeps other marks on the words a deletion is suggested for', () => {
    const bold = doc(p(text('a ', []), text('bold', [{ type: 'bold' }, { type: 'deletion', attrs: by('d2') }])))
    expect(forReaders(bold)).toEqual(doc(p(text('a '), text('bold', [{ type: 'bold' }]))))
    expect(renderRichText(bold)).toBe('<p>a <strong>bold</strong></p>')
  })

  it('returns a body without suggestions as it is', () => {
    const plain = doc(p(text('Nothing pending.')))
    expect(forReaders(plain)).toBe(plain)
  })
})

describe('suggested links, headings and list items for readers', () => {
  const marker = (formerly: string, id = 'b1') => ({ type: 'suggestedBlock', attrs: { ...by(id), formerly } })
  const item = (...content: RichTextNode[]): RichTextNode => ({ type: 'listItem', content: [p(...content)] })

  it('gives readers the words unlinked, a suggested heading as the paragraph it was, and a suggested list item as its paragraph', () => {
    const link = { type: 'formatting', attrs: { ...by('f1'), format: 'link', add: true, href: 'https://example.org/' } }
    const suggested = doc(
      { type: 'heading', attrs: { level: 2 }, content: [marker('paragraph'), text('Works begin')] },
      {
        type: 'bulletList',
        content: [item(text('One')), { type: 'listItem', content: [p(marker('paragraph', 'b2'), text('Two', [link]))] }],
      },
    )
    expect(renderRichText(suggested)).toBe('<p>Works begin</p><ul><li><p>One</p></li></ul><p>Two</p>')
    expect(pendingSuggestions(suggested).map((one) => [one.kind, one.block ?? one.format, one.text])).toEqual([
      ['block', 'Heading 2 (was paragraph)', 'Works begin'],
      ['block', 'Bulleted list (was paragraph)', 'Two'],
      ['formatting', 'Link to https://example.org/', 'Two'],
    ])
  })

  it('gives readers a paragraph suggested from a list item back in its list, one list', () => {
    const suggested = doc({ type: 'bulletList', content: [item(text('One'))] }, p(marker('bulletList'), text('Two')), {
      type: 'bulletList',
      content: [item(text('Three'))],
    })
    expect(renderRichText(suggested)).toBe('<ul><li><p>One</p></li><li><p>Two</p></li><li><p>Three</p></li></ul>')
  })

  it('keeps a list none of whose items changed one list, while a suggestion is pending elsewhere', () => {
    const suggested = doc(
      { type: 'heading', attrs: { level: 2 }, content: [marker('paragraph'), text('Works begin')] },
      { type: 'orderedList', content: [item(text('One')), item(text('Two'))] },
    )
    expect(renderRichText(suggested)).toBe('<p>Works begin</p><ol><li><p>One</p></li><li><p>Two</p></li></ol>')
  })

  it('gives readers an item suggested nested where it was, and the sanitizer keeps how far it moved', () => {
    const nestedMarker = { type: 'suggestedBlock', attrs: { ...by('n1'), formerly: 'bulletList', nesting: 1 } }
    const sublist = { type: 'bulletList', content: [item(nestedMarker, text('Two'))] }
    const suggested = doc({ type: 'bulletList', content: [{ type: 'listItem', content: [p(text('One')), sublist] }] })
    expect(renderRichText(suggested)).toBe('<ul><li><p>One</p></li><li><p>Two</p></li></ul>')
    expect(pendingSuggestions(suggested).map((one) => one.block)).toEqual(['Bulleted list, level 2 (nested 1 level in)'])
    expect(sanitizeDoc(suggested)).toMatchObject({ ok: true, changed: false })
  })

  it('gives readers an item taken out of its list with items of its own, and one in a quote, back in the list, its items in it', () => {
    const out = (nesting: number | null, id = 'o1') => ({ type: 'suggestedBlock', attrs: { ...by(id), formerly: 'bulletList', nesting } })
    const list = (...items: RichTextNode[]): RichTextNode => ({ type: 'bulletList', content: items })
    const takenOut = [list(item(text('One'))), p(text('Two'), out(null)), list(item(text('Three'), out(-1))), list(item(text('Four')))]
    expect(renderRichText(doc(...takenOut))).toBe(
      '<ul><li><p>One</p></li><li><p>Two</p><ul><li><p>Three</p></li></ul></li><li><p>Four</p></li></ul>',
    )
    expect(pendingSuggestions(doc(...takenOut)).map((one) => [one.block, one.text])).toEqual([
      ['Paragraph (was bulleted list)', 'Two Three'],
    ])
    const quoted = doc({
      type: 'blockquote',
      attrs: { attribution: '' },
      content: [list(item(text('One'))), p(text('Two'), out(-1, 'o2'))],
    })
    expect(renderRichText(quoted)).toBe('<blockquote><ul><li><p>One</p><ul><li><p>Two</p></li></ul></li></ul></blockquote>')
  })

  it('are kept by the sanitizer with what they change, and dropped without it', () => {
    const link = { type: 'formatting', attrs: { ...by('f1'), format: 'link', add: true, href: 'https://example.org/' } }
    const kept = doc({ type: 'heading', attrs: { level: 2 }, content: [marker('paragraph'), text('Works', [link])] })
    expect(sanitizeDoc(kept)).toMatchObject({ ok: true, changed: false })
    const unsafe = { type: 'formatting', attrs: { ...by('f2'), format: 'link', add: true, href: 'javascript:alert(1)' } }
    const forged = doc(p({ type: 'suggestedBlock', attrs: { ...by('b2'), formerly: 'table' } }, text('Works', [unsafe])))
    expect(sanitizeDoc(forged)).toEqual({ ok: true, changed: true, doc: doc(p(text('Works'))) })
  })
})

describe('suggestion marks in the desk', () => {
  it('shows who suggested what, and when, in their colour', () => {
    const html = renderToHTMLString({ content: body, extensions: storyExtensions })
    expect(html).toMatch(
      /<ins class="suggestion suggestion-insertion suggestion-colour-\d" data-suggestion="a1" title="Insertion suggested by Ana Ruiz, 6 Dec 2026, \d\d:\d\d">finally <\/ins>/,
    )
    expect(html).toContain('<del class="suggestion suggestion-deletion')
    expect(html).toContain('title="Deletion suggested by Ana Ruiz')
  })

  it('are kept by the sanitizer with their author and time, and dropped without them', () => {
    const kept = sanitizeDoc(body)
    expect(kept).toMatchObject({ ok: true, changed: false })
    const forged = doc(
      p(
        text('x', [{ type: 'insertion', attrs: { id: 'a"><script>', authorId: 7, authorName: 'A', at: 'now' } }]),
        text('y', [{ type: 'deletion', attrs: { ...by('d3'), onclick: 'alert(1)' } }]),
      ),
    )
    expect(sanitizeDoc(forged)).toEqual({
      ok: true,
      changed: true,
      doc: doc(p(text('x'), text('y', [{ type: 'deletion', attrs: by('d3') }]))),
    })
  })
})

describe('pendingSuggestions', () => {
  it('lists each suggestion once, with its words, in the order of the text', () => {
    const split = doc(p(inserted('one '), text('x'), inserted('two', 'a1'), deleted('gone', 'd9')))
    expect(pendingSuggestions(split)).toEqual([
      { ...by('a1'), kind: 'insertion', text: 'one two' },
      { ...by('d9'), kind: 'deletion', text: 'gone' },
    ])
    expect(pendingSuggestions(doc(p(text('none'))))).toEqual([])
  })

  it('tells a suggested paragraph break from a pilcrow someone typed', () => {
    const splitBreak: RichTextNode = { type: 'suggestedBreak', attrs: { kind: 'split', ...by('b1') } }
    const joinBreak: RichTextNode = { type: 'suggestedBreak', attrs: { kind: 'join', ...by('b2') } }
    expect(pendingSuggestions(doc(p(text('One'), splitBreak, text('two'), joinBreak), p(inserted('¶', 'a2'))))).toEqual([
      { ...by('b1'), kind: 'insertion', text: '¶', paragraphBreak: 'split' },
      { ...by('b2'), kind: 'deletion', text: '¶', paragraphBreak: 'join' },
      { ...by('a2'), kind: 'insertion', text: '¶' },
    ])
  })
})
