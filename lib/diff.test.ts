import { describe, expect, it } from 'vitest'
import { diffText } from './diff'

describe('comparing two texts', () => {
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

  it('falls back to "all deleted, all inserted" when a comparison takes too long', () => {
    const words = (seed: number) => Array.from({ length: 20_000 }, (_, index) => `w${(index * seed) % 9973}`).join(' ')
    const parts = diffText(words(7), words(13), { timeoutMs: 1 })
    expect(parts.map((part) => part.kind)).toEqual(['deleted', 'inserted'])
  })
})
