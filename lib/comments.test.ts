import { describe, expect, it } from 'vitest'
import type { RichTextDoc } from '@/db/schema'
import { commentQuote, commentThreadIds, maxQuoteLength, withoutComments } from './comments'
import { sanitizeDoc } from './rich-text'

const on = (noteId: unknown) => [{ type: 'comment', attrs: { noteId } }]
const body: RichTextDoc = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Fares ' },
        { type: 'text', text: 'rise', marks: on(9) },
      ],
    },
    { type: 'paragraph', content: [{ type: 'text', text: 'by half', marks: [{ type: 'bold' }, ...on(4)] }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'again', marks: on(9) }] },
  ],
}

describe('comments on the words', () => {
  it('are listed in the order their words first appear', () => {
    expect(commentThreadIds(body)).toEqual([9, 4])
  })

  it('come off a body, leaving its words and other formatting', () => {
    const plain = withoutComments(body)
    expect(commentThreadIds(plain)).toEqual([])
    expect(plain.content?.[1]?.content?.[0]).toEqual({ type: 'text', text: 'by half', marks: [{ type: 'bold' }] })
    expect(body.content?.[0]?.content?.[1]?.marks).toEqual(on(9))
  })

  it('are kept by the body’s cleaning only with a thread’s id', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'x', marks: on('9') },
            { type: 'text', text: 'y', marks: on('<b>') },
          ],
        },
      ],
    }
    const cleaned = sanitizeDoc(doc)
    expect(cleaned.ok && cleaned.doc.content?.[0]?.content).toEqual([
      { type: 'text', text: 'x', marks: on(9) },
      { type: 'text', text: 'y' },
    ])
  })

  it('quote their words on one line, cut to a length', () => {
    expect(commentQuote('  the\n harbour\treopened ')).toBe('the harbour reopened')
    const quote = commentQuote('word '.repeat(200))
    expect(quote).toHaveLength(maxQuoteLength)
    expect(quote.endsWith('…')).toBe(true)
  })
})
