import { deleteSelection, joinForward } from '@tiptap/pm/commands'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import type { RichTextNode } from '@/db/schema'
import { renderRichText } from '@/lib/rich-text'
import { pendingSuggestions } from '@/lib/story-schema/suggestions'
import {
  ana,
  at,
  ben,
  heading,
  idsOf,
  json,
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

// Ranges from a block's very start while suggesting. Words typed over one into a block of another
// form (a paragraph into a heading, a heading into a paragraph, a list item or a quote; an item into
// a heading is in suggest-range-nested.test.ts): the editor keeps the first block's form with the
// words typed at its start, and so does the suggestion once accepted. Deleted up to an empty
// block: the editor takes the blocks before it whole and leaves it, and so does the suggestion.

const item = (text: string): RichTextNode => ({ type: 'listItem', content: [paragraph(text)] })
const bullets = (...texts: string[]): RichTextNode => ({ type: 'bulletList', content: texts.map(item) })
const quote = (text: string): RichTextNode => ({ type: 'blockquote', content: [paragraph(text)] })
const empty = (type: 'paragraph' | 'heading'): RichTextNode => (type === 'heading' ? { type, attrs: { level: 2 } } : { type })
const story = (...content: RichTextNode[]) => stateOfJson({ type: 'doc', content })

const typed = (state: EditorState) => state.tr.insertText('x')
const deleted = keyed(deleteSelection)
const settled = (state: EditorState, accept: boolean) => state.apply(settleSuggestions(state, null, accept))
const pending = (state: EditorState) => pendingSuggestions(json(state)).map((one) => [one.kind, one.text])

/** The position inside the story's textblock `index` (counted from 0), at its start. */
function blockStart(state: EditorState, index: number): number {
  const starts: number[] = []
  state.doc.descendants((node, position) => {
    if (node.isTextblock) starts.push(position + 1)
    return !node.isTextblock
  })
  const found = starts[index]
  if (found === undefined) throw new Error(`no block ${index} in the story`)
  return found
}

/** `edit` (by default "x" typed) over `from` to `to`: as the editor makes it, and as Ana's suggestion (which must not be refused). */
function edited(start: EditorState, from: number, to: number, edit: (state: EditorState) => Transaction = typed) {
  const selected = start.apply(start.tr.setSelection(TextSelection.create(start.doc, from, to)))
  const suggestion = suggestTransaction(selected, edit(selected), ana, now, newId)
  if (!suggestion) throw new Error('refused')
  return { editors: selected.apply(edit(selected)).doc, state: selected.apply(suggestion) }
}

/** Readers see `start` while the suggestion is pending; accepted, it is what the editor made (`shape`); rejected, `start` again. */
function settlesAsTheEditor(start: EditorState, { editors, state }: { editors: ProseMirrorNode; state: EditorState }, expected: string) {
  expect(readers(state)).toBe(readers(start))
  const accepted = settled(state, true).doc
  expect(shape(accepted)).toBe(expected)
  expect(accepted.eq(editors)).toBe(true)
  expect(settled(state, false).doc.eq(start.doc)).toBe(true)
}

describe('words typed over a range from a block’s very start into a block of another form while suggesting', () => {
  it('from a paragraph’s start into a heading’s words: the typed words lead the paragraph; accepted, it takes the rest of the heading’s words and stays a paragraph', () => {
    const start = story(paragraph('Fares rise.'), heading('Works'), paragraph('Buses too.'))
    const { editors, state } = edited(start, at(start, 'Fares'), at(start, 'Wo', true))
    expect(shape(state.doc)).toBe('doc [paragraph “xFares rise.”, heading “Works”, paragraph “Buses too.”]')
    expect(pending(state)).toEqual([
      ['insertion', 'x'],
      ['deletion', 'Fares rise.¶Wo'],
    ])
    expect(new Set(pendingSuggestions(json(state)).map((one) => one.id)).size).toBe(2)
    expect(readers(state)).toBe(readers(start))
    expect(renderRichText(json(state))).toBe(renderRichText(json(start)))
    const accepted = settled(state, true).doc
    expect(shape(accepted)).toBe('doc [paragraph “xrks”, paragraph “Buses too.”]')
    expect(accepted.eq(editors)).toBe(true)
    expect(settled(state, false).doc.eq(start.doc)).toBe(true)
  })

  it('from a heading’s start into the paragraph after it, or all of it: accepted, a heading of the typed words and what is left', () => {
    const start = story(paragraph('Fares rise.'), heading('Works'), paragraph('Buses too.'))
    for (const [to, accepted] of [
      [at(start, 'Buses'), 'heading “xBuses too.”'],
      [at(start, 'Bus', true), 'heading “xes too.”'],
      [at(start, 'too.', true), 'heading “x”'],
    ] as const) {
      const { editors, state } = edited(start, at(start, 'Works'), to)
      expect([state.doc.child(1).type.name, state.doc.child(1).textContent]).toEqual(['heading', 'xWorks'])
      expect(pending(state)[0]).toEqual(['insertion', 'x'])
      expect(readers(state)).toBe(readers(start))
      expect(shape(settled(state, true).doc)).toBe(`doc [paragraph “Fares rise.”, ${accepted}]`)
      expect(settled(state, true).doc.eq(editors)).toBe(true)
      expect(settled(state, false).doc.eq(start.doc)).toBe(true)
    }
  })

  it('from a heading’s start into one of another level: accepted, the first level stays', () => {
    const start = story(heading('Works'), paragraph('Buses too.'), heading('Later', 3))
    const { editors, state } = edited(start, at(start, 'Works'), at(start, 'La', true))
    expect(readers(state)).toBe(readers(start))
    const accepted = settled(state, true).doc
    expect([accepted.childCount, accepted.child(0).attrs.level, accepted.child(0).textContent]).toEqual([1, 2, 'xter'])
    expect(accepted.eq(editors)).toBe(true)
    expect(settled(state, false).doc.eq(start.doc)).toBe(true)
  })

  it('from a heading’s start into a list item or a quote: accepted, the heading takes the rest of their words and what is emptied goes', () => {
    const start = story(heading('Works'), bullets('One', 'Two'), quote('Go on.'))
    for (const [words, accepted] of [
      ['O', 'doc [heading “xne”, bulletList [listItem [paragraph “Two”]], blockquote [paragraph “Go on.”]]'],
      ['Tw', 'doc [heading “xo”, blockquote [paragraph “Go on.”]]'],
      ['Go', 'doc [heading “x on.”]'],
    ] as const) {
      const { editors, state } = edited(start, at(start, 'Works'), at(start, words, true))
      expect(readers(state)).toBe(readers(start))
      expect(renderRichText(json(state))).toBe(renderRichText(json(start)))
      expect(shape(settled(state, true).doc)).toBe(accepted)
      expect(settled(state, true).doc.eq(editors)).toBe(true)
      expect(settled(state, false).doc.eq(start.doc)).toBe(true)
    }
  })
})

describe('words deleted from a block’s very start up to an empty block while suggesting', () => {
  it('from a paragraph’s start to an empty subheading: accepted, the paragraph goes and the empty subheading stays', () => {
    const start = story(paragraph('Fares rise.'), empty('heading'), paragraph('Buses too.'))
    const { editors, state } = edited(start, blockStart(start, 0), blockStart(start, 1), deleted)
    expect(pending(state)).toEqual([['deletion', 'Fares rise.¶']])
    settlesAsTheEditor(start, { editors, state }, 'doc [heading “”, paragraph “Buses too.”]')
  })

  it('from a heading’s start to an empty item after another: accepted, the heading and the first item go and the empty item stays', () => {
    const start = story(heading('Works'), {
      type: 'bulletList',
      content: [item('One'), { type: 'listItem', content: [empty('paragraph')] }],
    })
    const { editors, state } = edited(start, blockStart(start, 0), blockStart(start, 2), deleted)
    settlesAsTheEditor(start, { editors, state }, 'doc [bulletList [listItem [paragraph “”]]]')
  })

  it('Delete in an empty subheading before an empty paragraph: accepted, the subheading goes and the paragraph stays, as in the editor', () => {
    const start = story(paragraph('Fares rise.'), empty('heading'), empty('paragraph'), paragraph('Buses too.'))
    const { editors, state } = edited(start, blockStart(start, 1), blockStart(start, 1), keyed(joinForward))
    settlesAsTheEditor(start, { editors, state }, 'doc [paragraph “Fares rise.”, paragraph “”, paragraph “Buses too.”]')
  })
})

describe('a range from a block’s very start into a last block that begins with someone else’s struck words', () => {
  it('into an item’s words after Ben’s struck ones: accepted with his, as the editor deletes once his are accepted', () => {
    const start = story(heading('Works'), bullets('One', 'Two more'), paragraph('Buses too.'))
    const bens = suggest(selecting(start, at(start, 'Two'), at(start, 'Two ', true)), ben, deleted)
    const { state } = edited(bens, at(bens, 'Works'), at(bens, 'mo', true), deleted)
    expect(readers(state)).toBe(readers(start))
    const bensAccepted = settled(bens, true)
    const editors = selecting(bensAccepted, at(bensAccepted, 'Works'), at(bensAccepted, 'mo', true))
    expect(settled(state, true).doc.eq(editors.apply(deleted(editors)).doc)).toBe(true)
    expect(state.apply(settleSuggestions(state, idsOf(state, ana), false)).doc.eq(bens.doc)).toBe(true)
  })

  it('over all of it is refused: the block would keep only his words, its form hanging on how they are settled', () => {
    const start = story(paragraph('Fares rise.'), heading('Works'), paragraph('Buses too.'))
    const bens = suggest(selecting(start, at(start, 'Buses'), at(start, 'Buses ', true)), ben, deleted)
    const selected = selecting(bens, at(bens, 'Works'), at(bens, 'too.', true))
    expect(suggestTransaction(selected, deleted(selected), ana, now, newId)).toBeNull()
  })
})
