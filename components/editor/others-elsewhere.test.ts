import { getSchema } from '@tiptap/core'
import { EditorState, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { beforeAll, describe, expect, it } from 'vitest'
import { storyExtensions } from '@/lib/story-schema/extensions'
import { loadCollabBinding } from './collab-binding'
import { leavesSelectionAlone } from './others-elsewhere'

const schema = getSchema(storyExtensions)
const caretsKey = new PluginKey('carets')
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
// "Rain falls." is 1 to 12, "Roads flood." 14 to 26.
const doc = schema.nodeFromJSON({ type: 'doc', content: [paragraph('Rain falls.'), paragraph('Roads flood.')] })
const withCaret = (at: number) => EditorState.create({ doc, selection: TextSelection.create(doc, at) })
/** Another person's change as the shared document's binding brings it. */
const fromOthers = (transaction: Transaction) => transaction.setMeta(ySyncPluginKey, { isChangeOrigin: true }).scrollIntoView()
const leavesAlone = (state: EditorState, transaction: Transaction) =>
  leavesSelectionAlone(transaction, state, state.apply(transaction), caretsKey)

describe("others' news that leaves this person's selection alone", () => {
  beforeAll(async () => {
    await loadCollabBinding()
  })

  it('is their words typed after the caret, in its paragraph or a later one', () => {
    const state = withCaret(5)
    expect(leavesAlone(state, fromOthers(state.tr.insertText('!', 12)))).toBe(true)
    expect(leavesAlone(state, fromOthers(state.tr.insertText('Heavy ', 14)))).toBe(true)
  })

  it('is not their words before the caret or at it, nor this person’s own typing after it', () => {
    const state = withCaret(14)
    expect(leavesAlone(state, fromOthers(state.tr.insertText('!', 12)))).toBe(false)
    expect(leavesAlone(state, fromOthers(state.tr.insertText('Heavy ', 14)))).toBe(false)
    expect(leavesAlone(state, state.tr.insertText('?', 26))).toBe(false)
  })

  it('is not their change after the caret when it drops the marks this person was about to type with', () => {
    const state = withCaret(5)
    const bold = state.apply(state.tr.addStoredMark(schema.mark('bold')))
    expect(leavesAlone(bold, fromOthers(bold.tr.insertText('!', 26)))).toBe(false)
  })

  it('is their carets drawn again, unless the transaction also moves the selection', () => {
    const state = withCaret(5)
    expect(leavesAlone(state, state.tr.setMeta(caretsKey, { awarenessUpdated: true }))).toBe(true)
    expect(leavesAlone(state, state.tr.setMeta(caretsKey, { awarenessUpdated: true }).setSelection(TextSelection.create(doc, 3)))).toBe(
      false,
    )
    expect(leavesAlone(state, state.tr.setMeta('addToHistory', false))).toBe(false)
  })
})
