import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { storySchema } from '@/lib/rich-text-repair'
import { settlesOthersSuggestion } from './settle-guard'

const writerId = 3
const editorId = 2
const attrsOf = (authorId: number, id: string) => ({ id, authorId, authorName: `Person ${authorId}`, at: '2026-12-06T09:00:00.000Z' })

/** "Fares rise by [a third]." in one paragraph, "a third" suggested by `authorId`: it runs from position 15 to 22. */
function stateWith(authorId: number): EditorState {
  const doc = storySchema.nodeFromJSON({
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Fares rise by ' },
          { type: 'text', text: 'a third', marks: [{ type: 'insertion', attrs: attrsOf(authorId, 's1') }] },
          { type: 'text', text: '.' },
        ],
      },
    ],
  })
  return EditorState.create({ schema: storySchema, doc })
}

describe('the desk’s editor, for someone who may not review', () => {
  it('does not make an edit that accepts, rejects or rewords someone else’s suggestion', () => {
    const state = stateWith(editorId)
    expect(settlesOthersSuggestion(state.tr.removeMark(15, 22, storySchema.marks.insertion), writerId)).toBe(true)
    expect(settlesOthersSuggestion(state.tr.delete(15, 22), writerId)).toBe(true)
    expect(settlesOthersSuggestion(state.tr.insertText('x', 17), writerId)).toBe(true)
  })

  it('makes edits beside it, and lets the person settle their own', () => {
    expect(settlesOthersSuggestion(stateWith(editorId).tr.insertText('Ferry ', 1), writerId)).toBe(false)
    expect(settlesOthersSuggestion(stateWith(editorId).tr.insertText(' at last', 23), writerId)).toBe(false)
    expect(settlesOthersSuggestion(stateWith(writerId).tr.delete(15, 22), writerId)).toBe(false)
  })
})
