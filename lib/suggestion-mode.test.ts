import { describe, expect, it } from 'vitest'
import { startsSuggesting } from './suggestion-mode'

describe('who starts in suggestion mode', () => {
  it('is nobody when the newsroom chose off', () => {
    expect(startsSuggesting('off', { status: 'in_review', isOwn: false })).toBe(false)
    expect(startsSuggesting('off', { status: 'approved', isOwn: true })).toBe(false)
  })

  it('is an editor on someone else’s story in review, not its writer, under review', () => {
    expect(startsSuggesting('review', { status: 'in_review', isOwn: false })).toBe(true)
    expect(startsSuggesting('review', { status: 'in_review', isOwn: true })).toBe(false)
    expect(startsSuggesting('review', { status: 'draft', isOwn: false })).toBe(false)
    expect(startsSuggesting('review', { status: 'approved', isOwn: true })).toBe(false)
  })

  it('is also everyone on an approved, scheduled or published story, under review-and-approved', () => {
    for (const status of ['approved', 'scheduled', 'published'] as const) {
      expect(startsSuggesting('review-and-approved', { status, isOwn: true })).toBe(true)
    }
    expect(startsSuggesting('review-and-approved', { status: 'changes_requested', isOwn: false })).toBe(false)
  })
})
