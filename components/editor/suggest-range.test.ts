import { deleteSelection, setBlockType } from '@tiptap/pm/commands'
import { type EditorState, NodeSelection, type Transaction } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { storySchema } from '@/lib/rich-text-repair'
import { renderRichText } from '@/lib/rich-text'
import { forReaders, pendingSuggestions } from '@/lib/story-schema/suggestions'
import { forgesAuthor, settlesOthers } from '@/lib/suggestion-settling'
import {
  ana,
  ben,
  caretAt,
  heading,
  json,
  keyed,
  newId,
  now,
  paragraph,
  readers,
  selecting,
  stateOf,
  stateOfJson,
  suggest,
} from '@/test/suggesting'
import { settleSuggestions, suggestTransaction } from './suggest-changes'

const settled = (state: EditorState, ids: string[] | null, accept: boolean) => state.apply(settleSuggestions(state, ids, accept))
const pending = (state: EditorState) =>
  pendingSuggestions(json(state)).map((one) => [one.kind, one.block ?? null, one.text, one.authorName])
const asReaders = (state: EditorState) => storySchema.nodeFromJSON(forReaders(json(state)))
const ids = (state: EditorState) => new Set(pendingSuggestions(json(state)).map((one) => one.id))
/** Each top block: its type and what is suggested of it, with its words (a suggested break as ¶). */
const blocks = (state: EditorState) => {
  const found: string[] = []
  state.doc.forEach(({ type, attrs, content }) => {
    const words = content.textBetween(0, content.size, '', (leaf) => (leaf.type.name === 'suggestedBreak' ? '¶' : ''))
    found.push(`${type.name}${attrs.suggested ? `(${attrs.suggested})` : ''}:${words}`)
  })
  return found
}
const selectedAt = (state: EditorState, position: number) => state.apply(state.tr.setSelection(NodeSelection.create(state.doc, position)))
/** Delete or Backspace (or a cut) over the selection. */
const deleted = keyed(deleteSelection)
/** What Delete from `from` to `to` as a suggestion by `who` makes: null when it is refused. */
const refused = (state: EditorState, from: number, to: number, who = ben) => {
  const selected = selecting(state, from, to)
  return suggestTransaction(selected, deleted(selected), who, now, newId)
}

const photo = { type: 'figure', attrs: { src: '/media/1/ferry.jpg', alt: 'The ferry', caption: 'The new ferry' } }
/** "Fares rise.", the subheading "Works", "Buses too.": the heading's words start at 14, the last paragraph's at 21. */
const subheaded = () => stateOfJson({ type: 'doc', content: [paragraph('Fares rise.'), heading('Works'), paragraph('Buses too.')] })
/** "Fares rise.", a figure, "Buses too.": the caret after "Fares" is at 6, the second paragraph's words start at 15. */
const withFigure = () => stateOfJson({ type: 'doc', content: [paragraph('Fares rise.'), photo, paragraph('Buses too.')] })

describe('words deleted across paragraphs while suggesting', () => {
  it('strikes the words and suggests the paragraphs joined, as one deletion readers do not see until accepted', () => {
    const start = stateOf('Fares rise.', 'Buses too.')
    // From after "Fares" to after "Bus": 6 to 17.
    const state = suggest(selecting(start, 6, 17), ana, deleted)
    expect(blocks(state)).toEqual(['paragraph:Fares rise.¶', 'paragraph:Buses too.'])
    expect(pending(state)).toEqual([['deletion', null, ' rise.¶Bus', 'Ana Ruiz']])
    expect(asReaders(state).eq(start.doc)).toBe(true)
    expect(state.selection.from).toBe(6)
    expect(blocks(settled(state, null, true))).toEqual(['paragraph:Fareses too.'])
    expect(json(settled(state, null, false))).toEqual(json(start))
  })

  it('suggests a figure between them out in the same suggestion; readers get the story as it was until it is accepted', () => {
    const start = withFigure()
    const state = suggest(selecting(start, 6, 18), ana, deleted)
    expect(blocks(state)).toEqual(['paragraph:Fares rise.¶', 'figure(deletion):', 'paragraph:Buses too.'])
    expect(pending(state)).toEqual([
      ['deletion', null, ' rise.¶Bus', 'Ana Ruiz'],
      ['block', 'No figure', 'The new ferry', 'Ana Ruiz'],
    ])
    expect(ids(state).size).toBe(1)
    expect(asReaders(state).eq(start.doc)).toBe(true)
    expect(renderRichText(json(state))).toBe(renderRichText(json(start)))
    expect(readers(state)).toBe(readers(start))
    expect(json(settled(state, null, false))).toEqual(json(start))
    expect(blocks(settled(state, null, true))).toEqual(['paragraph:Fareses too.'])
    // Accepting (or rejecting) the figure's line settles the words with it.
    expect(json(settled(state, [...ids(state)], true))).toEqual(json(settled(state, null, true)))
  })

  it('takes a whole paragraph and a figure, or the end of one paragraph, a rule, an embed and a whole paragraph', () => {
    const whole = suggest(selecting(withFigure(), 1, 15), ana, deleted)
    expect(blocks(whole)).toEqual(['paragraph:Fares rise.¶', 'figure(deletion):', 'paragraph:Buses too.'])
    expect(readers(whole)).toBe(readers(withFigure()))
    expect(blocks(settled(whole, null, true))).toEqual(['paragraph:Buses too.'])
    const start = stateOfJson({
      type: 'doc',
      content: [
        paragraph('Fares rise.'),
        { type: 'horizontalRule' },
        paragraph('Buses too.'),
        { type: 'embed', attrs: { url: 'https://www.openstreetmap.org/#map=15/51.5/-0.1', caption: 'Where' } },
        paragraph('Trams run.'),
      ],
    })
    // From after "Fares" (6) to the last paragraph's start (28).
    const state = suggest(selecting(start, 6, 28), ben, deleted)
    expect(blocks(state)).toEqual([
      'paragraph:Fares rise.¶',
      'horizontalRule(deletion):',
      'paragraph:Buses too.¶',
      'embed(deletion):',
      'paragraph:Trams run.',
    ])
    expect(ids(state).size).toBe(1)
    expect(asReaders(state).eq(start.doc)).toBe(true)
    expect(blocks(settled(state, null, true))).toEqual(['paragraph:FaresTrams run.'])
    expect(json(settled(state, null, false))).toEqual(json(start))
  })

  it('puts words typed over the range after the words they replace, as an insertion', () => {
    const start = withFigure()
    const state = suggest(selecting(start, 6, 18), ana, (s) => s.tr.insertText(' and b'))
    expect(blocks(state)).toEqual(['paragraph:Fares rise.¶', 'figure(deletion):', 'paragraph:Bus and bes too.'])
    expect(pending(state).map(([kind, , text]) => [kind, text])).toEqual([
      ['deletion', ' rise.¶Bus'],
      ['block', 'The new ferry'],
      ['insertion', ' and b'],
    ])
    expect(readers(state)).toBe(readers(start))
    expect(state.selection.from).toBe(state.doc.content.size - 'es too.'.length - 1)
    expect(blocks(settled(state, null, true))).toEqual(['paragraph:Fares and bes too.'])
    expect(json(settled(state, null, false))).toEqual(json(start))
  })

  it('takes one’s own suggested words and figure out outright, and strikes someone else’s words', () => {
    const figure = storySchema.nodes.figure?.create(photo.attrs)
    if (!figure) throw new Error('no figure in the schema')
    let state = suggest(stateOf('Fares rise.', 'Buses too.'), ana, (s) => s.tr.insert(13, figure))
    state = suggest(state, ana, (s) => s.tr.insertText('!', 12))
    state = suggest(state, ben, (s) => s.tr.insertText('Some ', 16))
    expect(blocks(state)).toEqual(['paragraph:Fares rise.!', 'figure(insertion):', 'paragraph:Some Buses too.'])
    // From after "Fares" (6) to after "Some " (21).
    const anas = suggest(selecting(state, 6, 21), ana, deleted)
    expect(blocks(anas)).toEqual(['paragraph:Fares rise.¶', 'paragraph:Some Buses too.'])
    expect(pending(anas)).toEqual([
      ['deletion', null, ' rise.¶Some ', 'Ana Ruiz'],
      ['insertion', null, 'Some ', 'Ben Ode'],
    ])
    expect(blocks(settled(anas, null, true))).toEqual(['paragraph:FaresBuses too.'])
    expect(forgesAuthor(ana.id, json(state), json(anas))).toBe(false)
    expect(settlesOthers(ana.id, json(state), json(anas))).toBe(false)
  })

  it('refuses a range holding someone else’s figure suggested in or out (one’s own out joins the deletion) or a paragraph whose form is suggested changed', () => {
    const figure = storySchema.nodes.figure?.create(photo.attrs)
    if (!figure) throw new Error('no figure in the schema')
    const anas = suggest(stateOf('Fares rise.', 'Buses too.'), ana, (s) => s.tr.insert(13, figure))
    expect(refused(anas, 6, 18)).toBeNull()
    const struck = suggest(selectedAt(withFigure(), 13), ana, deleted)
    expect(refused(struck, 6, 18)).toBeNull()
    const again = suggest(selecting(struck, 6, 18), ana, deleted)
    expect(ids(again).size).toBe(1)
    expect(blocks(settled(again, null, true))).toEqual(['paragraph:Fareses too.'])
    const withHeading = subheaded()
    const unheaded = suggest(caretAt(withHeading, 15), ana, keyed(setBlockType(storySchema.nodes.paragraph!)))
    expect(blocks(unheaded)[1]).toBe('paragraph:Works')
    expect(refused(unheaded, 6, 24)).toBeNull()
  })
})

describe('words deleted across a heading while suggesting', () => {
  /** `edit` on the words from `from` to `to` as the editor makes it, and as Ana's suggestion. */
  const both = (start: EditorState, from: number, to: number, edit: (state: EditorState) => Transaction = deleted) => {
    const selected = selecting(start, from, to)
    return { editors: selected.apply(edit(selected)), state: suggest(selected, ana, edit) }
  }

  it('strikes the words, the subheading’s among them, and suggests the three blocks joined, as one deletion readers do not see', () => {
    const start = subheaded()
    // From after "Fares" (6) to after "Bus" (24).
    const { editors, state } = both(start, 6, 24)
    expect(blocks(state)).toEqual(['paragraph:Fares rise.¶', 'heading:Works¶', 'paragraph:Buses too.'])
    expect(pending(state)).toEqual([['deletion', null, ' rise.¶Works¶Bus', 'Ana Ruiz']])
    expect(ids(state).size).toBe(1)
    expect(asReaders(state).eq(start.doc)).toBe(true)
    expect(renderRichText(json(state))).toBe(renderRichText(json(start)))
    expect(blocks(settled(state, null, true))).toEqual(['paragraph:Fareses too.'])
    expect(json(settled(state, null, true))).toEqual(json(editors))
    expect(json(settled(state, [...ids(state)], false))).toEqual(json(start))
  })

  it('keeps the form of the block the range starts in, a heading or a paragraph, or of the last when it takes all the first one’s words, as the editor does', () => {
    const start = subheaded()
    // From after "Wo" (16) in the heading, or its start (14), to after "Bus" (24); from after "Fares" (6) or the start (1) to after "Wo".
    for (const [from, to, accepted] of [
      [16, 24, ['paragraph:Fares rise.', 'heading:Woes too.']],
      [14, 24, ['paragraph:Fares rise.', 'paragraph:es too.']],
      [1, 16, ['heading:rks', 'paragraph:Buses too.']],
      [14, 21, ['paragraph:Fares rise.', 'paragraph:Buses too.']],
      [1, 24, ['paragraph:es too.']],
      [6, 16, ['paragraph:Faresrks', 'paragraph:Buses too.']],
      [6, 14, ['paragraph:FaresWorks', 'paragraph:Buses too.']],
    ] as const) {
      const { editors, state } = both(start, from, to)
      expect(ids(state).size).toBe(1)
      expect(readers(state)).toBe(readers(start))
      expect(blocks(settled(state, null, true))).toEqual(accepted)
      expect(json(settled(state, null, true))).toEqual(json(editors))
      expect(json(settled(state, null, false))).toEqual(json(start))
    }
  })

  it('gives, for ranges over the subheading deleted or typed over, the editor’s own result accepted and the story back rejected', () => {
    const start = subheaded()
    // Each block's start, a place in its words and its end.
    const places = [1, 6, 12, 14, 16, 19, 21, 24, 31]
    const refusals: string[] = []
    for (const [index, from] of places.entries()) {
      for (const to of places.slice(index + 1)) {
        for (const [kind, edit] of [
          ['deleted', deleted],
          ['typed', (s: EditorState) => s.tr.insertText('x')],
        ] as const) {
          const selected = selecting(start, from, to)
          const tr = suggestTransaction(selected, edit(selected), ana, now, newId)
          if (!tr) {
            refusals.push(`${kind} ${from}-${to}`)
            continue
          }
          const state = selected.apply(tr)
          expect(json(settled(state, null, true))).toEqual(json(selected.apply(edit(selected))))
          expect(json(settled(state, null, false))).toEqual(json(start))
          expect(readers(state)).toBe(readers(start))
        }
      }
    }
    // None is refused: typed over from a block's start into one of another form, the words typed go
    // before the struck ones, so that accepted the block keeps the first form, as the editor's does.
    expect(refusals).toEqual([])
  })

  it('takes two headings and a rule between paragraphs, and words typed over the range go after the struck ones', () => {
    const start = stateOfJson({
      type: 'doc',
      content: [paragraph('Fares rise.'), heading('Works'), { type: 'horizontalRule' }, heading('Later', 3), paragraph('Buses too.')],
    })
    // From after "Fares" (6) to after "Bus" (32).
    const { editors, state } = both(start, 6, 32, (s) => s.tr.insertText(' and b'))
    expect(blocks(state)).toEqual([
      'paragraph:Fares rise.¶',
      'heading:Works¶',
      'horizontalRule(deletion):',
      'heading:Later¶',
      'paragraph:Bus and bes too.',
    ])
    expect(pending(state).map(([kind, , text]) => [kind, text])).toEqual([
      ['deletion', ' rise.¶Works¶Later¶Bus'],
      ['block', ''],
      ['insertion', ' and b'],
    ])
    expect(readers(state)).toBe(readers(start))
    expect(json(settled(state, null, true))).toEqual(json(editors))
    expect(json(settled(state, null, false))).toEqual(json(start))
  })

  it('keeps the server’s checks: Ana’s deletion over Ben’s words in a heading strikes them, forging and settling nothing', () => {
    const bens = suggest(subheaded(), ben, (s) => s.tr.insertText('New ', 14))
    expect(blocks(bens)).toEqual(['paragraph:Fares rise.', 'heading:New Works', 'paragraph:Buses too.'])
    const anas = suggest(selecting(bens, 6, 28), ana, deleted)
    expect(pending(anas)).toEqual([
      ['deletion', null, ' rise.¶New Works¶Bus', 'Ana Ruiz'],
      ['insertion', null, 'New ', 'Ben Ode'],
    ])
    expect(forgesAuthor(ana.id, json(bens), json(anas))).toBe(false)
    expect(settlesOthers(ana.id, json(bens), json(anas))).toBe(false)
    expect(blocks(settled(anas, null, true))).toEqual(['paragraph:Fareses too.'])
    const anasIds = pendingSuggestions(json(anas)).flatMap((one) => (one.authorName === ana.name ? [one.id] : []))
    expect(json(settled(anas, anasIds, false))).toEqual(json(bens))
  })

  it('refuses a range holding a heading whose form is suggested changed', () => {
    const headed = suggest(
      caretAt(stateOf('Fares rise.', 'Works', 'Buses too.'), 15),
      ben,
      keyed(setBlockType(storySchema.nodes.heading!, { level: 2 })),
    )
    expect(blocks(headed)[1]).toBe('heading:Works')
    expect(refused(headed, 6, 25, ana)).toBeNull()
  })
})
