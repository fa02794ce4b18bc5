import { describe, expect, it } from 'vitest'
import { storyDraft } from '@/test/story-docs'
import { type StoryDraft, followsHeadline, sameDraft, toFormDraft } from './story-draft'

const draft = (headline: string, slug: string) => storyDraft({ headline, slug })

describe('a slug that follows the headline', () => {
  it('is one made from the headline, with or without a number for a clash', () => {
    expect(followsHeadline('ferry-resumes', 'Ferry resumes')).toBe(true)
    expect(followsHeadline('ferry-resumes-2', 'Ferry resumes')).toBe(true)
  })

  it('is the placeholder a story gets before it has a headline, or none at all', () => {
    expect(followsHeadline('untitled', '')).toBe(true)
    expect(followsHeadline('untitled-3', 'Ferry resumes')).toBe(true)
    expect(followsHeadline('', 'Ferry resumes')).toBe(true)
  })

  it('is not one a person typed, nor one made from an earlier headline', () => {
    expect(followsHeadline('boats-are-back', 'Ferry resumes')).toBe(false)
    expect(followsHeadline('ferry-resumes-today', 'Ferry resumes')).toBe(false)
  })

  it('is left empty in the form until the story is first published, so that saves make it again', () => {
    expect(toFormDraft(draft('Ferry resumes', 'ferry-resumes'), false).slug).toBe('')
    expect(toFormDraft(draft('Ferry resumes', 'ferry-resumes'), true).slug).toBe('ferry-resumes')
    expect(toFormDraft(draft('Ferry resumes', 'boats-are-back'), false).slug).toBe('boats-are-back')
  })
})

describe('comparing a device copy with the saved story', () => {
  it('finds them the same when only the order of their keys differs, as the database returns them', () => {
    const reordered = {
      ...(Object.fromEntries(Object.entries(draft('Ferry resumes', '')).reverse()) as StoryDraft),
      body: { content: [{ type: 'paragraph' }], type: 'doc' as const },
    }
    expect(Object.keys(reordered)).not.toEqual(Object.keys(draft('Ferry resumes', '')))
    expect(sameDraft(reordered, draft('Ferry resumes', ''))).toBe(true)
  })

  it('finds them different when a word differs', () => {
    expect(sameDraft(draft('Ferry resumes', ''), draft('Ferry resumed', ''))).toBe(false)
  })
})
