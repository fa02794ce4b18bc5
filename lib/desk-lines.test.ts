import { describe, expect, it } from 'vitest'
import { newsLine, stateLine } from './desk-lines'

describe('the desk page’s lines', () => {
  it('says who moved a story where, or who left a note, with its text', () => {
    expect(newsLine({ kind: 'status', actorName: 'Priya Raman', toStatus: 'in_review', excerpt: '' })).toBe(
      'Priya Raman moved it to in review',
    )
    expect(newsLine({ kind: 'status', actorName: null, toStatus: null, excerpt: '' })).toBe('the scheduler moved it to …')
    expect(newsLine({ kind: 'note', actorName: null, toStatus: null, excerpt: 'Check the date' })).toBe(
      'note from someone — “Check the date”',
    )
  })

  it('gives a story’s state, with unpublished changes and whether it is live', () => {
    expect(stateLine({ status: 'published', hasUnpublishedChanges: true, isLive: true })).toBe('Published — unpublished changes')
    expect(stateLine({ status: 'approved', hasUnpublishedChanges: false, isLive: true })).toBe('Approved (live)')
    expect(stateLine({ status: 'draft', hasUnpublishedChanges: false, isLive: false })).toBe('Draft')
  })
})
