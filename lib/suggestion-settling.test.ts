import { describe, expect, it } from 'vitest'
import type { RichTextDoc, RichTextNode } from '@/db/schema'
import type { Actor } from './permissions'
import { forgedMessage, settlingProblem } from './suggestion-settling'

const writer: Actor = { id: 3, role: 'writer' }
const otherWriter: Actor = { id: 4, role: 'writer' }
const editor: Actor = { id: 2, role: 'editor' }

type Words = string | { text: string; kind: 'insertion' | 'deletion'; id: string; by: Actor }

/** A one-paragraph body: plain words, and words suggested by someone for adding or removing. */
function body(...words: Words[]): RichTextDoc {
  const content = words.map((word): RichTextNode => {
    if (typeof word === 'string') return { type: 'text', text: word }
    const attrs = { id: word.id, authorId: word.by.id, authorName: `Person ${word.by.id}`, at: '2026-12-06T09:00:00.000Z' }
    return { type: 'text', text: word.text, marks: [{ type: word.kind, attrs }] }
  })
  return { type: 'doc', content: [{ type: 'paragraph', content }] }
}

const added = (text: string, by: Actor, id = 'a1') => ({ text, kind: 'insertion' as const, id, by })
const removed = (text: string, by: Actor, id = 'r1') => ({ text, kind: 'deletion' as const, id, by })

describe('who may settle a suggestion', () => {
  const pending = body('Fares rise by ', added('a third', otherWriter), removed('half', otherWriter), '.')

  it('refuses a writer accepting someone else’s insertion, naming the rule', () => {
    const problem = settlingProblem(writer, pending, body('Fares rise by a third', removed('half', otherWriter), '.'))
    expect(problem).toMatch(/^Only editors can accept or reject suggested changes\./)
  })

  it('refuses a writer rejecting someone else’s insertion or deletion', () => {
    expect(settlingProblem(writer, pending, body('Fares rise by ', removed('half', otherWriter), '.'))).not.toBeNull()
    expect(settlingProblem(writer, pending, body('Fares rise by ', added('a third', otherWriter), 'half.'))).not.toBeNull()
  })

  it('refuses a writer changing the words of someone else’s suggestion', () => {
    const changed = body('Fares rise by ', added('a quarter', otherWriter), removed('half', otherWriter), '.')
    expect(settlingProblem(writer, pending, changed)).not.toBeNull()
  })

  it('lets a writer withdraw their own suggestions and type around others’', () => {
    const mine = body('Fares rise by ', added('a third', writer), removed('half', writer), '.')
    expect(settlingProblem(writer, mine, body('Fares rise by half.'))).toBeNull()
    const typedAround = body('Ferry fares rise by ', added('a third', otherWriter), removed('half', otherWriter), ' today.')
    expect(settlingProblem(writer, pending, typedAround)).toBeNull()
  })

  it('lets an editor accept or reject anyone’s suggestion', () => {
    expect(settlingProblem(editor, pending, body('Fares rise by a third.'))).toBeNull()
    expect(settlingProblem(editor, pending, body('Fares rise by half.'))).toBeNull()
  })

  it('has nothing to say of a body without suggestions, or one gaining the changer’s own', () => {
    expect(settlingProblem(writer, body('Fares rise.'), body('Fares fall.'))).toBeNull()
    expect(settlingProblem(otherWriter, body('Fares rise.'), pending)).toBeNull()
  })
})

describe('whose name a new suggestion carries', () => {
  const plain = body('Fares rise by half.')

  it('refuses anyone, editors too, adding a suggestion in someone else’s name, with a clear message', () => {
    const forged = body('Fares rise by ', added('a third', otherWriter), 'half.')
    expect(settlingProblem(writer, plain, forged)).toBe(forgedMessage)
    expect(settlingProblem(editor, plain, forged)).toBe(forgedMessage)
    expect(forgedMessage).toMatch(/your own name/)
  })

  it('refuses one id hiding a second author among one’s own words, or one’s suggestion handed to someone else', () => {
    const mine = body('Fares rise by ', added('a third', writer, 'w1'), 'half.')
    const hidden = body('Fares rise by ', added('a third', writer, 'w1'), added(' or more', otherWriter, 'w1'), 'half.')
    expect(settlingProblem(writer, mine, hidden)).toBe(forgedMessage)
    expect(settlingProblem(editor, mine, body('Fares rise by ', added('a third', otherWriter, 'w1'), 'half.'))).toBe(forgedMessage)
  })

  it('lets a person add their own, and keep or settle suggestions already there in others’ names', () => {
    expect(settlingProblem(writer, plain, body('Fares rise by ', added('a third', writer), 'half.'))).toBeNull()
    const others = body('Fares rise by ', added('a third', otherWriter), 'half.')
    expect(settlingProblem(writer, others, body('Ferry fares rise by ', added('a third', otherWriter), 'half.'))).toBeNull()
    expect(settlingProblem(editor, others, body('Fares rise by a third half.'))).toBeNull()
  })
})

describe('suggestions that split a block (lib/story-schema/split-blocks.ts)', () => {
  const words = (text: string): RichTextNode => ({ type: 'paragraph', content: [{ type: 'text', text }] })
  const suggested = (by: Actor, suggestion: 'insertion' | 'deletion', joins: string | null) => ({
    id: `b${by.id}`,
    authorId: by.id,
    authorName: `Person ${by.id}`,
    at: '2026-12-06T09:00:00.000Z',
    suggested: suggestion,
    joins,
  })
  const doc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content })
  const ruleBy = (by: Actor, joins: string | null = 'both'): RichTextNode => ({
    type: 'horizontalRule',
    attrs: suggested(by, 'insertion', joins),
  })
  const quote = (attrs: Record<string, unknown>, ...texts: string[]): RichTextNode => ({
    type: 'blockquote',
    attrs,
    content: texts.map(words),
  })
  const whole = doc(words('Fares rise.'))
  const splitByOther = doc(words('Fares'), ruleBy(otherWriter), words(' rise.'))

  it('lets a person suggest a rule in a paragraph’s words or take part of a quote off in their own name, never in someone else’s', () => {
    expect(settlingProblem(writer, whole, doc(words('Fares'), ruleBy(writer), words(' rise.')))).toBeNull()
    expect(settlingProblem(writer, whole, splitByOther)).toBe(forgedMessage)
    const quoted = doc(quote({ attribution: 'Mayor' }, 'One.', 'Two.'))
    const part = (by: Actor) =>
      doc(quote({ attribution: 'Mayor' }, 'One.'), quote({ attribution: 'Mayor', ...suggested(by, 'deletion', 'before') }, 'Two.'))
    expect(settlingProblem(writer, quoted, part(writer))).toBeNull()
    expect(settlingProblem(editor, quoted, part(otherWriter))).toBe(forgedMessage)
    expect(settlingProblem(writer, part(otherWriter), quoted)).toMatch(/^Only editors can accept or reject suggested changes\./)
    expect(settlingProblem(editor, part(otherWriter), quoted)).toBeNull()
  })

  it('refuses a writer rejecting someone else’s rule in a paragraph (the paragraph joined) or making it no longer a split; an editor may', () => {
    for (const after of [whole, doc(words('Fares'), ruleBy(otherWriter, null), words(' rise.'))]) {
      expect(settlingProblem(writer, splitByOther, after)).toMatch(/^Only editors can accept or reject suggested changes\./)
      expect(settlingProblem(editor, splitByOther, after)).toBeNull()
    }
    expect(settlingProblem(writer, splitByOther, doc(words('Ferry fares'), ruleBy(otherWriter), words(' rise.')))).toBeNull()
  })
})
