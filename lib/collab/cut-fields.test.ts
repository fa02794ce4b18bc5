import { describe, expect, it } from 'vitest'
import type { RichTextDoc } from '@/db/schema'
import { articleLimits } from '../article-input'
import { storyDraft } from '@/test/story-docs'
import { cutInput, hasSavedFields, notTakenMessage } from './cut-fields'

const body: RichTextDoc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The quay reopened.' }] }] }
const latest = storyDraft({ headline: 'Harbour reopens', body, sectionId: 3, slug: 'harbour-reopens', bylines: [{ userId: 7 }] })
const shared = { headline: 'Harbour reopens at dawn', standfirst: '', body }

describe('the draft a cut saves from the shared story', () => {
  it('takes each field the map holds, and the revision’s where it holds none', () => {
    const cut = cutInput(latest, false, shared, { seoTitle: 'Quay open', tags: ['ports'] })
    expect(cut).toMatchObject({
      ok: true,
      notTaken: [],
      input: { headline: 'Harbour reopens at dawn', seoTitle: 'Quay open', tags: ['ports'], sectionId: 3 },
    })
  })

  it('keeps a slug that follows the headline following it until the story is published, and a published story’s slug', () => {
    expect(cutInput(latest, false, shared, { slug: '' })).toMatchObject({ input: { slug: '' } })
    expect(cutInput(latest, false, shared, { slug: 'harbour-reopens' })).toMatchObject({ input: { slug: '' } })
    expect(cutInput(latest, false, shared, { slug: 'quay' })).toMatchObject({ input: { slug: 'quay' } })
    expect(cutInput(latest, true, shared, { slug: '' })).toMatchObject({ input: { slug: 'harbour-reopens' } })
  })

  it('leaves each field the schema refuses at the revision’s value, says why, and takes the rest', () => {
    const tooLong = 'x'.repeat(articleLimits.seoTitle + 1)
    const cut = cutInput({ ...latest, slug: 'quay' }, false, shared, { slug: 'Quay!', seoTitle: tooLong, dateline: 'BEIRUT' })
    if (!cut.ok) throw new Error(cut.message)
    expect(cut.input).toMatchObject({ slug: 'quay', seoTitle: '', dateline: 'BEIRUT' })
    expect(cut.notTaken.map((aside) => aside.field).sort()).toEqual(['seoTitle', 'slug'])
    expect(cut.notTaken).toContainEqual({
      field: 'slug',
      message: notTakenMessage('slug', 'Use only lower-case letters, digits and single hyphens, like harbour-reopens.'),
    })
  })

  it('is refused when the shared text itself does not fit', () => {
    expect(cutInput(latest, false, { ...shared, headline: 'x'.repeat(articleLimits.headline + 1) }, {})).toMatchObject({
      ok: false,
      reason: 'invalid',
    })
  })

  it('knows a draft whose fields are the revision’s, an empty slug standing for one that follows the headline', () => {
    const same = cutInput(latest, false, { ...shared, headline: latest.headline }, { slug: '' })
    const other = cutInput(latest, false, shared, { seoTitle: 'Quay open' })
    if (!same.ok || !other.ok) throw new Error('not cut')
    expect(hasSavedFields(same.input, latest)).toBe(true)
    expect(hasSavedFields(other.input, latest)).toBe(false)
  })
})
