import { joinBackward, lift, wrapIn } from '@tiptap/pm/commands'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type EditorState, NodeSelection } from '@tiptap/pm/state'
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import { describe, expect, it } from 'vitest'
import { asEditorJson, storySchema } from '@/lib/rich-text-repair'
import { renderRichText, sanitizeDoc } from '@/lib/rich-text'
import { storyExtensions } from '@/lib/story-schema/extensions'
import { toFigureAttributes } from '@/lib/story-schema/nodes/figure'
import { insertBlockAtom } from '@/lib/story-schema/nodes/insert-block-atom'
import { forReaders, pendingSuggestions } from '@/lib/story-schema/suggestions'
import { settlesOthers } from '@/lib/suggestion-settling'
import { ana, ben, caretAt, json, keyed, newId, now, readers, stateOf, stateOfJson, suggest } from '@/test/suggesting'
import { settleSuggestions, suggestTransaction } from './suggest-changes'

const { blockquote, horizontalRule, figure } = storySchema.nodes
const settled = (state: EditorState, accept: boolean) => state.apply(settleSuggestions(state, null, accept))
const pending = (state: EditorState) => pendingSuggestions(json(state)).map((one) => [one.kind, one.block, one.text, one.authorName])
const asReaders = (state: EditorState) => storySchema.nodeFromJSON(forReaders(json(state)))
const blocks = (state: EditorState) => {
  const found: string[] = []
  state.doc.forEach((node) => found.push(`${node.type.name}${node.attrs.suggested ? `(${node.attrs.suggested})` : ''}`))
  return found
}
/** "Fares rise." then "Buses too.": the second paragraph starts at 13. */
const two = () => stateOf('Fares rise.', 'Buses too.')
const withRule = () =>
  stateOfJson({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Fares rise.' }] },
      { type: 'horizontalRule' },
      { type: 'paragraph', content: [{ type: 'text', text: 'Buses too.' }] },
    ],
  })

describe('horizontal rules suggested in or out', () => {
  const insertRule = (state: EditorState) => state.tr.insert(13, horizontalRule!.create())

  it('shows a rule inserted in the suggester’s colour; readers do not get it until accepted; rejected, it goes', () => {
    const state = suggest(two(), ana, insertRule)
    expect(blocks(state)).toEqual(['paragraph', 'horizontalRule(insertion)', 'paragraph'])
    expect(pending(state)).toEqual([['block', 'New horizontal rule', '', 'Ana Ruiz']])
    expect(forReaders(json(state))).toEqual(json(two()))
    expect(renderToHTMLString({ content: json(state), extensions: storyExtensions })).toMatch(
      /<hr class="suggestion suggested-whole suggested-whole-insertion suggestion-colour-\d" data-suggestion="s\d+" title="New horizontal rule suggested by Ana Ruiz, 6 Dec 2026, \d\d:\d\d"\/?>/,
    )
    expect(blocks(settled(state, true))).toEqual(['paragraph', 'horizontalRule', 'paragraph'])
    expect(pending(settled(state, true))).toEqual([])
    expect(json(settled(state, false))).toEqual(json(two()))
  })

  it('reads a rule nobody suggested as it was saved, with no attributes, and keeps a suggested one’s', () => {
    const savedRule = { type: 'horizontalRule' }
    expect(asEditorJson({ type: 'doc', content: [savedRule] })).toEqual({ type: 'doc', content: [savedRule] })
    const suggested = json(suggest(two(), ana, insertRule))
    expect(asEditorJson(suggested)).toEqual(suggested)
  })

  it('takes a rule put in at a paragraph’s end, as the toolbar does, and one in its words as splitting them (suggest-split-blocks.test.ts)', () => {
    const atEnd = suggest(two(), ana, (s) => s.tr.replaceWith(12, 12, horizontalRule!.create()))
    expect(blocks(atEnd)).toEqual(['paragraph', 'horizontalRule(insertion)', 'paragraph'])
    expect(readers(atEnd)).toBe(readers(two()))
    const inWords = suggest(two(), ana, (s) => s.tr.replaceWith(6, 6, horizontalRule!.create()))
    expect(blocks(inWords)).toEqual(['paragraph', 'horizontalRule(insertion)', 'paragraph', 'paragraph'])
    expect(readers(inWords)).toBe(readers(two()))
  })

  it('keeps a rule deleted (selected, or Backspace after it), struck, until accepted; one’s own inserted rule deleted goes', () => {
    const start = withRule()
    const selected = start.apply(start.tr.setSelection(NodeSelection.create(start.doc, 13)))
    const deleted = suggest(selected, ben, (s) => s.tr.deleteSelection())
    const backspaced = suggest(caretAt(withRule(), 15), ben, keyed(joinBackward))
    for (const state of [deleted, backspaced]) {
      expect(blocks(state)).toEqual(['paragraph', 'horizontalRule(deletion)', 'paragraph'])
      expect(pending(state)).toEqual([['block', 'No horizontal rule', '', 'Ben Ode']])
      expect(asReaders(state).eq(withRule().doc)).toBe(true)
      expect(renderRichText(json(state))).toBe('<p>Fares rise.</p><hr/><p>Buses too.</p>')
      expect(json(settled(state, true))).toEqual(json(two()))
      expect(json(settled(state, false))).toEqual(json(withRule()))
    }
    const inserted = suggest(two(), ana, insertRule)
    expect(json(suggest(caretAt(inserted, 15), ana, keyed(joinBackward)))).toEqual(json(two()))
    expect(suggestTransaction(caretAt(inserted, 15), keyed(joinBackward)(caretAt(inserted, 15)), ben, now, newId)).toBeNull()
  })
})

describe('block quotes suggested on or off', () => {
  const quote = keyed(wrapIn(blockquote!))
  const quoted = () => caretAt(two(), 14).apply(quote(caretAt(two(), 14)))

  it('puts a quote around a paragraph as a suggestion; readers get the paragraph; rejected, it is a paragraph again', () => {
    const state = suggest(caretAt(two(), 14), ana, quote)
    expect(blocks(state)).toEqual(['paragraph', 'blockquote(insertion)'])
    expect(pending(state)).toEqual([['block', 'New block quote', 'Buses too.', 'Ana Ruiz']])
    expect(forReaders(json(state))).toEqual(json(two()))
    expect(renderRichText(json(state))).toBe('<p>Fares rise.</p><p>Buses too.</p>')
    expect(renderToHTMLString({ content: json(state), extensions: storyExtensions })).toMatch(
      /<blockquote class="suggestion suggested-whole suggested-whole-insertion suggestion-colour-\d" data-suggestion="s\d+" title="New block quote suggested by Ana Ruiz, /,
    )
    expect(blocks(settled(state, true))).toEqual(['paragraph', 'blockquote'])
    expect(json(settled(state, false))).toEqual(json(two()))
  })

  it('keeps a quote taken off until accepted; one’s own quote taken off is withdrawn; someone else’s is not taken off', () => {
    const state = suggest(caretAt(quoted(), 15), ben, keyed(lift))
    expect(blocks(state)).toEqual(['paragraph', 'blockquote(deletion)'])
    expect(pending(state)).toEqual([['block', 'No block quote', 'Buses too.', 'Ben Ode']])
    expect(asReaders(state).eq(quoted().doc)).toBe(true)
    expect(json(settled(state, true))).toEqual(json(two()))
    expect(json(settled(state, false))).toEqual(json(quoted()))
    const anas = suggest(caretAt(two(), 14), ana, quote)
    expect(json(suggest(caretAt(anas, 15), ana, keyed(lift)))).toEqual(json(two()))
    expect(suggestTransaction(caretAt(anas, 15), keyed(lift)(caretAt(anas, 15)), ben, now, newId)).toBeNull()
  })

  it('counts someone else’s quote taken off outside suggestion mode as settling it, and keeps it through the sanitizer', () => {
    const state = suggest(caretAt(two(), 14), ana, quote)
    const removed = caretAt(state, 15).apply(keyed(lift)(caretAt(state, 15)))
    expect(settlesOthers(ben.id, json(state), json(removed))).toBe(true)
    expect(settlesOthers(ana.id, json(state), json(removed))).toBe(false)
    expect(storySchema.nodeFromJSON(json(state)).eq(state.doc)).toBe(true)
  })
})

describe('figures and embeds suggested in or out', () => {
  const photo = { src: '/media/1/ferry.jpg', alt: 'The ferry at the pier', caption: 'The new ferry', credit: 'Ana Ruiz' }
  const mapUrl = 'https://www.openstreetmap.org/?mlat=51.5&mlon=-0.1#map=15/51.5/-0.1'
  const figureNode = () => figure!.create(photo)
  /** Inserts `node` at `position` as the toolbar's Figure and Embed forms do. */
  const viaToolbar = (node: () => ProseMirrorNode, position: number) => (state: EditorState) => {
    const tr = caretAt(state, position).tr
    insertBlockAtom({ tr, dispatch: () => undefined }, node())
    return tr
  }
  const withEmbed = () =>
    stateOfJson({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Fares rise.' }] },
        { type: 'embed', attrs: { url: mapUrl, provider: 'openstreetmap', caption: 'Where the ferry lands' } },
        { type: 'paragraph', content: [{ type: 'text', text: 'Buses too.' }] },
      ],
    })
  const selectedAt = (state: EditorState, position: number) => state.apply(state.tr.setSelection(NodeSelection.create(state.doc, position)))

  it('shows a figure inserted at a paragraph’s end in the suggester’s colour; readers do not get it until accepted; rejected, it goes', () => {
    const state = suggest(two(), ana, viaToolbar(figureNode, 12))
    expect(blocks(state)).toEqual(['paragraph', 'figure(insertion)', 'paragraph'])
    expect(pending(state)).toEqual([['block', 'New figure', 'The new ferry', 'Ana Ruiz']])
    expect(forReaders(json(state))).toEqual(json(two()))
    expect(renderRichText(json(state))).toBe('<p>Fares rise.</p><p>Buses too.</p>')
    expect(readers(state)).toBe(readers(two()))
    expect(renderToHTMLString({ content: json(state), extensions: storyExtensions })).toMatch(
      /<figure class="figure figure-photo suggestion suggested-whole suggested-whole-insertion suggestion-colour-\d" data-suggestion="s\d+" title="New figure suggested by Ana Ruiz, 6 Dec 2026, \d\d:\d\d"><img src="\/media\/1\/ferry.jpg"/,
    )
    const accepted = settled(state, true)
    expect(asEditorJson(json(accepted)).content?.[1]).toEqual({ type: 'figure', attrs: toFigureAttributes(photo) })
    expect(renderRichText(json(accepted))).toContain('<figcaption><span class="caption">The new ferry</span>')
    expect(json(settled(state, false))).toEqual(json(two()))
  })

  it('takes a figure in a paragraph’s words as splitting them, and refuses someone else’s suggested figure deleted', () => {
    expect(blocks(suggest(two(), ana, viaToolbar(figureNode, 6)))).toEqual(['paragraph', 'figure(insertion)', 'paragraph', 'paragraph'])
    const anas = suggest(two(), ana, viaToolbar(figureNode, 12))
    expect(suggestTransaction(selectedAt(anas, 13), selectedAt(anas, 13).tr.deleteSelection(), ben, now, newId)).toBeNull()
    expect(json(suggest(selectedAt(anas, 13), ana, (s) => s.tr.deleteSelection()))).toEqual(json(two()))
  })

  it('keeps an embed deleted, struck, until accepted: readers still get it; rejected, it is as it was', () => {
    const state = suggest(selectedAt(withEmbed(), 13), ben, (s) => s.tr.deleteSelection())
    expect(blocks(state)).toEqual(['paragraph', 'embed(deletion)', 'paragraph'])
    expect(pending(state)).toEqual([['block', 'No embed', 'Where the ferry lands', 'Ben Ode']])
    expect(asReaders(state).eq(withEmbed().doc)).toBe(true)
    expect(renderRichText(json(state))).toBe(renderRichText(json(withEmbed())))
    expect(renderToHTMLString({ content: json(state), extensions: storyExtensions })).toMatch(
      /<figure class="embed embed-openstreetmap suggestion suggested-whole suggested-whole-deletion suggestion-colour-\d" data-suggestion="s\d+" title="No embed suggested by Ben Ode, /,
    )
    expect(json(settled(state, true))).toEqual(json(two()))
    expect(json(settled(state, false))).toEqual(json(withEmbed()))
  })

  it('keeps a figure’s or embed’s suggestion through the sanitizer, and drops one without its author', () => {
    // As stored: without the attributes of a caption or image change (lib/story-schema/attr-changes.ts) the editor holds as null.
    const figured = asEditorJson(json(suggest(two(), ana, viaToolbar(figureNode, 12))))
    const unembedded = asEditorJson(json(suggest(selectedAt(withEmbed(), 13), ben, (s) => s.tr.deleteSelection())))
    for (const body of [figured, unembedded]) expect(sanitizeDoc(body)).toMatchObject({ ok: true, doc: asEditorJson(body), changed: false })
    const forged = { type: 'doc', content: [{ type: 'figure', attrs: { ...photo, suggested: 'insertion', id: 'x1' } }] }
    expect(sanitizeDoc(forged)).toMatchObject({ ok: true, doc: { content: [{ type: 'figure', attrs: toFigureAttributes(photo) }] } })
  })
})
