import { getSchema } from '@tiptap/core'
import { EditorState, NodeSelection, TextSelection } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { storyExtensions } from '@/lib/story-schema/extensions'
import { movedCaret } from './caret-before-others'

const schema = getSchema(storyExtensions)
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
// "Rain falls." is 1 to 12, "Roads flood." 14 to 26.
const doc = schema.nodeFromJSON({ type: 'doc', content: [paragraph('Rain falls.'), paragraph('Roads flood.')] })
const withCaret = (anchor: number, head = anchor) => EditorState.create({ doc, selection: TextSelection.create(doc, anchor, head) })

describe('the caret the editor takes from the browser', () => {
  it('is where the browser shows it when the editor holds another one', () => {
    expect(movedCaret(withCaret(1), 12, 12)?.toJSON()).toEqual({ type: 'text', anchor: 12, head: 12 })
    expect(movedCaret(withCaret(12), 14, 26)?.toJSON()).toEqual({ type: 'text', anchor: 14, head: 26 })
  })

  it('is none when the editor holds it already', () => {
    expect(movedCaret(withCaret(12), 12, 12)).toBeNull()
    expect(movedCaret(withCaret(14, 26), 14, 26)).toBeNull()
  })

  it('is at the start of the next paragraph for a place between two', () => {
    expect(movedCaret(withCaret(1), 13, 13)?.toJSON()).toEqual({ type: 'text', anchor: 14, head: 14 })
    expect(movedCaret(withCaret(14), 13, 13)).toBeNull()
  })

  it('is none while the editor holds no text caret, or the browser shows a place outside the body', () => {
    const paragraphSelected = EditorState.create({ doc, selection: NodeSelection.create(doc, 0) })
    expect(movedCaret(paragraphSelected, 5, 5)).toBeNull()
    expect(movedCaret(withCaret(1), -1, -1)).toBeNull()
  })
})
