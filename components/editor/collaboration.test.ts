import { getSchema } from '@tiptap/core'
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { EditorView } from '@tiptap/pm/view'
import { prosemirrorJSONToYXmlFragment, yCursorPlugin, yCursorPluginKey, ySyncPlugin, ySyncPluginKey } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { storyExtensions } from '@/lib/story-schema/extensions'
import { loadCollabBinding } from './collab-binding'
import { drawsCaretsOf, othersChangesOnly } from './collaboration'
import { keptMarks } from './kept-marks'
import { isSelectionLeftAlone, othersElsewhere } from './others-elsewhere'

describe('the awareness the caret plugin sees', () => {
  it("tells of the others' carets moving, not of one's own moving with each key", () => {
    const mine = new Awareness(new Y.Doc())
    const theirs = new Awareness(new Y.Doc())
    const seen: number[][] = []
    const listener = ({ added, updated }: { added: number[]; updated: number[] }) => seen.push([...added, ...updated])
    const view = othersChangesOnly(mine)
    view.on('change', listener)

    mine.setLocalStateField('cursor', { anchor: 1, head: 1 })
    mine.setLocalStateField('cursor', { anchor: 2, head: 2 })
    expect(seen).toEqual([])

    theirs.setLocalStateField('cursor', { anchor: 5, head: 5 })
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote')
    expect(seen).toEqual([[theirs.clientID]])
    expect(view.getStates().get(theirs.clientID)).toEqual({ cursor: { anchor: 5, head: 5 } })

    view.off('change', listener)
    theirs.setLocalStateField('cursor', { anchor: 6, head: 6 })
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote')
    expect(seen).toHaveLength(1)
    mine.destroy()
    theirs.destroy()
  })
})

describe("the others' carets redrawn", () => {
  const schema = getSchema(storyExtensions)

  /** This person's body bound to its document, with the others' carets: a state moved on by the binding as a view would be. */
  function boundBody() {
    const doc = new Y.Doc()
    const awareness = new Awareness(doc)
    // The binding needs only a view's state and dispatch here: a view without a DOM.
    const view: EditorView = Object.create(EditorView.prototype)
    view.state = EditorState.create({
      schema,
      plugins: [ySyncPlugin(doc.getXmlFragment('body')), yCursorPlugin(awareness), othersElsewhere(yCursorPluginKey), keptMarks()],
    })
    view.dispatch = (tr: Transaction) => {
      view.state = view.state.apply(tr)
    }
    view.hasFocus = () => false
    const binding = ySyncPluginKey.getState(view.state)?.binding
    if (!binding) throw new Error('The body is not bound.')
    binding.initView(view)
    binding._forceRerender()
    return { doc, awareness, view }
  }

  it('is skipped when a caret moved with the words another change already brought, and not otherwise', () => {
    const mine = boundBody()
    const other = new Y.Doc()
    const theirs = new Awareness(other)
    theirs.setLocalStateField('user', { name: 'Tomás', color: '#0b7285' })
    prosemirrorJSONToYXmlFragment(
      schema,
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Port' }] }] },
      other.getXmlFragment('body'),
    )
    const paragraph = other.getXmlFragment('body').get(0)
    if (!(paragraph instanceof Y.XmlElement)) throw new Error('No paragraph.')
    const text = paragraph.get(0)
    if (!(text instanceof Y.XmlText)) throw new Error('No text.')
    const sync = () => Y.applyUpdate(mine.doc, Y.encodeStateAsUpdate(other))
    const caretAt = (index: number, to = index) => {
      const position = (at: number) => Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, at))
      theirs.setLocalStateField('cursor', { anchor: position(index), head: position(to) })
      applyAwarenessUpdate(mine.awareness, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote')
    }
    const drawn = () => drawsCaretsOf(mine.view.state, mine.awareness, [theirs.clientID])
    const redraw = () => mine.view.dispatch(mine.view.state.tr.setMeta(yCursorPluginKey, { awarenessUpdated: true }))

    sync()
    caretAt(4)
    expect(drawn()).toBe(false)
    redraw()
    expect(drawn()).toBe(true)

    // They type a letter: their change redraws the carets, and their caret's move after it is already drawn.
    text.insert(4, 's')
    sync()
    caretAt(5)
    expect(drawn()).toBe(true)

    caretAt(1)
    expect(drawn()).toBe(false)
    redraw()
    expect(drawn()).toBe(true)

    caretAt(1, 3)
    expect(drawn()).toBe(false)
    redraw()
    expect(drawn()).toBe(false)

    theirs.setLocalStateField('cursor', null)
    applyAwarenessUpdate(mine.awareness, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote')
    redraw()
    expect(drawn()).toBe(true)
    theirs.destroy()
    mine.awareness.destroy()
  })

  /**
   * This person's bound body and another person's document holding the paragraph "Port", already
   * synced in: `typed` is the other's text to type into, `sync` brings their changes over.
   */
  async function typingTogether() {
    await loadCollabBinding()
    const mine = boundBody()
    const other = new Y.Doc()
    prosemirrorJSONToYXmlFragment(
      schema,
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Port' }] }] },
      other.getXmlFragment('body'),
    )
    const text = other.getXmlFragment('body').get(0)
    const typed = text instanceof Y.XmlElement ? text.get(0) : null
    if (!(typed instanceof Y.XmlText)) throw new Error('No text.')
    const sync = () => Y.applyUpdate(mine.doc, Y.encodeStateAsUpdate(other))
    sync()
    return { mine, typed, sync }
  }

  it("leave this person's selection alone when the others type after it, not before it", async () => {
    const { mine, typed, sync } = await typingTogether()
    mine.view.dispatch(mine.view.state.tr.setSelection(TextSelection.create(mine.view.state.doc, 3)))
    expect(isSelectionLeftAlone(mine.view.state)).toBe(false)

    typed.insert(4, 's')
    sync()
    expect([mine.view.state.doc.textContent, isSelectionLeftAlone(mine.view.state)]).toEqual(['Ports', true])
    mine.view.dispatch(mine.view.state.tr.setMeta(yCursorPluginKey, { awarenessUpdated: true }))
    expect(isSelectionLeftAlone(mine.view.state)).toBe(true)

    typed.insert(0, 'A ')
    sync()
    expect([mine.view.state.doc.textContent, mine.view.state.selection.from, isSelectionLeftAlone(mine.view.state)]).toEqual([
      'A Ports',
      5,
      false,
    ])
    mine.awareness.destroy()
  })

  it('keep the marks this person chose to type with, before or after the caret, until they move it', async () => {
    const { mine, typed, sync } = await typingTogether()
    const bold = [schema.mark('bold')]
    mine.view.dispatch(mine.view.state.tr.setSelection(TextSelection.create(mine.view.state.doc, 3)).setStoredMarks(bold))

    typed.insert(4, 's')
    sync()
    typed.insert(0, 'A ')
    sync()
    expect([mine.view.state.doc.textContent, mine.view.state.selection.from, mine.view.state.storedMarks]).toEqual(['A Ports', 5, bold])
    mine.view.dispatch(mine.view.state.tr.insertText('x'))
    expect(mine.view.state.doc.textContent).toBe('A Poxrts')
    expect(mine.view.state.doc.nodeAt(5)?.marks).toEqual(bold)

    mine.view.dispatch(mine.view.state.tr.setStoredMarks(bold).setSelection(TextSelection.create(mine.view.state.doc, 2)))
    expect(mine.view.state.storedMarks).toBeNull()
    mine.awareness.destroy()
  })

  it('is asked only for carets that moved, never for someone arriving or leaving', () => {
    const mine = new Awareness(new Y.Doc())
    const theirs = new Awareness(new Y.Doc())
    const asked: number[][] = []
    let seen = 0
    const view = othersChangesOnly(mine, (clients) => {
      asked.push(clients)
      return true
    })
    view.on('change', () => (seen += 1))
    const tell = () => applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote')

    theirs.setLocalStateField('cursor', { anchor: 1, head: 1 })
    tell()
    expect([asked, seen]).toEqual([[], 1])
    theirs.setLocalStateField('cursor', { anchor: 2, head: 2 })
    tell()
    expect([asked, seen]).toEqual([[[theirs.clientID]], 1])
    mine.destroy()
    theirs.destroy()
  })
})
