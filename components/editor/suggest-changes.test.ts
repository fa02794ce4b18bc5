import { EditorState, TextSelection } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import type { RichTextDoc } from '@/db/schema'
import { storySchema } from '@/lib/rich-text-repair'
import { forReaders, pendingSuggestions } from '@/lib/story-schema/suggestions'
import { plainText } from '@/lib/rich-text-plain'
import { settleSuggestions, suggestTransaction } from './suggest-changes'

const ana = { id: 7, name: 'Ana Ruiz' }
const ben = { id: 8, name: 'Ben Ode' }
const now = new Date('2026-12-06T14:05:00.000Z')

function stateOf(words: string): EditorState {
  const doc = storySchema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] })
  return EditorState.create({ schema: storySchema, doc })
}

let counter = 0
const newId = () => `s${++counter}`

/** Applies an edit made by `edit` on `state` as a suggestion by `who`. */
function suggest(state: EditorState, who: typeof ana, edit: (state: EditorState) => ReturnType<EditorState['tr']['insertText']>) {
  const tr = suggestTransaction(state, edit(state), who, now, newId)
  if (!tr) throw new Error('refused')
  return state.apply(tr)
}

const json = (state: EditorState) => state.doc.toJSON() as RichTextDoc
const desk = (state: EditorState) => state.doc.textContent
const readers = (state: EditorState) => plainText(forReaders(json(state)))

describe('suggestion mode', () => {
  it('turns typed words into one insertion that readers do not see', () => {
    let state = stateOf('The ferry left.')
    state = suggest(state, ana, (s) => s.tr.insertText('o', 10))
    state = suggest(state, ana, (s) => s.tr.insertText('k ', s.selection.from))
    expect(desk(state)).toBe('The ferryok  left.')
    expect(readers(state)).toBe('The ferry left.')
    expect(pendingSuggestions(json(state))).toEqual([
      { id: expect.any(String), authorId: 7, authorName: 'Ana Ruiz', at: now.toISOString(), kind: 'insertion', text: 'ok ' },
    ])
  })

  it('keeps deleted words, struck, until accepted, and removes one’s own insertion outright', () => {
    let state = stateOf('one two')
    state = suggest(state, ana, (s) => s.tr.delete(4, 8))
    expect(desk(state)).toBe('one two')
    expect(readers(state)).toBe('one two')
    expect(pendingSuggestions(json(state)).map((one) => [one.kind, one.text])).toEqual([['deletion', ' two']])
    state = suggest(state, ana, (s) => s.tr.insertText('!', 8))
    state = suggest(state, ana, (s) => s.tr.delete(8, 9))
    expect(desk(state)).toBe('one two')
    expect(pendingSuggestions(json(state))).toHaveLength(1)
  })

  it('marks someone else’s insertion for deletion instead of removing it', () => {
    let state = suggest(stateOf('ab'), ana, (s) => s.tr.insertText('X', 2))
    state = suggest(state, ben, (s) => s.tr.delete(2, 3))
    expect(desk(state)).toBe('aXb')
    expect(pendingSuggestions(json(state)).map((one) => [one.kind, one.authorName])).toEqual([
      ['insertion', 'Ana Ruiz'],
      ['deletion', 'Ben Ode'],
    ])
  })

  it('replaces selected words with a deletion followed by an insertion', () => {
    const start = stateOf('left at nine')
    const selected = start.apply(start.tr.setSelection(TextSelection.create(start.doc, 9, 13)))
    const state = suggest(selected, ana, (s) => s.tr.insertText('ten'))
    expect(desk(state)).toBe('left at nineten')
    expect(readers(state)).toBe('left at nine')
  })

  it('refuses an edit that is not words in one paragraph, such as a new paragraph', () => {
    const state = stateOf('one two')
    expect(suggestTransaction(state, state.tr.split(4), ana, now, newId)).toBeNull()
  })
})

describe('accepting and rejecting', () => {
  const pending = () => {
    let state = stateOf('at nine')
    state = suggest(state, ana, (s) => s.tr.delete(4, 8))
    return suggest(state, ana, (s) => s.tr.insertText('ten', 8))
  }
  const ids = (state: EditorState) => pendingSuggestions(json(state)).map((one) => one.id)

  it('accepts an insertion and a deletion: readers get the new words', () => {
    const state = pending()
    const after = state.apply(settleSuggestions(state, null, true))
    expect(desk(after)).toBe('at ten')
    expect(ids(after)).toEqual([])
  })

  it('rejects all: the words are as they were', () => {
    const state = pending()
    const after = state.apply(settleSuggestions(state, null, false))
    expect(desk(after)).toBe('at nine')
    expect(ids(after)).toEqual([])
  })

  it('settles one suggestion and leaves the other pending', () => {
    const state = pending()
    const [deletionId, insertionId] = ids(state)
    const after = state.apply(settleSuggestions(state, [deletionId ?? ''], false))
    expect(desk(after)).toBe('at nineten')
    expect(ids(after)).toEqual([insertionId])
  })
})
