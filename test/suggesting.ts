import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type Command, EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { suggestTransaction } from '@/components/editor/suggest-changes'
import type { RichTextDoc, RichTextNode } from '@/db/schema'
import { storySchema } from '@/lib/rich-text-repair'
import { plainText } from '@/lib/rich-text-plain'
import { forReaders, pendingSuggestions } from '@/lib/story-schema/suggestions'

// Suggestion mode on an editor state, for the tests of components/editor/suggest-*.ts: two people
// who suggest, bodies to suggest on, and how the desk and readers see the result.

export const ana = { id: 7, name: 'Ana Ruiz' }
export const ben = { id: 8, name: 'Ben Ode' }
export const now = new Date('2026-12-06T14:05:00.000Z')

/** A body of these paragraphs, the caret at the start. */
export function stateOf(...paragraphs: string[]): EditorState {
  const content = paragraphs.map((words) => ({ type: 'paragraph', content: [{ type: 'text', text: words }] }))
  return stateOfJson({ type: 'doc', content })
}

/** A body of this JSON, the caret at the start. */
export function stateOfJson(doc: RichTextDoc): EditorState {
  return EditorState.create({ schema: storySchema, doc: storySchema.nodeFromJSON(doc) })
}

export const paragraph = (text: string): RichTextNode => ({ type: 'paragraph', content: [{ type: 'text', text }] })
export const heading = (text: string, level = 2): RichTextNode => ({ type: 'heading', attrs: { level }, content: [{ type: 'text', text }] })

export const caretAt = (state: EditorState, position: number) =>
  state.apply(state.tr.setSelection(TextSelection.create(state.doc, position)))

/** `state` with the words from `from` to `to` selected. */
export const selecting = (state: EditorState, from: number, to: number) =>
  state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)))

/** The transaction a command makes (Enter splits, Backspace and Delete join; lists wrap and lift). */
export function keyed(command: Command) {
  return (state: EditorState): Transaction => {
    const made: Transaction[] = []
    command(state, (tr) => made.push(tr))
    const [tr] = made
    if (!tr) throw new Error('the command did nothing')
    return tr
  }
}

let counter = 0
export const newId = () => `s${++counter}`

/** Applies an edit made by `edit` on `state` as a suggestion by `who`. */
export function suggest(state: EditorState, who: typeof ana, edit: (state: EditorState) => Transaction) {
  const tr = suggestTransaction(state, edit(state), who, now, newId)
  if (!tr) throw new Error('refused')
  return state.apply(tr)
}

export const json = (state: EditorState) => state.doc.toJSON() as RichTextDoc
/** The ids of the suggestions `who` has pending in the story. */
export const idsOf = (state: EditorState, who: typeof ana) => [
  ...new Set(
    pendingSuggestions(json(state))
      .filter((one) => one.authorId === who.id)
      .map((one) => one.id),
  ),
]
export const desk = (state: EditorState) => state.doc.textContent
export const readers = (state: EditorState) => plainText(forReaders(json(state)))

/** The story's blocks as text: each textblock's type and words, each other block's type and what it holds. */
export const shape = (node: ProseMirrorNode): string =>
  node.isTextblock ? `${node.type.name} “${node.textContent}”` : `${node.type.name} [${node.children.map(shape).join(', ')}]`

/** The position at the start of the first `words` in the story, or just after them (`after`). */
export function at(state: EditorState, words: string, after = false): number {
  let found: number | null = null
  state.doc.descendants((node, position) => {
    const index = found === null && node.isText ? (node.text ?? '').indexOf(words) : -1
    if (index >= 0) found = position + index + (after ? words.length : 0)
    return found === null
  })
  if (found === null) throw new Error(`no “${words}” in the story`)
  return found
}
