import type { NodeType } from '@tiptap/pm/model'
import { liftListItem, sinkListItem, wrapInList } from '@tiptap/pm/schema-list'
import { type EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { expect } from 'vitest'
import { settleSuggestions, suggestTransaction } from '@/components/editor/suggest-changes'
import type { RichTextNode } from '@/db/schema'
import { renderRichText } from '@/lib/rich-text'
import { storySchema } from '@/lib/rich-text-repair'
import { forReaders, pendingSuggestions } from '@/lib/story-schema/suggestions'
import { ana, caretAt, json, keyed, newId, now } from './suggesting'

// Lists to suggest on, the keys that move their items, and how the desk and readers see their
// blocks, for the tests of components/editor/suggest-blocks.ts.

const { bulletList, listItem, orderedList } = storySchema.nodes

export const words = (text: string): RichTextNode[] => [{ type: 'text', text }]
export const bullets = (...items: RichTextNode[]): RichTextNode => ({ type: 'bulletList', content: items })
export const quote = (...content: RichTextNode[]): RichTextNode => ({ type: 'blockquote', content })
/** A list item of these words, and these lists of its own. */
export const item = (text: string, ...lists: RichTextNode[]): RichTextNode => ({
  type: 'listItem',
  content: [{ type: 'paragraph', content: words(text) }, ...lists],
})

export const tab = keyed(sinkListItem(listItem!))
export const shiftTab = keyed(liftListItem(listItem!))

/** Bulleted (or numbered) list on, as the toolbar does it: the new item joins the lists of its kind beside it. */
function intoListOf(list: NodeType) {
  return (state: EditorState): Transaction => {
    const tr = keyed(wrapInList(list))(state)
    const $item = tr.doc.resolve(tr.mapping.map(state.selection.from))
    const [start, end] = [$item.before($item.depth - 2), $item.after($item.depth - 2)]
    if (tr.doc.resolve(end).nodeAfter?.type === list) tr.join(end)
    return tr.doc.resolve(start).nodeBefore?.type === list ? tr.join(start) : tr
  }
}

export const intoList = intoListOf(bulletList!)
export const intoNumbers = intoListOf(orderedList!)

/** `state` with the caret at the end of the block of words `text` (to the end of `to`'s, if given). */
export function caretIn(state: EditorState, text: string, to?: string): EditorState {
  const ends = new Map<string, number>()
  state.doc.descendants((node, position) => {
    if (node.isTextblock) ends.set(node.textContent, position + 1 + node.content.size)
    return !node.isTextblock
  })
  const from = ends.get(text)
  const end = to === undefined ? from : ends.get(to)
  if (from === undefined || end === undefined) throw new Error(`no block “${text}”`)
  if (end === from) return caretAt(state, from)
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, end)))
}

/** The desk's blocks: "p", "h2", "bulletList>p"… each with its words. */
export function shape(state: EditorState | ReturnType<typeof storySchema.nodeFromJSON>): string[] {
  const doc = 'doc' in state ? state.doc : state
  const found: string[] = []
  doc.descendants((node, position) => {
    if (!node.isTextblock) return true
    const $at = doc.resolve(position)
    const around = $at.depth > 0 ? `${$at.parent.type.name}>` : ''
    const name = { heading: `h${node.attrs.level}`, paragraph: 'p' }[node.type.name] ?? node.type.name
    found.push(`${around}${name} ${node.textContent}`)
    return false
  })
  return found
}

export const forReadersShape = (state: EditorState) => shape(storySchema.nodeFromJSON(forReaders(json(state))))
/** `state` with all its suggestions accepted (or rejected). */
export const settled = (state: EditorState, accept: boolean) => state.apply(settleSuggestions(state, null, accept))
export const pending = (state: EditorState) => pendingSuggestions(json(state)).map((one) => [one.kind, one.block, one.text, one.authorName])

/** Accepted, `state` is `made` (the editor's own result); rejected and for readers, it is `start` (its stored body untouched). */
export function expectSettles(state: EditorState, start: EditorState, made: EditorState) {
  const stored = json(state)
  const copy = structuredClone(stored)
  expect(storySchema.nodeFromJSON(forReaders(stored)).toJSON()).toEqual(json(start))
  expect(renderRichText(stored)).toBe(renderRichText(json(start)))
  expect(stored).toEqual(copy)
  expect(json(settled(state, false))).toEqual(json(start))
  expect(json(settled(state, true))).toEqual(json(made))
}

export type Press = [edit: (state: EditorState) => Transaction, text: string]

/** `presses` as Ana's suggestions on `start` (null once one is refused), and as the editor makes them. */
export function pressed(start: EditorState, presses: Press[]): { state: EditorState | null; made: EditorState } {
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
