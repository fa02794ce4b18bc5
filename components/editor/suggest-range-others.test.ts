import { deleteSelection, splitBlock } from '@tiptap/pm/commands'
import type { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import type { RichTextNode } from '@/db/schema'
import {
  ana,
  at,
  ben,
  heading,
  idsOf,
  keyed,
  newId,
  now,
  paragraph,
  readers,
  selecting,
  shape,
  stateOfJson,
  suggest,
} from '@/test/suggesting'
import { settleSuggestions, suggestTransaction } from './suggest-changes'

// Ranges across blocks suggested over someone else's suggestions (suggest-range.ts): their words
// stay theirs, and the story settles the same whichever of the two is settled first.

const quote = (text: string): RichTextNode => ({ type: 'blockquote', content: [paragraph(text)] })
const story = (...content: RichTextNode[]) => stateOfJson({ type: 'doc', content })
const deleted = keyed(deleteSelection)
const typed = (state: EditorState) => state.tr.insertText('x')
const settled = (state: EditorState, ids: string[] | null, accept: boolean) => state.apply(settleSuggestions(state, ids, accept))

describe('words typed over a range that ends at a block’s start, over someone else’s suggestions', () => {
  it('into the paragraph after a subheading whose words Ben struck: accepted, the heading holds the typed words and the paragraph’s, as in the editor', () => {
    const start = story(paragraph('Fares rise.'), heading('Works go on.'), paragraph('Buses too.'))
    const bens = suggest(selecting(start, at(start, 'Works'), at(start, 'on.', true)), ben, deleted)
    const anas = suggest(selecting(bens, at(bens, 'orks'), at(bens, 'Buses')), ana, typed)
    expect(readers(anas)).toBe(readers(start))
    const editors = selecting(bens, at(bens, 'orks'), at(bens, 'Buses'))
    const made = editors.apply(typed(editors))
    expect(shape(settled(anas, null, true).doc)).toBe('doc [paragraph “Fares rise.”, heading “xBuses too.”]')
    expect(settled(anas, null, true).doc.eq(settled(made, null, true).doc)).toBe(true)
    expect(settled(anas, idsOf(anas, ana), false).doc.eq(bens.doc)).toBe(true)
  })

  it('into a quote Ben suggested taking from its start: his settled first, rejecting hers gives what his alone gives', () => {
    const start = story(paragraph('Fares rise.'), quote('Works go on.'), paragraph('Buses too.'))
    const bens = suggest(selecting(start, at(start, 'Works'), at(start, 'Bu', true)), ben, deleted)
    const anas = suggest(selecting(bens, at(bens, 'ares'), at(bens, 'Works')), ana, typed)
    expect(readers(anas)).toBe(readers(start))
    const bensFirst = settled(anas, idsOf(bens, ben), true)
    expect(shape(bensFirst.doc)).toBe('doc [paragraph “Fares rise.x”, paragraph “ses too.”]')
    expect(settled(bensFirst, idsOf(anas, ana), false).doc.eq(settled(bens, null, true).doc)).toBe(true)
    expect(shape(settled(bensFirst, idsOf(anas, ana), true).doc)).toBe('doc [paragraph “Fxses too.”]')
  })

  it('into the words Ben struck from a subheading’s start: his settled first, rejecting hers gives what his alone gives', () => {
    const start = story(paragraph('Fares rise.'), heading('Works go on.'), paragraph('Buses too.'))
    const bens = suggest(selecting(start, at(start, 'Works'), at(start, 'Bu', true)), ben, deleted)
    const anas = suggest(selecting(bens, at(bens, 'ares'), at(bens, 'Works go', true)), ana, typed)
    expect(readers(anas)).toBe(readers(start))
    const bensFirst = settled(anas, idsOf(bens, ben), true)
    expect(settled(bensFirst, idsOf(anas, ana), false).doc.eq(settled(bens, null, true).doc)).toBe(true)
    expect(shape(settled(anas, null, true).doc)).toBe('doc [paragraph “Fxses too.”]')
  })
})

describe('a range whose first block keeps, before it, only words someone suggested', () => {
  const start = story(paragraph('Fares rise.'), heading('Works go on.'), paragraph('Buses too.'))
  const refused = (state: EditorState, from: number, to: number) => {
    const selected = selecting(state, from, to)
    return suggestTransaction(selected, deleted(selected), ana, now, newId) === null
  }

  it('is refused after Ben’s suggested or struck words: the joined block’s form would hang on how his are settled', () => {
    const inserted = suggest(start, ben, (state) => state.tr.insertText('Old ', at(state, 'Works')))
    expect(refused(inserted, at(inserted, 'Works'), at(inserted, 'Bu', true))).toBe(true)
    const struck = suggest(selecting(start, at(start, 'Works'), at(start, 'Works ', true)), ben, deleted)
    expect(refused(struck, at(struck, 'go'), at(struck, 'Bu', true))).toBe(true)
    expect(refused(struck, at(struck, 'o on'), at(struck, 'Bu', true))).toBe(false)
  })

  it('is refused, from a block’s start, when the first or last block keeps only words Ben struck inside the range', () => {
    const lastKeeps = suggest(selecting(start, at(start, 'go'), at(start, 'go ', true)), ben, deleted)
    expect(refused(lastKeeps, at(lastKeeps, 'Fares'), at(lastKeeps, 'on.', true))).toBe(true)
    const firstKeeps = suggest(selecting(start, at(start, 'rise'), at(start, 'rise.', true)), ben, deleted)
    expect(refused(firstKeeps, at(firstKeeps, 'Fares'), at(firstKeeps, 'Wo', true))).toBe(true)
    expect(refused(firstKeeps, at(firstKeeps, 'Fares'), at(firstKeeps, 'Fares', true))).toBe(false)
  })

  it('is refused, from a block’s start, when a block between keeps only words Ben struck', () => {
    const bens = suggest(selecting(start, at(start, 'go'), at(start, 'go ', true)), ben, deleted)
    expect(refused(bens, at(bens, 'Fares'), at(bens, 'Bu', true))).toBe(true)
    expect(refused(bens, at(bens, 'ares'), at(bens, 'Bu', true))).toBe(false)
  })

  it('is one suggestion with one’s own struck words just before it, and settles as the editor deletes', () => {
    const own = suggest(selecting(start, at(start, 'Works'), at(start, 'Works ', true)), ana, deleted)
    const state = suggest(selecting(own, at(own, 'go'), at(own, 'Bu', true)), ana, deleted)
    expect(idsOf(state, ana)).toHaveLength(1)
    expect(shape(settled(state, null, true).doc)).toBe('doc [paragraph “Fares rise.”, paragraph “ses too.”]')
    expect(settled(state, null, false).doc.eq(start.doc)).toBe(true)
  })
})

describe('a range over a paragraph split someone else suggested', () => {
  it('is refused: where the story splits would hang on which is settled first; one’s own split just goes', () => {
    const start = story(paragraph('Fares rise.'), paragraph('Works go on.'), paragraph('Buses too.'))
    const split = (who: typeof ana) => suggest(selecting(start, at(start, 'go'), at(start, 'go')), who, keyed(splitBlock))
    const bens = split(ben)
    const selected = selecting(bens, at(bens, 'rise'), at(bens, 'Bu', true))
    expect(suggestTransaction(selected, deleted(selected), ana, now, newId)).toBeNull()
    const anas = split(ana)
    const state = suggest(selecting(anas, at(anas, 'rise'), at(anas, 'Bu', true)), ana, deleted)
    expect(shape(settled(state, null, true).doc)).toBe('doc [paragraph “Fares ses too.”]')
    expect(readers(state)).toBe(readers(start))
  })
})
