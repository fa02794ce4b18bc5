import { describe, expect, it } from 'vitest'
import { ninjsValidator, problems } from '@/test/json-schemas'
import { type NinjsItem, ninjsSchemaUri, toNinjs } from './ninjs'
import type { ApiStory } from './story-json'

const publication = { url: 'https://news.example.test', language: 'en', publisher: 'Ledger Media' }

const story: ApiStory = {
  id: 12,
  href: '/api/v1/stories/12',
  url: 'https://news.example.test/world/harbour-reopens',
  path: '/world/harbour-reopens',
  headline: 'Harbour reopens',
  standfirst: 'Ships return after the storm.',
  dateline: 'BEIRUT',
  section: { id: 1, name: 'World', path: '/world' },
  bylines: [
    { name: 'Nadia Karam', outlet: null, author: { slug: 'nadia-karam', url: 'https://news.example.test/authors/nadia-karam' } },
    { name: 'Hannah Lindqvist', outlet: 'The Coastline Dispatch', author: null },
  ],
  tags: [{ name: 'Middle East', slug: 'middle-east' }],
  firstPublishedAt: '2026-12-01T08:00:00.000Z',
  publishedAt: '2026-12-01T09:00:00.000Z',
  modifiedAt: '2026-12-01T10:00:00.000Z',
  lead: { url: 'https://news.example.test/media/a.jpg', width: 1600, height: 900, alt: 'Boats', caption: 'The quay', credit: 'Jo Photo' },
  bodyHtml: '<p>The harbour reopened.</p>',
  corrections: [
    {
      id: 3,
      kind: 'correction',
      body: 'The storm was on Monday.',
      createdAt: '2026-12-01T10:00:00.000Z',
      retractedAt: null,
      retractionNote: '',
    },
    {
      id: 2,
      kind: 'update',
      body: 'Withdrawn.',
      createdAt: '2026-12-01T09:30:00.000Z',
      retractedAt: '2026-12-01T09:40:00.000Z',
      retractionNote: 'Wrong story.',
    },
  ],
}

describe('a story in ninjs 3.1', () => {
  const validate = ninjsValidator()

  it('is valid against IPTC’s schema, with everything the story has', () => {
    const item = toNinjs(story, publication)
    expect(validate(item), problems(validate).join('\n')).toBe(true)
    expect(item).toMatchObject({
      uri: 'https://news.example.test/api/v1/stories/12',
      type: 'text',
      firstCreated: story.firstPublishedAt,
      versionCreated: story.modifiedAt,
      headlines: [{ role: 'main', value: 'Harbour reopens' }],
      bodies: [{ role: 'main', contentType: 'text/html', value: '<p>The harbour reopened.</p>' }],
      by: 'Nadia Karam and Hannah Lindqvist',
      located: 'BEIRUT',
      subjects: [{ name: 'Middle East', literal: 'middle-east', uri: 'https://news.example.test/tags/middle-east' }],
      renditions: [{ name: 'web', href: story.url, contentType: 'text/html' }],
      standard: { name: 'ninjs', version: '3.1', schema: ninjsSchemaUri },
    })
    expect(item.people).toEqual([
      { name: 'Nadia Karam', rel: 'author', uri: 'https://news.example.test/authors/nadia-karam' },
      { name: 'Hannah Lindqvist', rel: 'author' },
    ])
    expect(item.associations?.[0]).toMatchObject({ name: 'lead-photo', type: 'picture', uri: story.lead?.url, by: 'Jo Photo' })
  })

  it('is checked for real: the schema refuses an item without a uri, or with a property ninjs does not have', () => {
    const withoutUri: Partial<NinjsItem> = toNinjs(story, publication)
    delete withoutUri.uri
    expect(validate(withoutUri)).toBe(false)
    expect(validate({ ...toNinjs(story, publication), headline: 'Harbour reopens' })).toBe(false)
  })

  it('gives the standfirst and the corrections that stand as descriptions, never a withdrawn one', () => {
    expect(toNinjs(story, publication).descriptions).toEqual([
      { role: 'summary', value: 'Ships return after the storm.' },
      { role: 'correction', value: 'The storm was on Monday.' },
    ])
  })

  it('leaves out what a bare story does not have, and stays valid', () => {
    const bare = { ...story, standfirst: '', dateline: '', bylines: [], tags: [], lead: null, corrections: [] }
    const item = toNinjs(bare, publication)
    expect(validate(item), problems(validate).join('\n')).toBe(true)
    for (const property of ['descriptions', 'by', 'located', 'people', 'subjects', 'associations'])
      expect(item).not.toHaveProperty(property)
  })
})
