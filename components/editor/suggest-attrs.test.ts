import type { EditorState } from '@tiptap/pm/state'
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import { describe, expect, it } from 'vitest'
import type { RichTextDoc } from '@/db/schema'
import { asEditorJson, storySchema } from '@/lib/rich-text-repair'
import { renderRichText, sanitizeDoc } from '@/lib/rich-text'
import { storyExtensions } from '@/lib/story-schema/extensions'
import { toEmbedAttributes } from '@/lib/story-schema/nodes/embed'
import { toFigureAttributes } from '@/lib/story-schema/nodes/figure'
import { forReaders, pendingSuggestions } from '@/lib/story-schema/suggestions'
import { settlesOthers, settlingProblem } from '@/lib/suggestion-settling'
import { ana, ben, json, newId, now, stateOfJson, suggest } from '@/test/suggesting'
import { settleSuggestions, suggestTransaction } from './suggest-changes'

const photo = toFigureAttributes({ src: '/media/1/ferry.jpg', mediaId: 1, alt: 'The ferry', caption: 'The new ferry', credit: 'Ana Ruiz' })!
const mapUrl = 'https://www.openstreetmap.org/?mlat=51.5&mlon=-0.1#map=15/51.5/-0.1'
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
/** "Fares rise." (0–13), a figure at 13, an embed at 14, "Buses too.". */
const body = (figureAttrs: Record<string, unknown> = photo): RichTextDoc => ({
  type: 'doc',
  content: [
    paragraph('Fares rise.'),
    { type: 'figure', attrs: figureAttrs },
    { type: 'embed', attrs: toEmbedAttributes({ url: mapUrl, caption: 'Where it docks' })! },
    paragraph('Buses too.'),
  ],
})
const start = () => stateOfJson(body())
/** The edit the Figure and Embed forms make (`updateFigure`, `updateEmbed`): the block's attributes changed. */
const changed = (position: number, attrs: Record<string, unknown>) => (state: EditorState) =>
  state.tr.setNodeMarkup(position, undefined, { ...state.doc.nodeAt(position)!.attrs, ...attrs })
const pending = (state: EditorState) => pendingSuggestions(json(state)).map((one) => [one.block, one.text, one.authorName])
const settled = (state: EditorState, accept: boolean) => state.apply(settleSuggestions(state, null, accept))
const attrsAt = (state: EditorState, position: number) => state.doc.nodeAt(position)!.attrs

describe('a figure’s or embed’s words or image changed as a suggestion', () => {
  it('gives the figure its new caption at once, outlined in the suggester’s colour; readers get the old; accepted it stays, rejected it goes back', () => {
    const state = suggest(start(), ana, changed(13, { caption: 'The ferry at dawn', credit: 'Ben Ode' }))
    expect(attrsAt(state, 13)).toMatchObject({ caption: 'The ferry at dawn', wasCaption: 'The new ferry', wasCredit: 'Ana Ruiz' })
    expect(pending(state)).toEqual([['Figure changed: caption and credit', 'The ferry at dawn', 'Ana Ruiz']])
    expect(forReaders(json(state))).toEqual(body())
    expect(renderRichText(json(state))).toContain('The new ferry')
    expect(renderRichText(json(state))).not.toContain('at dawn')
    expect(renderToHTMLString({ content: json(state), extensions: storyExtensions })).toMatch(
      /<figure class="figure figure-photo suggestion suggested-attrs suggestion-colour-\d" data-media-id="1" data-suggestion="s\d+" title="New caption and credit suggested by Ana Ruiz, 6 Dec 2026, \d\d:\d\d">/,
    )
    const accepted = settled(state, true)
    expect(asEditorJson(json(accepted)).content?.[1]).toEqual({
      type: 'figure',
      attrs: { ...photo, caption: 'The ferry at dawn', credit: 'Ben Ode' },
    })
    expect(pending(accepted)).toEqual([])
    expect(asEditorJson(json(settled(state, false)))).toEqual(body())
  })

  it('records an image changed with all its parts, an image not in the library included, and gives readers the old image', () => {
    const state = suggest(start(), ana, changed(13, { src: 'https://example.com/pier.jpg', mediaId: null, width: 800, height: 600 }))
    expect(pending(state)).toEqual([['Figure changed: image', 'The new ferry', 'Ana Ruiz']])
    expect(forReaders(json(state)).content?.[1]).toEqual({ type: 'figure', attrs: photo })
    const back = suggest(start(), ana, changed(13, { src: '/media/2/pier.jpg', mediaId: 2 }))
    const again = suggest(back, ana, changed(13, { src: 'https://example.com/pier.jpg', mediaId: null }))
    expect(attrsAt(again, 13)).toMatchObject({ wasSrc: '/media/1/ferry.jpg', wasMediaId: 1 })
    expect(asEditorJson(json(settled(again, false)))).toEqual(body())
  })

  it('changes an embed’s address and caption as a suggestion; readers get the old address', () => {
    const state = suggest(start(), ben, changed(14, { url: 'https://vimeo.com/76979871', provider: 'vimeo' }))
    expect(pending(state)).toEqual([['Embed changed: address', 'Where it docks', 'Ben Ode']])
    expect(forReaders(json(state))).toEqual(body())
    expect(asEditorJson(json(settled(state, false)))).toEqual(body())
  })

  it('updates one’s own change keeping what it first had, withdraws it when the old values are asked back, and refuses someone else’s', () => {
    const once = suggest(start(), ana, changed(13, { caption: 'The ferry at dawn' }))
    const twice = suggest(once, ana, changed(13, { caption: 'The ferry at noon', credit: 'Ben Ode' }))
    expect(attrsAt(twice, 13)).toMatchObject({
      caption: 'The ferry at noon',
      wasCaption: 'The new ferry',
      changeId: attrsAt(once, 13).changeId,
    })
    expect(pending(twice)).toEqual([['Figure changed: caption and credit', 'The ferry at noon', 'Ana Ruiz']])
    const withdrawn = suggest(twice, ana, changed(13, { caption: 'The new ferry', credit: 'Ana Ruiz' }))
    expect(asEditorJson(json(withdrawn))).toEqual(body())
    expect(suggestTransaction(once, changed(13, { caption: 'Ben’s' })(once), ben, now, newId)).toBeNull()
  })

  it('lets one’s own suggested new figure just change, and refuses changing someone else’s new figure or one suggested out', () => {
    const anasNew = stateOfJson(
      body({ ...photo, suggested: 'insertion', id: 'n1', authorId: ana.id, authorName: ana.name, at: now.toISOString() }),
    )
    const edited = suggest(anasNew, ana, changed(13, { caption: 'The ferry at dawn' }))
    expect(attrsAt(edited, 13)).toMatchObject({ caption: 'The ferry at dawn', suggested: 'insertion', changeId: null, wasCaption: null })
    expect(suggestTransaction(anasNew, changed(13, { caption: 'x' })(anasNew), ben, now, newId)).toBeNull()
    const out = stateOfJson(
      body({ ...photo, suggested: 'deletion', id: 'd1', authorId: ben.id, authorName: ben.name, at: now.toISOString() }),
    )
    expect(suggestTransaction(out, changed(13, { caption: 'x' })(out), ben, now, newId)).toBeNull()
  })

  it('keeps the change through the sanitizer and drops a record without its author or with an image not shown', () => {
    const state = asEditorJson(
      json(suggest(start(), ana, changed(13, { caption: 'The ferry at dawn', src: '/media/2/pier.jpg', mediaId: null }))),
    )
    expect(sanitizeDoc(state)).toMatchObject({ ok: true, doc: asEditorJson(state), changed: false })
    expect(asEditorJson(storySchema.nodeFromJSON(state).toJSON() as RichTextDoc)).toEqual(state)
    const record = {
      caption: 'New',
      wasCaption: 'Old',
      changeId: 'c1',
      changeAuthorId: ana.id,
      changeAuthorName: ana.name,
      changeAt: now.toISOString(),
    }
    const nameless = { type: 'doc', content: [{ type: 'figure', attrs: { ...photo, ...record, changeAuthorName: '' } }] }
    expect(sanitizeDoc(nameless)).toMatchObject({ ok: true, doc: { content: [{ type: 'figure', attrs: { ...photo, caption: 'New' } }] } })
    const badImage = { type: 'doc', content: [{ type: 'figure', attrs: { ...photo, ...record, wasSrc: 'javascript:alert(1)' } }] }
    expect(sanitizeDoc(badImage)).toMatchObject({ ok: true, doc: { content: [{ type: 'figure', attrs: { ...photo, caption: 'New' } }] } })
  })

  it('counts someone else’s change accepted or rejected as settling it, and a change named for someone else as forged', () => {
    const state = suggest(start(), ana, changed(13, { caption: 'The ferry at dawn' }))
    for (const accept of [true, false]) {
      expect(settlesOthers(ben.id, json(state), json(settled(state, accept)))).toBe(true)
      expect(settlesOthers(ana.id, json(state), json(settled(state, accept)))).toBe(false)
    }
    const writer = { id: ben.id, role: 'writer' as const }
    expect(settlingProblem(writer, json(state), json(settled(state, false)))).toMatch(/someone else’s suggestion/)
    expect(settlingProblem(writer, json(start()), json(state))).toMatch(/carries your own name/)
    expect(settlingProblem({ id: ana.id, role: 'writer' }, json(start()), json(state))).toBeNull()
  })
})
