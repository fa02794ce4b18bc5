import { describe, expect, it } from 'vitest'
import type { RichTextDoc, RichTextNode } from '@/db/schema'
import { type ComparableRevision, compareRevisions } from './revision-changes'

const paragraph = (text: string, marks?: RichTextNode['marks']): RichTextNode => ({
  type: 'paragraph',
  content: [{ type: 'text', text, ...(marks ? { marks } : {}) }],
})
const figure = (attrs: Record<string, unknown>): RichTextNode => ({
  type: 'figure',
  attrs: { kind: 'photo', mediaId: 3, src: '/media/3.webp', alt: 'Boats', caption: 'Boats at dawn', credit: 'Ana Ruiz', ...attrs },
})
const quote = (text: string, attribution: string): RichTextNode => ({
  type: 'blockquote',
  attrs: { attribution },
  content: [paragraph(text)],
})
const embed = (url: string, caption: string): RichTextNode => ({ type: 'embed', attrs: { url, provider: 'youtube', caption } })
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content })

const base: ComparableRevision = {
  headline: 'Harbour reopens',
  standfirst: 'Boats are back.',
  dateline: '',
  body: doc(paragraph('The harbour reopened.'), figure({}), quote('We waited.', 'A fisherman'), embed('https://youtu.be/abc', 'The storm')),
  bodyText: 'The harbour reopened.\n\nWe waited.',
  section: 'Lebanon',
  slug: 'harbour-reopens',
  bylines: ['Rana Haddad'],
  tags: ['Shipping'],
  leadMediaId: null,
  leadCaption: '',
  leadCredit: '',
  seoTitle: '',
  seoDescription: '',
  socialHeadline: '',
  socialMediaId: null,
}

const withBody = (...content: RichTextNode[]): ComparableRevision => ({ ...base, body: doc(...content) })
const [opening, photo, saying, video] = base.body.content as [RichTextNode, RichTextNode, RichTextNode, RichTextNode]

describe('comparing two revisions', () => {
  it('finds nothing between a revision and its copy, and only then', () => {
    expect(compareRevisions(base, structuredClone(base))).toEqual([])
  })

  it('shows a changed caption, credit and alt text of a figure, with its image', () => {
    const changes = compareRevisions(
      base,
      withBody(opening, figure({ caption: 'Boats at noon', credit: 'AFP', alt: 'Fishing boats' }), saying, video),
    )
    expect(changes).toEqual([
      {
        kind: 'item',
        change: 'changed',
        type: 'figure',
        key: 'media:3',
        image: { mediaId: 3, src: '/media/3.webp' },
        attributes: [
          { name: 'Alt text', before: 'Boats', after: 'Fishing boats' },
          { name: 'Caption', before: 'Boats at dawn', after: 'Boats at noon' },
          { name: 'Credit', before: 'Ana Ruiz', after: 'AFP' },
        ],
      },
    ])
  })

  it('shows a figure added and one removed, with what each held', () => {
    const added = compareRevisions(base, withBody(opening, photo, figure({ mediaId: 9, src: '/media/9.webp', credit: '' }), saying, video))
    expect(added).toEqual([
      expect.objectContaining({
        change: 'added',
        type: 'figure',
        image: { mediaId: 9, src: '/media/9.webp' },
        attributes: [
          { name: 'Kind', before: '', after: 'photo' },
          { name: 'Alt text', before: '', after: 'Boats' },
          { name: 'Caption', before: '', after: 'Boats at dawn' },
        ],
      }),
    ])
    const removed = compareRevisions(base, withBody(opening, saying, video))
    expect(removed).toEqual([expect.objectContaining({ change: 'removed', type: 'figure', image: { mediaId: 3, src: '/media/3.webp' } })])
  })

  it('shows a quote’s new attribution, even when its words changed too', () => {
    expect(compareRevisions(base, withBody(opening, photo, quote('We waited.', 'Omar, a fisherman'), video))).toEqual([
      expect.objectContaining({
        change: 'changed',
        type: 'quote',
        attributes: [{ name: 'Attribution', before: 'A fisherman', after: 'Omar, a fisherman' }],
      }),
    ])
    const both = compareRevisions(base, {
      ...withBody(opening, photo, quote('We waited a year.', 'Omar'), video),
      bodyText: 'The harbour reopened.\n\nWe waited a year.',
    })
    expect(both.map((change) => change.kind)).toEqual(['text', 'item'])
    expect(both[1]).toMatchObject({
      change: 'changed',
      type: 'quote',
      attributes: [{ name: 'Words' }, { name: 'Attribution', after: 'Omar' }],
    })
  })

  it('shows an embed whose caption changed, and one replaced by another address', () => {
    expect(compareRevisions(base, withBody(opening, photo, saying, embed('https://youtu.be/abc', 'The storm hits')))).toEqual([
      expect.objectContaining({
        change: 'changed',
        type: 'embed',
        attributes: [{ name: 'Caption', before: 'The storm', after: 'The storm hits' }],
      }),
    ])
    const replaced = compareRevisions(base, withBody(opening, photo, saying, embed('https://youtu.be/xyz', 'The storm')))
    expect(replaced.map((change) => change.kind === 'item' && `${change.change} ${change.key}`)).toEqual([
      'removed https://youtu.be/abc',
      'added https://youtu.be/xyz',
    ])
  })

  it('shows a link’s new target', () => {
    const link = (href: string) => [{ type: 'link', attrs: { href } }]
    const older = withBody(paragraph('the port authority', link('https://port.example/a')))
    const newer = withBody(paragraph('the port authority', link('https://port.example/b')))
    expect(compareRevisions(older, newer)).toEqual([
      expect.objectContaining({
        type: 'link',
        key: 'the port authority',
        attributes: [{ name: 'Target', before: 'https://port.example/a', after: 'https://port.example/b' }],
      }),
    ])
  })

  it('says the formatting changed when nothing else in the body did', () => {
    const bold = withBody(paragraph('The harbour reopened.', [{ type: 'bold' }]), photo, saying, video)
    expect(compareRevisions(base, bold)).toEqual([{ kind: 'formatting', field: 'Body formatting' }])
  })

  it('lists bylines and tags that came and went, and a change of their order', () => {
    const changes = compareRevisions(base, { ...base, bylines: ['Sam Lee (Reuters)'], tags: ['Shipping', 'Storms'] })
    expect(changes).toEqual([
      {
        kind: 'list',
        field: 'Bylines',
        added: ['Sam Lee (Reuters)'],
        removed: ['Rana Haddad'],
        before: ['Rana Haddad'],
        after: ['Sam Lee (Reuters)'],
      },
      { kind: 'list', field: 'Tags', added: ['Storms'], removed: [], before: ['Shipping'], after: ['Shipping', 'Storms'] },
    ])
    const two = { ...base, bylines: ['Rana Haddad', 'Sam Lee'] }
    expect(compareRevisions(two, { ...two, bylines: ['Sam Lee', 'Rana Haddad'] })).toEqual([
      expect.objectContaining({ field: 'Bylines', added: [], removed: [], after: ['Sam Lee', 'Rana Haddad'] }),
    ])
  })

  it('shows the dateline as a one-line value', () => {
    expect(compareRevisions(base, { ...base, dateline: 'BEIRUT' })).toEqual([
      { kind: 'value', field: 'Dateline', before: '', after: 'BEIRUT' },
    ])
  })

  it('names the section, and shows the slug, lead image and its words, and the search and sharing fields', () => {
    const changes = compareRevisions(base, {
      ...base,
      section: 'Economy',
      slug: 'harbour-reopens-at-last',
      leadMediaId: 12,
      leadCaption: 'The new breakwater',
      leadCredit: 'Port of Beirut',
      seoTitle: 'Beirut harbour reopens',
      seoDescription: 'Boats return after fourteen months.',
      socialHeadline: 'The boats are back in Beirut',
      socialMediaId: 14,
    })
    expect(changes).toEqual([
      { kind: 'value', field: 'Section', before: 'Lebanon', after: 'Economy' },
      { kind: 'value', field: 'Slug', before: 'harbour-reopens', after: 'harbour-reopens-at-last' },
      { kind: 'image', field: 'Lead image', before: null, after: 12 },
      { kind: 'value', field: 'Lead image caption', before: '', after: 'The new breakwater' },
      { kind: 'value', field: 'Lead image credit', before: '', after: 'Port of Beirut' },
      { kind: 'value', field: 'Search title', before: '', after: 'Beirut harbour reopens' },
      { kind: 'value', field: 'Search description', before: '', after: 'Boats return after fourteen months.' },
      { kind: 'value', field: 'Social headline', before: '', after: 'The boats are back in Beirut' },
      { kind: 'image', field: 'Social image', before: null, after: 14 },
    ])
  })

  it('diffs the headline and body word by word', () => {
    const changes = compareRevisions(base, {
      ...base,
      headline: 'Harbour reopens at last',
      bodyText: 'The harbour reopened.\n\nWe waited long.',
    })
    expect(changes).toEqual([
      {
        kind: 'text',
        field: 'Headline',
        parts: [
          { kind: 'same', text: 'Harbour reopens' },
          { kind: 'inserted', text: ' at last' },
        ],
      },
      expect.objectContaining({ kind: 'text', field: 'Body' }),
    ])
  })
})
