import { describe, expect, it } from 'vitest'
import { mapIndex, textChange } from './shared-text'

describe('textChange', () => {
  it('says nothing changed when the texts are equal', () => {
    expect(textChange('Harbour fees', 'Harbour fees')).toBeNull()
  })

  it('finds one typed character in the middle', () => {
    expect(textChange('Harbour fes', 'Harbour fees')).toEqual({ index: 10, remove: 0, insert: 'e' })
  })

  it('finds a deleted run and a replaced word', () => {
    expect(textChange('Harbour fees double', 'Harbour double')).toEqual({ index: 8, remove: 5, insert: '' })
    expect(textChange('Fees rise in May', 'Fees fall in May')).toEqual({ index: 5, remove: 4, insert: 'fall' })
  })

  it('handles a repeated letter without crossing its ends', () => {
    expect(textChange('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' })
    expect(textChange('aaa', 'a')).toEqual({ index: 1, remove: 2, insert: '' })
  })

  it('applied to the first text, gives the second', () => {
    const pairs: [string, string][] = [
      ['', 'New headline'],
      ['Old headline', ''],
      ['The council votes', 'The city council votes today'],
    ]
    for (const [before, after] of pairs) {
      const change = textChange(before, after)
      expect(change).not.toBeNull()
      if (!change) continue
      expect(before.slice(0, change.index) + change.insert + before.slice(change.index + change.remove)).toBe(after)
    }
  })
})

describe('mapIndex', () => {
  it('moves a caret on past text inserted before it', () => {
    expect(mapIndex(5, [{ insert: 'The ' }])).toBe(9)
    expect(mapIndex(5, [{ retain: 2 }, { insert: 'xy' }])).toBe(7)
  })

  it('leaves a caret alone for text inserted after it or exactly at it', () => {
    expect(mapIndex(5, [{ retain: 6 }, { insert: 'later' }])).toBe(5)
    expect(mapIndex(5, [{ retain: 5 }, { insert: 'at' }])).toBe(5)
  })

  it('pulls a caret back for text deleted before it, and into a deleted run that held it', () => {
    expect(mapIndex(10, [{ retain: 2 }, { delete: 3 }])).toBe(7)
    expect(mapIndex(4, [{ retain: 2 }, { delete: 5 }])).toBe(2)
  })
})
