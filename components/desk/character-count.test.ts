import { describe, expect, it } from 'vitest'
import { characterCount } from './character-count'

describe('a character count', () => {
  it('counts against the limit', () => {
    expect(characterCount(12, 300)).toEqual({ text: '12 / 300 characters', isOver: false })
  })

  it('says when the text is over the limit and will not save', () => {
    expect(characterCount(301, 300)).toEqual({
      text: '301 / 300 characters — over the limit of 300; it will not save until shortened.',
      isOver: true,
    })
  })

  it('counts against where search results cut off, and says when they will', () => {
    expect(characterCount(61, 200, 60)).toEqual({ text: '61 / 60 characters — search results will cut it short.', isOver: false })
  })
})
