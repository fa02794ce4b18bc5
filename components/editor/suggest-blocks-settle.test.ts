import type { EditorState, Transaction } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import type { RichTextNode } from '@/db/schema'
import { ana, newId, now, stateOfJson } from '@/test/suggesting'
import { bullets, caretIn, expectSettles, intoList, item, shiftTab, tab } from '@/test/suggesting-lists'
import { suggestTransaction } from './suggest-changes'

// Runs of Tab, Shift-Tab and Bulleted list found settling wrong (by random runs of them): each
// gives back its story rejected and for readers, and the editor's own result accepted.

const body = (...content: RichTextNode[]) => stateOfJson({ type: 'doc', content })
const numbers = (...items: RichTextNode[]): RichTextNode => ({ type: 'orderedList', content: items })

type Press = [edit: (state: EditorState) => Transaction, text: string]

/** `presses` as Ana's suggestions on `start` (null once one is refused), and as the editor makes them. */
function pressed(start: EditorState, presses: Press[]): { state: EditorState | null; made: EditorState } {
  let state: EditorState | null = start
  let made = start
  for (const [edit, text] of presses) {
    made = caretIn(made, text).apply(edit(caretIn(made, text)))
    if (!state) continue
    const at = caretIn(state, text)
    const suggested = suggestTransaction(at, edit(at), ana, now, newId)
    state = suggested ? at.apply(suggested) : null
  }
  return { state, made }
}

describe('an item taken out into a numbered list its own item carried out of its list', () => {
  it('goes back into the item it was in, as a bulleted item again, rejected', () => {
    const start = body(bullets(item('A'), item('B', numbers(item('C', bullets(item('G'))), item('D'))), item('E')))
    const { state, made } = pressed(start, [
      [shiftTab, 'B'],
      [shiftTab, 'G'],
    ])
    expect(state).not.toBeNull()
    if (state) expectSettles(state, start, made)
  })
})

describe('a run of moves rejecting could not undo', () => {
  /** Whether `last`, after `presses` (each a suggestion that settles right), is refused as a suggestion. */
  function isRefusedAfter(start: EditorState, presses: Press[], [edit, text]: Press): boolean {
    const { state, made } = pressed(start, presses)
    expect(state).not.toBeNull()
    if (!state) return false
    expectSettles(state, start, made)
    const at = caretIn(state, text)
    return suggestTransaction(at, edit(at), ana, now, newId) === null
  }

  it('is refused: four nestings in a three-level list, the last an item into the item that came out two levels', () => {
    const start = body(bullets(item('A', bullets(item('B', bullets(item('C'), item('F'))), item('D'))), item('E')))
    const presses: Press[] = [
      [shiftTab, 'B'],
      [tab, 'D'],
      [shiftTab, 'C'],
    ]
    expect(isRefusedAfter(start, presses, [tab, 'E'])).toBe(true)
  })

  it('is refused: an item taken out of a list beside another of its kind, which rejecting would join to it', () => {
    const start = body(bullets(item('A')), bullets(item('E')))
    expect(isRefusedAfter(start, [], [shiftTab, 'E'])).toBe(true)
  })

  it('is refused: Bulleted list on an item taken out of its list, whose list then stays apart from the list after', () => {
    // The toolbar joins the new item's list to one list on each side, as the editor does: the list
    // after its own items stays apart, where rejecting would give back one list.
    const start = body(bullets(item('A', bullets(item('B'), item('D'))), item('E')))
    expect(isRefusedAfter(start, [[shiftTab, 'A']], [intoList, 'A'])).toBe(true)
  })
})

describe('items nested one into the other, then the item after them into the first', () => {
  it('is back in its list for readers: the item taken out joins the list it takes as its own', () => {
    const start = body(bullets(item('A'), item('B'), item('C'), item('D'), item('E')))
    const { state, made } = pressed(start, [
      [tab, 'D'],
      [tab, 'C'],
      [tab, 'B'],
      [tab, 'E'],
    ])
    expect(state).not.toBeNull()
    if (state) expectSettles(state, start, made)
  })
})

describe('an item taken out of a numbered list and put into the bulleted list after it', () => {
  it('alone goes back to the numbered list, rejected: the items it joined stay bulleted', () => {
    const start = body(numbers(item('A'), item('E')), bullets(item('F')))
    const { state, made } = pressed(start, [
      [shiftTab, 'E'],
      [intoList, 'E'],
    ])
    expect(state).not.toBeNull()
    if (state) expectSettles(state, start, made)
  })
})
