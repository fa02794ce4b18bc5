import { deleteSelection } from '@tiptap/pm/commands'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import type { RichTextNode } from '@/db/schema'
import { bullets, item, quote } from '@/test/suggesting-lists'
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

// Two ranges across blocks that meet, by two people, both pending (suggest-range-meets.ts): the
// editor's story is the first one's accepted, then the second one's made on what that left. Where
// settling them in some order would not give it, the second is refused while suggesting.

const story = (...content: RichTextNode[]) => stateOfJson({ type: 'doc', content })
const deleted = keyed(deleteSelection)
const typed = (state: EditorState) => state.tr.insertText('x')
const accepted = (state: EditorState, ids: string[] | null = null) => state.apply(settleSuggestions(state, ids, true))
const rejected = (state: EditorState, ids: string[]) => state.apply(settleSuggestions(state, ids, false))

/** Ben's `edit` over `from` to `to` of `state` (Ana's pending), as a suggestion: null when refused. */
function bensOver(state: EditorState, from: number, to: number, edit: (state: EditorState) => Transaction) {
  const selected = selecting(state, from, to)
  const tr = suggestTransaction(selected, edit(selected), ben, now, newId)
  return tr && selected.apply(tr)
}

/** The editor's story: `edit` made over `from` to `to` of `state`. */
function editors(state: EditorState, from: number, to: number, edit: (state: EditorState) => Transaction) {
  const selected = selecting(state, from, to)
  return selected.apply(edit(selected)).doc
}

describe('a range that meets someone else’s pending range, where settling in some order would not give the editor’s story', () => {
  const start = story(paragraph('Fares rise.'), paragraph('Works go on.'), heading('Buses too.'))

  it('a deletion from a paragraph’s start to the end of the next one’s words, Ana’s join of that one to a subheading pending: refused, as together they would make a subheading', () => {
    const anas = suggest(selecting(start, at(start, 'on.', true), at(start, 'Buses')), ana, deleted)
    const hersAccepted = accepted(anas)
    expect(shape(hersAccepted.doc)).toBe('doc [paragraph “Fares rise.”, paragraph “Works go on.Buses too.”]')
    const made = editors(hersAccepted, at(hersAccepted, 'Fares'), at(hersAccepted, 'on.', true), deleted)
    expect(shape(made)).toBe('doc [paragraph “Buses too.”]')
    expect(bensOver(anas, at(anas, 'Fares'), at(anas, 'on.', true), deleted)).toBeNull()
  })

  it('words typed from the end of a subheading Ana’s deletion takes whole into the next paragraph: refused, as his words would stay in a subheading', () => {
    const withHeading = story(paragraph('Fares rise.'), heading('Works go on.'), paragraph('Buses too.'))
    const anas = suggest(selecting(withHeading, at(withHeading, 'Fares'), at(withHeading, 'on.', true)), ana, deleted)
    const hersAccepted = accepted(anas)
    // Her deletion leaves an empty paragraph where the subheading was: his words go from there.
    expect(shape(hersAccepted.doc)).toBe('doc [paragraph “”, paragraph “Buses too.”]')
    expect(shape(editors(hersAccepted, 1, at(hersAccepted, 'Buses'), typed))).toBe('doc [paragraph “xBuses too.”]')
    expect(bensOver(anas, at(anas, 'on.', true), at(anas, 'Buses'), typed)).toBeNull()
  })

  it('a deletion of a subheading and the paragraph after, Ana’s deletion of the paragraph before it pending: refused, as together they would leave a paragraph', () => {
    const withHeading = story(paragraph('Fares rise.'), heading('Works go on.'), paragraph('Buses too.'))
    const anas = suggest(selecting(withHeading, at(withHeading, 'Fares'), at(withHeading, 'Works')), ana, deleted)
    const hersAccepted = accepted(anas)
    expect(shape(hersAccepted.doc)).toBe('doc [heading “Works go on.”, paragraph “Buses too.”]')
    const made = editors(hersAccepted, at(hersAccepted, 'Works'), at(hersAccepted, 'too.', true), deleted)
    expect(shape(made)).toBe('doc [heading “”]')
    expect(bensOver(anas, at(anas, 'Works'), at(anas, 'too.', true), deleted)).toBeNull()
  })

  it('words typed from a quote’s start, Ana’s deletion of the paragraph before it pending: refused, as together they would leave the quote', () => {
    const quoted = story(paragraph('Fares rise.'), quote(paragraph('Works go on.'), paragraph('Buses too.')))
    const anas = suggest(selecting(quoted, at(quoted, 'Fares'), at(quoted, 'Works')), ana, deleted)
    const hersAccepted = accepted(anas)
    const made = editors(hersAccepted, at(hersAccepted, 'Works'), at(hersAccepted, 'Buses'), typed)
    expect(shape(made)).toBe('doc [blockquote [paragraph “xBuses too.”]]')
    expect(bensOver(anas, at(anas, 'Works'), at(anas, 'Buses'), typed)).toBeNull()
  })

  it('the two paragraphs of a quote joined, Ana’s deletion of the paragraph before it pending: refused, as together they would leave no quote', () => {
    const quoted = story(paragraph('Fares rise.'), quote(paragraph('Works go on.'), paragraph('Buses too.')))
    const anas = suggest(selecting(quoted, at(quoted, 'Fares'), at(quoted, 'Works')), ana, deleted)
    const hersAccepted = accepted(anas)
    const made = editors(hersAccepted, at(hersAccepted, 'on.', true), at(hersAccepted, 'Buses'), deleted)
    expect(shape(made)).toBe('doc [blockquote [paragraph “Works go on.Buses too.”]]')
    expect(bensOver(anas, at(anas, 'on.', true), at(anas, 'Buses'), deleted)).toBeNull()
  })

  it('a deletion from a list item’s start to a subheading’s words, Ana’s join of them pending: refused, as accepting would break the list (it failed while suggesting)', () => {
    const listed = story(bullets(item('Fares rise.')), heading('Works go on.'), paragraph('Buses too.'))
    const anas = suggest(selecting(listed, at(listed, 'Works ', true), at(listed, 'Buses')), ana, deleted)
    expect(bensOver(anas, at(anas, 'Fares'), at(anas, 'Works'), deleted)).toBeNull()
  })

  it('words typed from a subheading’s start, Ana’s deletion of the list item before it pending: refused, as accepting both would break the list', () => {
    const listed = story(bullets(item('Fares rise.')), heading('Works go on.'), paragraph('Buses too.'))
    const anas = suggest(selecting(listed, at(listed, 'Fares'), at(listed, 'Works')), ana, deleted)
    expect(bensOver(anas, at(anas, 'Works'), at(anas, 'Buses'), typed)).toBeNull()
  })
})

describe('a range that meets someone else’s pending range, where every order of settling gives the editor’s story', () => {
  it('is suggested, and settles as the editor does, his or hers first, or hers rejected', () => {
    const start = story(paragraph('Fares rise.'), heading('Works go on.'), paragraph('Buses too.'))
    const anas = suggest(selecting(start, at(start, 'rise'), at(start, 'Works ', true)), ana, deleted)
    const both = bensOver(anas, at(anas, 'on.'), at(anas, 'Bu', true), deleted)
    if (!both) throw new Error('refused')
    expect(readers(both)).toBe(readers(start))
    const hersAccepted = accepted(anas)
    const made = editors(hersAccepted, at(hersAccepted, 'on.'), at(hersAccepted, 'Bu', true), deleted)
    expect(shape(made)).toBe('doc [paragraph “Fares go ses too.”]')
    expect(accepted(both).doc.eq(made)).toBe(true)
    expect(accepted(accepted(both, idsOf(both, ana))).doc.eq(made)).toBe(true)
    expect(accepted(accepted(both, idsOf(both, ben))).doc.eq(made)).toBe(true)
    const hersRejected = rejected(both, idsOf(both, ana))
    expect(shape(accepted(hersRejected).doc)).toBe('doc [paragraph “Fares rise.”, heading “Works go ses too.”]')
  })
})
