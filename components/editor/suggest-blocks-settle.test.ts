import type { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import type { RichTextNode } from '@/db/schema'
import { ana, idsOf, json, newId, now, paragraph, stateOfJson } from '@/test/suggesting'
import {
  type Press,
  bullets,
  caretIn,
  expectSettles,
  intoList,
  intoNumbers,
  item,
  pressed,
  settled,
  shiftTab,
  tab,
} from '@/test/suggesting-lists'
import { settleSuggestions, suggestTransaction } from './suggest-changes'

// Runs of Tab, Shift-Tab and Bulleted list found settling wrong (by random runs of them): each
// gives back its story rejected and for readers, and the editor's own result accepted.

const body = (...content: RichTextNode[]) => stateOfJson({ type: 'doc', content })
const numbers = (...items: RichTextNode[]): RichTextNode => ({ type: 'orderedList', content: items })

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

  it('is refused: an item taken out of a list whose item was taken out a level, rejected alone first, could not go back into it', () => {
    // B rejected before A, A out of the list: there is no item before B to nest it in.
    const start = body(paragraph('P'), bullets(item('A', bullets(item('B'))), item('C')))
    expect(isRefusedAfter(start, [[shiftTab, 'B']], [shiftTab, 'A'])).toBe(true)
  })

  it('is refused: an item taken out a level holding an item suggested nested in it, which, rejected alone first, would go back in with it', () => {
    // D rejected first goes out of C, or stays in it: either way C, going back into B, gets it wrong.
    const start = body(bullets(item('A'), item('B', bullets(item('C'), item('D'))), item('E')), paragraph('P'))
    expect(isRefusedAfter(start, [[intoList, 'D']], [shiftTab, 'C'])).toBe(true)
  })

  it('is refused: an item nested in a paragraph suggested into the list, when rejecting would take an item it holds made numbered out of every list', () => {
    const start = body(bullets(item('A')), paragraph('P'), bullets(item('B'), item('C')))
    const presses: Press[] = [
      [intoNumbers, 'C'],
      [intoList, 'P'],
    ]
    expect(isRefusedAfter(start, presses, [tab, 'B'])).toBe(true)
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

describe('one of the suggestions among nested items rejected before the others', () => {
  /** Each of `state`'s suggestions rejected alone first, then the others: each time, the story `start` again. */
  function expectEachFirstGivesBack(state: EditorState, start: EditorState) {
    const ids = idsOf(state, ana)
    expect(ids.length).toBeGreaterThan(1)
    for (const id of ids) {
      const first = state.apply(settleSuggestions(state, [id], false))
      expect(json(settled(first, false)), `${id} rejected first`).toEqual(json(start))
    }
  }

  it('an item nested in an item nested after it goes back to its own level, not into that item', () => {
    const start = body(bullets(item('A'), item('B'), item('C'), item('D'), item('E')))
    const { state } = pressed(start, [
      [tab, 'B'],
      [shiftTab, 'A'],
      [tab, 'E'],
      [tab, 'D'],
    ])
    expect(state).not.toBeNull()
    if (!state) return
    // E's Tab alone rejected, the others accepted: E is back beside C, D nested in C as suggested.
    const [, , tabE] = idsOf(state, ana)
    const first = state.apply(settleSuggestions(state, tabE ? [tabE] : [], false))
    const others = body(paragraph('A'), bullets(item('B')), bullets(item('C', bullets(item('D'))), item('E')))
    expect(json(settled(first, true))).toEqual(json(others))
    expectEachFirstGivesBack(state, start)
  })

  it('an item taken out of its list goes back alone before the item it carried out, moved since: the items after that one go back into it', () => {
    const start = body(bullets(item('A', bullets(item('B', bullets(item('C'), item('F'))), item('D'))), item('E')))
    const { state, made } = pressed(start, [
      [shiftTab, 'A'],
      [shiftTab, 'C'],
    ])
    expect(state).not.toBeNull()
    if (!state) return
    expectSettles(state, start, made)
    // A's Shift-Tab alone rejected: the story as if only C's Shift-Tab had been made, D back in A.
    const [shiftTabA] = idsOf(state, ana)
    const first = state.apply(settleSuggestions(state, shiftTabA ? [shiftTabA] : [], false))
    const onlyC = body(bullets(item('A', bullets(item('B'), item('C', bullets(item('F'))), item('D'))), item('E')))
    expect(json(settled(first, true))).toEqual(json(onlyC))
    expectEachFirstGivesBack(state, start)
  })

  it('an item taken out of its list goes back alone before an item of its numbered list taken out of the bulleted one it carried', () => {
    const start = body(bullets(item('A'), item('B', numbers(item('C', bullets(item('G'))), item('D'))), item('E')))
    const { state } = pressed(start, [
      [shiftTab, 'B'],
      [shiftTab, 'G'],
    ])
    expect(state).not.toBeNull()
    if (state) expectEachFirstGivesBack(state, start)
  })

  it('an item taken out a level, and the item it took as its own nested since, go back alone before the item taken out that holds them', () => {
    const start = body(bullets(item('A', bullets(item('B', bullets(item('C'), item('F'))), item('D'))), item('E')))
    const { state } = pressed(start, [
      [shiftTab, 'B'],
      [tab, 'D'],
      [shiftTab, 'C'],
    ])
    expect(state).not.toBeNull()
    if (state) expectEachFirstGivesBack(state, start)
  })

  it('an item put into a numbered list before the item it is in goes back with its own levels alone', () => {
    const start = body(bullets(item('A'), item('B', bullets(item('C'), item('D'))), item('E')), paragraph('P'))
    const { state } = pressed(start, [
      [intoNumbers, 'D'],
      [intoNumbers, 'B'],
    ])
    expect(state).not.toBeNull()
    if (state) expectEachFirstGivesBack(state, start)
  })
})
