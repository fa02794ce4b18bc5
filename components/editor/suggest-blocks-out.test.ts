import type { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import type { RichTextNode } from '@/db/schema'
import { storySchema } from '@/lib/rich-text-repair'
import { forReaders } from '@/lib/story-schema/suggestions'
import { ana, ben, json, newId, now, stateOfJson, suggest } from '@/test/suggesting'
import { bullets, caretIn, intoList, item, pending, quote, settled, shape, shiftTab, tab } from '@/test/suggesting-lists'
import { suggestTransaction } from './suggest-changes'

// Items taken out of their list altogether with items of their own, or in a block quote, and a
// list made the other kind while its item is nested, as suggestions (suggest-blocks.ts).

const { orderedList } = storySchema.nodes
const body = (...content: RichTextNode[]) => stateOfJson({ type: 'doc', content })
/** `edit` made as a suggestion by `who`, the caret first put in the block of words `text`. */
const suggestAt = (state: EditorState, text: string, edit: typeof tab, who = ana) => suggest(caretIn(state, text), who, edit)
/** Numbered list on an item of a bulleted list, as the toolbar does it: its list becomes numbered. */
const numbered = (state: EditorState) => {
  const { $from } = state.selection
  return state.tr.setNodeMarkup($from.before($from.depth - 2), orderedList)
}

/**
 * Readers get `start` (read through the schema, as the page renders it; the body itself
 * untouched), and rejecting gives back its very JSON.
 */
function expectGivenBack(state: EditorState, start: EditorState) {
  const stored = json(state)
  const copy = structuredClone(stored)
  expect(storySchema.nodeFromJSON(forReaders(stored)).toJSON()).toEqual(json(start))
  expect(stored).toEqual(copy)
  expect(json(settled(state, false))).toEqual(json(start))
}

describe('an item with items of its own taken out of its list altogether', () => {
  /** A, B (with D and E in it), C. */
  const withItems = () => body(bullets(item('A'), item('B', bullets(item('D'), item('E'))), item('C')))

  it('is one suggestion: the item a paragraph, its items a list after it; readers keep them in it; rejected, all is as it was', () => {
    const state = suggestAt(withItems(), 'B', shiftTab)
    expect(shape(state)).toEqual(['listItem>p A', 'p B', 'listItem>p D', 'listItem>p E', 'listItem>p C'])
    expect(pending(state)).toEqual([['block', 'Paragraph (was bulleted list)', 'B D E', 'Ana Ruiz']])
    expectGivenBack(state, withItems())
    const accepted = settled(state, true)
    expect(shape(accepted)).toEqual(shape(state))
    expect(pending(accepted)).toEqual([])
  })

  it('takes a nested item with items of its own out in two steps; readers and rejecting keep every item where it was', () => {
    /** A with B, D (with E in it) in it, then C. */
    const start = body(bullets(item('A', bullets(item('B'), item('D', bullets(item('E'))))), item('C')))
    const state = suggestAt(suggestAt(start, 'B', shiftTab), 'B', shiftTab)
    expect(shape(state)).toEqual(['listItem>p A', 'p B', 'listItem>p D', 'listItem>p E', 'listItem>p C'])
    expect(pending(state)).toEqual([['block', 'Paragraph (was bulleted list, moved 1 level out)', 'B D', 'Ana Ruiz']])
    expectGivenBack(state, start)
    expect(shape(settled(state, true))).toEqual(shape(state))
  })

  it('withdraws one’s own asked back (the item into the list, its items into it); someone else cannot', () => {
    const start = body(bullets(item('A'), item('B', bullets(item('D'), item('E')))))
    const state = suggestAt(start, 'B', shiftTab)
    const back = suggest(caretIn(state, 'B'), ana, intoList)
    expect(pending(back)).toEqual([['block', 'Bulleted list (moved 1 level out)', 'D E', 'Ana Ruiz']])
    expect(json(suggest(caretIn(back, 'D', 'E'), ana, tab))).toEqual(json(start))
    const atB = caretIn(state, 'B')
    expect(suggestTransaction(atB, intoList(atB), ben, now, newId)).toBeNull()
  })
})

describe('an item taken out of a list in a block quote altogether', () => {
  /** A quote of A (with B and D in it), then C. */
  const quoted = () => body(quote(bullets(item('A', bullets(item('B'), item('D'))), item('C'))))

  it('is one suggestion; readers keep it nested in the quote; rejected, it is back; accepted, it stays out', () => {
    const state = suggestAt(suggestAt(quoted(), 'B', shiftTab), 'B', shiftTab)
    expect(shape(state)).toEqual(['listItem>p A', 'blockquote>p B', 'listItem>p D', 'listItem>p C'])
    expect(pending(state)).toEqual([['block', 'Paragraph (was bulleted list, moved 1 level out)', 'B D', 'Ana Ruiz']])
    expectGivenBack(state, quoted())
    const accepted = settled(state, true)
    expect(shape(accepted)).toEqual(shape(state))
    expect(pending(accepted)).toEqual([])
  })

  it('withdraws one’s own asked back into the list and to its level', () => {
    const start = body(quote(bullets(item('A', bullets(item('B'))))))
    const state = suggestAt(suggestAt(start, 'B', shiftTab), 'B', shiftTab)
    expect(json(suggestAt(suggestAt(state, 'B', intoList), 'B', tab))).toEqual(json(start))
  })

  it('counts the levels of one in a quote inside a list item from that item', () => {
    /** X holding a quote of A (with P and B in it), then C. */
    const words = { type: 'paragraph', content: [{ type: 'text', text: 'X' }] }
    const start = body(bullets({ type: 'listItem', content: [words, quote(bullets(item('A', bullets(item('P'), item('B'))), item('C')))] }))
    const state = suggestAt(suggestAt(start, 'B', shiftTab), 'B', shiftTab)
    expect(pending(state)).toEqual([['block', 'Paragraph (was bulleted list, moved 1 level out)', 'B', 'Ana Ruiz']])
    expectGivenBack(state, start)
  })
})

describe('a list made the other kind while its item is suggested nested', () => {
  const twoItems = () => body(bullets(item('A'), item('B')))
  const nestedNumbered = () => suggestAt(suggestAt(twoItems(), 'B', tab), 'B', numbered)

  it('is one suggestion of both; readers keep the item in its bulleted list; rejected, it is back; accepted, it stays', () => {
    const state = nestedNumbered()
    expect(shape(state)).toEqual(['listItem>p A', 'listItem>p B'])
    expect(state.doc.firstChild?.firstChild?.lastChild?.type).toBe(orderedList)
    expect(pending(state)).toEqual([['block', 'Numbered list, level 2 (was bulleted list, nested 1 level in)', 'B', 'Ana Ruiz']])
    expectGivenBack(state, twoItems())
    const accepted = settled(state, true)
    expect(shape(accepted)).toEqual(['listItem>p A', 'listItem>p B'])
    expect(accepted.doc.firstChild?.firstChild?.lastChild?.type).toBe(orderedList)
    expect(pending(accepted)).toEqual([])
  })

  it('withdraws one’s own taken back out a level; with another item in the list, both are given back', () => {
    expect(json(suggestAt(nestedNumbered(), 'B', shiftTab))).toEqual(json(twoItems()))
    const start = body(bullets(item('A', bullets(item('X'))), item('B')))
    const state = suggestAt(suggestAt(start, 'B', tab), 'B', numbered)
    expect(pending(state).map(([, block, text]) => `${block} “${text}”`)).toEqual([
      'Numbered list, level 2 (was bulleted list) “X”',
      'Numbered list, level 2 (was bulleted list, nested 1 level in) “B”',
    ])
    expectGivenBack(state, start)
  })
})
