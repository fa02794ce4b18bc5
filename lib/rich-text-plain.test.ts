import { describe, expect, it } from 'vitest'
import type { RichTextDoc, RichTextNode } from '@/db/schema'
import { countWords, plainText } from './rich-text-plain'
import { readingMinutes } from './story-draft'

const text = (value: string, marks?: RichTextNode['marks']): RichTextNode =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value }
const p = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content })
const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content })
const hardBreak: RichTextNode = { type: 'hardBreak' }

describe('plainText', () => {
  it('keeps words on either side of a line break apart', () => {
    expect(plainText(doc(p(text('harbour'), hardBreak, text('master'))))).toBe('harbour\nmaster')
    expect(countWords(plainText(doc(p(text('harbour'), hardBreak, text('master')))))).toBe(2)
  })

  it('puts a blank line between blocks, list items and quotes included', () => {
    const body = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Who')] },
      p(text('The ferry left.')),
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [p(text('one'))] },
          { type: 'listItem', content: [p(text('two'))] },
        ],
      },
      { type: 'blockquote', content: [p(text('We waited.'))] },
      { type: 'pullQuote', content: [text('A long year.')] },
    )
    expect(plainText(body)).toBe('Who\n\nThe ferry left.\n\none\n\ntwo\n\nWe waited.\n\nA long year.')
  })

  it('joins words split only by formatting into one word', () => {
    expect(plainText(doc(p(text('un'), text('believable', [{ type: 'bold' }]))))).toBe('unbelievable')
  })

  it('leaves out empty paragraphs, rules and embeds', () => {
    expect(
      plainText(doc(p(), { type: 'horizontalRule' }, { type: 'embed', attrs: { url: 'https://vimeo.com/1' } }, p(text('Only this.')))),
    ).toBe('Only this.')
    expect(plainText({ type: 'doc' })).toBe('')
  })
})

describe('countWords', () => {
  it('counts runs of letters separated by any white space', () => {
    expect(countWords('  The ferry\tleft\nat dawn.  ')).toBe(5)
    expect(countWords('Forty-two well-known e-mail addresses')).toBe(4)
  })

  it('counts nothing in empty or blank text', () => {
    expect(countWords('')).toBe(0)
    expect(countWords(' \n\t ')).toBe(0)
  })
})

describe('readingMinutes', () => {
  it('says at least one minute, even for a few words', () => {
    expect(readingMinutes(0)).toBe(1)
    expect(readingMinutes(100)).toBe(1)
  })

  it('reads 230 words a minute, rounded to the nearest minute', () => {
    expect(readingMinutes(230)).toBe(1)
    expect(readingMinutes(460)).toBe(2)
    expect(readingMinutes(800)).toBe(3)
    expect(readingMinutes(20_000)).toBe(87)
  })
})
