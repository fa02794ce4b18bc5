import type { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import type { RichTextNode } from '@/db/schema'
import { ana, idsOf, json, stateOfJson } from '@/test/suggesting'
import { type Press, bullets, expectSettles, intoList, intoNumbers, item, pressed, settled, shiftTab, tab } from '@/test/suggesting-lists'
import { settleSuggestions } from './suggest-changes'

// One suggestion among lists accepted alone before the others (or the others rejected first):
// the story is then the one the editor makes with only that suggestion's presses. Each run was
// found settling wrong by random runs of Tab, Shift-Tab and Bulleted list.

const body = (...content: RichTextNode[]) => stateOfJson({ type: 'doc', content })
const numbers = (...items: RichTextNode[]): RichTextNode => ({ type: 'orderedList', content: items })

/** `presses` suggested on `start`, settling right all together, and Ana's suggestions in the order of their words. */
function suggested(start: EditorState, presses: Press[]): { state: EditorState; ids: string[] } {
  const { state, made } = pressed(start, presses)
  if (!state) throw new Error('refused')
  expectSettles(state, start, made)
  return { state, ids: idsOf(state, ana) }
}

/** `state` with the suggestion `id` accepted alone, then the others rejected. */
const acceptedAlone = (state: EditorState, id: string | undefined) =>
  settled(state.apply(settleSuggestions(state, id ? [id] : [], true)), false)

/** `state` with the others than `id` rejected first, then `id` accepted. */
function othersRejected(state: EditorState, id: string | undefined) {
  const others = idsOf(state, ana).filter((one) => one !== id)
  return settled(state.apply(settleSuggestions(state, others, false)), true)
}

/** Both ways, `id` accepted alone and the others rejected give `only`: the story with its presses alone. */
function expectOnly(state: EditorState, id: string | undefined, only: EditorState) {
  expect(json(acceptedAlone(state, id))).toEqual(json(only))
  expect(json(othersRejected(state, id))).toEqual(json(only))
}

describe('an item taken out a level, then the item after it nested in it', () => {
  const start = body(bullets(item('A', bullets(item('B', bullets(item('C'), item('F'))), item('D'))), item('E')))
  const onlyF = pressed(start, [[shiftTab, 'F']]).made

  it('accepted alone, the item nested in it goes back beside it when its own move is rejected', () => {
    const { state, ids } = suggested(start, [
      [shiftTab, 'F'],
      [tab, 'D'],
    ])
    const [shiftTabF] = ids
    expectOnly(state, shiftTabF, onlyF)
  })
})

describe('an item nested, then an item of its own list made a bulleted item nested in the one before it', () => {
  const start = body(numbers(item('A'), item('B'), item('C', numbers(item('D'), item('E'))), item('F')))
  const onlyC = pressed(start, [[tab, 'C']]).made

  it('goes back into its numbered list in the item it moved with, the other rejected or accepted first', () => {
    const { state, ids } = suggested(start, [
      [tab, 'C'],
      [intoList, 'E'],
    ])
    const [tabC] = ids
    expectOnly(state, tabC, onlyC)
  })
})

describe('an item taken out of its list, then an item of the item it carried out taken out a level', () => {
  const start = body(bullets(item('A', bullets(item('B', bullets(item('C'), item('F'))), item('D'))), item('E')))
  const onlyC = pressed(start, [[shiftTab, 'C']]).made

  it('accepted alone, keeps the level it counted of the first: rejecting that one puts it back in that item', () => {
    const { state, ids } = suggested(start, [
      [shiftTab, 'A'],
      [shiftTab, 'C'],
    ])
    const [, shiftTabC] = ids
    expectOnly(state, shiftTabC, onlyC)
  })
})

describe('suggestions among lists rejected one at a time', () => {
  it('an item taken out twice, nested back between, gives back the story: the item it took as its own goes with it', () => {
    const start = body(bullets(item('A', bullets(item('B', bullets(item('C'), item('F'))), item('D'))), item('E')))
    const { state } = suggested(start, [
      [shiftTab, 'A'],
      [shiftTab, 'C'],
      [tab, 'C'],
      [shiftTab, 'C'],
    ])
    // A's Shift-Tab, then C's first (left on F, which C took as its own), then C's last.
    const [shiftTabA, lastShiftTabC, firstShiftTabC] = idsOf(state, ana)
    let rejected = state
    for (const id of [shiftTabA, firstShiftTabC, lastShiftTabC])
      rejected = rejected.apply(settleSuggestions(rejected, id ? [id] : [], false))
    expect(json(rejected)).toEqual(json(start))
  })

  it('an item taken out of a numbered list, then made bulleted, goes back numbered with the item it took as its own', () => {
    const start = body(numbers(item('A'), item('B'), item('C', numbers(item('D'), item('E'))), item('F')))
    const { state } = suggested(start, [
      [intoNumbers, 'C'],
      [shiftTab, 'D'],
      [intoList, 'D'],
    ])
    // C's Numbered list, then D's Shift-Tab (left on E, which D took as its own), then D's Bulleted list.
    const [numbersC, bulletedD, shiftTabD] = idsOf(state, ana)
    let rejected = state
    for (const id of [numbersC, shiftTabD, bulletedD]) rejected = rejected.apply(settleSuggestions(rejected, id ? [id] : [], false))
    expect(json(rejected)).toEqual(json(start))
  })
})
