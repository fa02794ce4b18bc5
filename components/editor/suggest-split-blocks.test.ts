import { joinBackward, lift, wrapIn } from '@tiptap/pm/commands'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type EditorState, NodeSelection } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import type { RichTextNode } from '@/db/schema'
import { asEditorJson, storySchema } from '@/lib/rich-text-repair'
import { renderRichText, sanitizeDoc } from '@/lib/rich-text'
import { insertBlockAtom } from '@/lib/story-schema/nodes/insert-block-atom'
import { forReaders, pendingSuggestions } from '@/lib/story-schema/suggestions'
import { settlesOthers } from '@/lib/suggestion-settling'
import { ana, ben, caretAt, json, keyed, newId, now, selecting, stateOf, stateOfJson, suggest } from '@/test/suggesting'
import { settleSuggestions, suggestTransaction } from './suggest-changes'

const { blockquote, horizontalRule, figure } = storySchema.nodes
const settled = (state: EditorState, accept: boolean) => state.apply(settleSuggestions(state, null, accept))
const pending = (state: EditorState) => pendingSuggestions(json(state)).map((one) => [one.block, one.text, one.authorName])
const asReaders = (state: EditorState) => storySchema.nodeFromJSON(forReaders(json(state)))
/** Each top block: its type, and what is suggested of it (and which neighbours it was split from). */
const blocks = (state: EditorState) => {
  const found: string[] = []
  state.doc.forEach(({ type, attrs }) =>
    found.push(`${type.name}${attrs.suggested ? `(${[attrs.suggested, attrs.joins].filter(Boolean).join(' ')})` : ''}`),
  )
  return found
}
const texts = (state: EditorState) => {
  const found: string[] = []
  state.doc.forEach((node) => found.push(node.textContent))
  return found
}
const selectedAt = (state: EditorState, position: number) => state.apply(state.tr.setSelection(NodeSelection.create(state.doc, position)))

/** "Fares rise." then "Buses too.": the caret after "Fares" is at 6. */
const two = () => stateOf('Fares rise.', 'Buses too.')
const rule = (state: EditorState) => state.tr.replaceSelectionWith(horizontalRule!.create())
/** Inserts `node` at the caret as the toolbar's Figure and Embed forms do. */
const viaToolbar = (node: () => ProseMirrorNode) => (state: EditorState) => {
  const tr = state.tr
  insertBlockAtom({ tr, dispatch: () => undefined }, node())
  return tr
}
const figureNode = () => figure!.create({ src: '/media/1/ferry.jpg', alt: 'The ferry', caption: 'The new ferry' })

describe('a rule, figure or embed suggested in the middle of a paragraph’s words', () => {
  it('splits the paragraph at once around the rule, listed as one suggestion; readers get the paragraph whole; accepted, it stays split', () => {
    const state = suggest(caretAt(two(), 6), ana, rule)
    expect(blocks(state)).toEqual(['paragraph', 'horizontalRule(insertion both)', 'paragraph', 'paragraph'])
    expect(texts(state)).toEqual(['Fares', '', ' rise.', 'Buses too.'])
    expect(pending(state)).toEqual([['New horizontal rule (splitting a paragraph)', '', 'Ana Ruiz']])
    expect(forReaders(json(state))).toEqual(json(two()))
    expect(renderRichText(json(state))).toBe('<p>Fares rise.</p><p>Buses too.</p>')
    const accepted = settled(state, true)
    expect(blocks(accepted)).toEqual(['paragraph', 'horizontalRule', 'paragraph', 'paragraph'])
    expect(pending(accepted)).toEqual([])
    expect(json(settled(state, false))).toEqual(json(two()))
  })

  it('takes a figure put in the middle of words through the toolbar’s form the same way', () => {
    const state = suggest(caretAt(two(), 6), ana, viaToolbar(figureNode))
    expect(blocks(state)).toEqual(['paragraph', 'figure(insertion both)', 'paragraph', 'paragraph'])
    expect(pending(state)).toEqual([['New figure (splitting a paragraph)', 'The new ferry', 'Ana Ruiz']])
    expect(forReaders(json(state))).toEqual(json(two()))
    expect(json(settled(state, false))).toEqual(json(two()))
  })

  it('withdraws one’s own (selected and deleted, or Backspace after it), the paragraph whole again; someone else’s is not taken out', () => {
    const own = suggest(caretAt(two(), 6), ana, rule)
    expect(json(suggest(selectedAt(own, 7), ana, (s) => s.tr.deleteSelection()))).toEqual(json(two()))
    expect(json(suggest(caretAt(own, 9), ana, keyed(joinBackward)))).toEqual(json(two()))
    expect(suggestTransaction(caretAt(own, 9), keyed(joinBackward)(caretAt(own, 9)), ben, now, newId)).toBeNull()
  })

  it('refuses a rule put over selected words, two blocks at once in words, or a rule in words with more besides', () => {
    expect(suggestTransaction(two(), rule(selecting(two(), 3, 9)), ana, now, newId)).toBeNull()
    const twice = rule(caretAt(two(), 6))
    twice.insert(7, horizontalRule!.create())
    expect(suggestTransaction(two(), twice, ana, now, newId)).toBeNull()
    const more = rule(caretAt(two(), 6))
    more.insert(more.doc.content.size, storySchema.nodes.paragraph!.create())
    expect(suggestTransaction(two(), more, ana, now, newId)).toBeNull()
  })

  it('keeps the rule’s split through the sanitizer, and joins for readers only paragraphs of one form', () => {
    const body = json(suggest(caretAt(two(), 6), ana, rule))
    expect(sanitizeDoc(body)).toMatchObject({ ok: true, doc: asEditorJson(body), changed: false })
    const content = body.content ?? []
    const heading: RichTextNode = { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: ' rise.' }] }
    const beforeHeading = forReaders({ ...body, content: [content[0]!, content[1]!, heading] })
    expect(beforeHeading.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'Fares' }] }, heading])
  })
})

describe('part of a block quote taken off', () => {
  const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
  /** One quote of four paragraphs, naming the mayor: their words start at 2, 8, 14 and 22. */
  const quote = () =>
    stateOfJson({
      type: 'doc',
      content: [{ type: 'blockquote', attrs: { attribution: 'Mayor' }, content: ['One.', 'Two.', 'Three.', 'Four.'].map(paragraph) }],
    })
  const takeOff = (from: number, to: number) => (state: EditorState) => keyed(lift)(selecting(state, from, to))

  it('splits the quote into the parts kept and the part taken off, listed once; readers get one quote; rejected, it is one quote again', () => {
    const state = suggest(quote(), ben, takeOff(8, 16))
    expect(blocks(state)).toEqual(['blockquote', 'blockquote(deletion both)', 'blockquote'])
    expect(pending(state)).toEqual([['No block quote (on part of the quote)', 'Two.Three.', 'Ben Ode']])
    expect(asReaders(state).eq(quote().doc)).toBe(true)
    expect(renderRichText(json(state))).toBe(renderRichText(json(quote())))
    expect(json(settled(state, false))).toEqual(json(quote()))
    const accepted = settled(state, true)
    expect(blocks(accepted)).toEqual(['blockquote', 'paragraph', 'paragraph', 'blockquote'])
    expect(accepted.doc.lastChild?.attrs.attribution).toBe('Mayor')
  })

  it('takes off a quote’s first or last paragraphs the same way', () => {
    const head = suggest(quote(), ben, takeOff(2, 8))
    const tail = suggest(quote(), ben, takeOff(14, 22))
    expect(blocks(head)).toEqual(['blockquote(deletion after)', 'blockquote'])
    expect(blocks(tail)).toEqual(['blockquote', 'blockquote(deletion before)'])
    for (const state of [head, tail]) {
      expect(asReaders(state).eq(quote().doc)).toBe(true)
      expect(json(settled(state, false))).toEqual(json(quote()))
    }
    expect(blocks(settled(head, true))).toEqual(['paragraph', 'paragraph', 'blockquote'])
  })

  it('joins the parts back naming the source the last part names, for readers and when rejected', () => {
    const split = suggest(quote(), ben, takeOff(8, 16))
    const renamed = split.apply(
      split.tr.setNodeAttribute(split.doc.child(0).nodeSize + split.doc.child(1).nodeSize, 'attribution', 'The mayor'),
    )
    expect(forReaders(json(renamed)).content?.[0]?.attrs?.attribution).toBe('The mayor')
    expect(settled(renamed, false).doc.firstChild?.attrs.attribution).toBe('The mayor')
    expect(settled(renamed, false).doc.childCount).toBe(1)
  })

  it('lets one’s own new quote lose a part for good, and refuses a part of someone else’s, of a part taken off, or beside one', () => {
    const anas = suggest(selecting(two(), 2, 16), ana, keyed(wrapIn(blockquote!)))
    expect(blocks(suggest(anas, ana, takeOff(16, 16)))).toEqual(['blockquote(insertion)', 'paragraph'])
    expect(suggestTransaction(anas, takeOff(16, 16)(anas), ben, now, newId)).toBeNull()
    const part = suggest(quote(), ben, takeOff(8, 8))
    expect(blocks(part)).toEqual(['blockquote', 'blockquote(deletion both)', 'blockquote'])
    const inPart = selecting(suggest(quote(), ben, takeOff(8, 16)), 11, 11)
    expect(inPart.selection.$from.parent.textContent).toBe('Two.')
    expect(suggestTransaction(inPart, keyed(lift)(inPart), ana, now, newId)).toBeNull()
    const beside = selecting(part, 18, 18)
    expect(beside.selection.$from.parent.textContent).toBe('Three.')
    expect(suggestTransaction(beside, keyed(lift)(beside), ana, now, newId)).toBeNull()
  })

  it('counts someone else’s part joined back outside suggestion mode as settling it', () => {
    const state = suggest(quote(), ben, takeOff(8, 16))
    expect(settlesOthers(ana.id, json(state), json(settled(state, false)))).toBe(true)
    expect(settlesOthers(ben.id, json(state), json(settled(state, false)))).toBe(false)
    expect(storySchema.nodeFromJSON(json(state)).eq(state.doc)).toBe(true)
  })
})
