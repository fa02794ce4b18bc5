import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { articleInputSchema } from '@/lib/article-input'
import { cleanText, textField } from '@/lib/clean-text'
import { characterCount } from './character-count'

describe('a character count', () => {
  it('counts against the limit', () => {
    expect(characterCount('x'.repeat(12), 300)).toEqual({ text: '12 / 300 characters', isOver: false })
  })

  it('says when the text is over the limit and will not save', () => {
    expect(characterCount('x'.repeat(301), 300)).toEqual({
      text: '301 / 300 characters — over the limit of 300; it will not save until shortened.',
      isOver: true,
    })
  })

  it('counts against where search results cut off, and says when they will', () => {
    expect(characterCount('x'.repeat(61), 200, 60)).toEqual({
      text: '61 / 60 characters — search results will cut it short.',
      isOver: false,
    })
  })

  it('counts an emoji, a flag and a letter with its accent as one character each', () => {
    expect(characterCount('👩‍👩‍👧‍👦🇳🇴e\u0301', 300).text).toBe('3 / 300 characters')
  })

  it('calls over the limit exactly what the save refuses', () => {
    const draft = (headline: string) => ({ headline, body: null, sectionId: 1, tags: [], bylines: [{ userId: 1 }], leadMediaId: null })
    for (const headline of ['😀'.repeat(300), '😀'.repeat(301), 'e\u0301'.repeat(300), 'e\u0301'.repeat(301)]) {
      expect(characterCount(headline, 300).isOver).toBe(!articleInputSchema.safeParse(draft(headline)).success)
    }
  })

  it('agrees with a text field’s limit on any text', () => {
    const field = textField({ max: 100, tooLong: 'too long' })
    const pieces = ['a', '😀', '👩‍👩‍👧‍👦', 'e\u0301', '\u0000', '\ud800', '\u0301'.repeat(40)]
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 160 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, (typed) => {
        expect(field.safeParse(typed).success).toBe(!characterCount(cleanText(typed).trim(), 100).isOver)
      }),
      { numRuns: 300 },
    )
  })
})
