import { describe, expect, it } from 'vitest'
import { type DiffableRevision, diffRevisions, diffText, hasChanges } from './diff'

const base: DiffableRevision = {
  headline: 'Harbour reopens',
  standfirst: 'Boats are back.',
  bodyText: 'The harbour reopened on Sunday after fourteen months.',
  sectionId: 1,
  slug: 'harbour-reopens',
  tags: ['Shipping'],
  bylines: [{ userId: 7 }],
  leadMediaId: null,
  leadCaption: '',
  leadCredit: '',
  seoTitle: '',
  seoDescription: '',
}

describe('comparing two revisions', () => {
  it('marks words as kept, inserted or deleted', () => {
    expect(diffText('The harbour reopened on Sunday.', 'The harbour reopened on Monday.')).toEqual([
      { kind: 'same', text: 'The harbour reopened on ' },
      { kind: 'deleted', text: 'Sunday' },
      { kind: 'inserted', text: 'Monday' },
      { kind: 'same', text: '.' },
    ])
  })

  it('keeps every character: the kept and inserted parts spell the new text, the kept and deleted the old', () => {
    const older = 'Fishing boats return to the rebuilt harbour at dawn on Sunday.\n\nThe new breakwater is twice as long.'
    const newer = 'Fishing boats returned to the harbour at dawn on Monday.\n\nThe breakwater, rebuilt, is twice as long as before.'
    const parts = diffText(older, newer)
    expect(
      parts
        .filter((part) => part.kind !== 'deleted')
        .map((part) => part.text)
        .join(''),
    ).toBe(newer)
    expect(
      parts
        .filter((part) => part.kind !== 'inserted')
        .map((part) => part.text)
        .join(''),
    ).toBe(older)
  })

  it('returns one unchanged part for equal texts and nothing for two empty ones', () => {
    expect(diffText('Same words.', 'Same words.')).toEqual([{ kind: 'same', text: 'Same words.' }])
    expect(diffText('', '')).toEqual([])
    expect(diffText('', 'New')).toEqual([{ kind: 'inserted', text: 'New' }])
  })

  it('diffs headline, standfirst and body, and names the other fields that changed', () => {
    const diff = diffRevisions(base, {
      ...base,
      headline: 'Harbour reopens at last',
      slug: 'harbour-reopens-at-last',
      tags: ['Shipping', 'Storms'],
      bylines: [{ userId: 7 }, { name: 'Rania Salem', outlet: 'Delta Weekly' }],
      leadMediaId: 4,
      seoDescription: 'The harbour is open.',
    })
    expect(diff.headline).toEqual([
      { kind: 'same', text: 'Harbour reopens' },
      { kind: 'inserted', text: ' at last' },
    ])
    expect(diff.standfirst).toEqual([{ kind: 'same', text: 'Boats are back.' }])
    expect(diff.changedFields).toEqual(['Slug', 'Byline', 'Tags', 'Lead image', 'Search description'])
    expect(hasChanges(diff)).toBe(true)
  })

  it('sees a reordered byline as a change, and no change between equal revisions', () => {
    const two: DiffableRevision = { ...base, bylines: [{ userId: 7 }, { userId: 8 }] }
    expect(diffRevisions(two, { ...two, bylines: [{ userId: 8 }, { userId: 7 }] }).changedFields).toEqual(['Byline'])
    expect(hasChanges(diffRevisions(base, { ...base }))).toBe(false)
  })

  it('falls back to "all deleted, all inserted" when a comparison takes too long', () => {
    const words = (seed: number) => Array.from({ length: 20_000 }, (_, index) => `w${(index * seed) % 9973}`).join(' ')
    const parts = diffText(words(7), words(13), { timeoutMs: 1 })
    expect(parts.map((part) => part.kind)).toEqual(['deleted', 'inserted'])
  })
})
