import { deleteSelection, wrapIn } from '@tiptap/pm/commands'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import type { RichTextNode } from '@/db/schema'
import { storySchema } from '@/lib/rich-text-repair'
import { renderRichText } from '@/lib/rich-text'
import { pendingSuggestions } from '@/lib/story-schema/suggestions'
import { forgesAuthor, settlesOthers } from '@/lib/suggestion-settling'
import { ana, ben, caretAt, json, keyed, newId, now, paragraph, readers, selecting, stateOfJson, suggest } from '@/test/suggesting'
import { settleSuggestions, suggestTransaction } from './suggest-changes'

// Words deleted or typed over across paragraphs in lists and block quotes, or across whole lists
// and quotes, while suggesting (suggest-range.ts): one deletion, the story joined as the editor
// joins it once accepted, and given back whole once rejected.

const settled = (state: EditorState, ids: string[] | null, accept: boolean) => state.apply(settleSuggestions(state, ids, accept))
const deleted = keyed(deleteSelection)
const typed = (state: EditorState) => state.tr.insertText('x')
const shape = (node: ProseMirrorNode): string =>
  node.isTextblock ? `${node.type.name} “${node.textContent}”` : `${node.type.name} [${node.children.map(shape).join(', ')}]`
const ids = (state: EditorState) => new Set(pendingSuggestions(json(state)).map((one) => one.id))
const struck = (state: EditorState) => pendingSuggestions(json(state)).map((one) => [one.kind, one.text])

const item = (...content: RichTextNode[]): RichTextNode => ({ type: 'listItem', content })
const quote = (...content: RichTextNode[]): RichTextNode => ({ type: 'blockquote', content })
const bullets = (...items: RichTextNode[]): RichTextNode => ({ type: 'bulletList', content: items })
const numbered = (...items: RichTextNode[]): RichTextNode => ({ type: 'orderedList', content: items })
const story = (...content: RichTextNode[]) => stateOfJson({ type: 'doc', content })

/** The position just after the first `words` in the story (or at their start, `atStart`). */
function after(state: EditorState, words: string, atStart = false): number {
  let found: number | null = null
  state.doc.descendants((node, position) => {
    const index = found === null && node.isText ? (node.text ?? '').indexOf(words) : -1
    if (index >= 0) found = position + index + (atStart ? 0 : words.length)
    return found === null
  })
  if (found === null) throw new Error(`no “${words}” in the story`)
  return found
}

/** `edit` on the words from `from` to `to`, as the editor makes it and as Ana's suggestion (null: refused). */
function both(start: EditorState, from: number, to: number, edit: (state: EditorState) => Transaction = deleted) {
  const selected = selecting(start, from, to)
  const suggestion = suggestTransaction(selected, edit(selected), ana, now, newId)
  return { editors: selected.apply(edit(selected)), state: suggestion && selected.apply(suggestion) }
}

/** Readers see the story as it was; accepted, Ana's suggestion is the editor's edit, rejected the story as it was. */
function expectFaithful(start: EditorState, editors: EditorState, state: EditorState | null) {
  if (!state) throw new Error('refused')
  expect(readers(state)).toBe(readers(start))
  expect(renderRichText(json(state))).toBe(renderRichText(json(start)))
  expect(settled(state, null, true).doc.eq(editors.doc)).toBe(true)
  expect(settled(state, null, false).doc.eq(start.doc)).toBe(true)
}

describe('words deleted across lists and block quotes while suggesting', () => {
  it('strikes the words through a block quote between two paragraphs; accepted, the quote goes and the paragraphs join', () => {
    const start = story(paragraph('Fares rise.'), quote(paragraph('Works go on.')), paragraph('Buses too.'))
    const { editors, state } = both(start, after(start, 'Fares'), after(start, 'Bu'))
    expectFaithful(start, editors, state)
    expect(ids(state!).size).toBe(1)
    expect(struck(state!)).toEqual([['deletion', ' rise.¶Works go on.¶Bu']])
    expect(settled(state!, null, true).doc.textContent).toBe('Faresses too.')
  })

  it('runs from a paragraph’s start into a block quote: accepted, the paragraph goes and the quote keeps the rest of its words; typed over, the paragraph stays', () => {
    const start = story(paragraph('Fares rise.'), quote(paragraph('Works go on.')), paragraph('Buses too.'))
    const deletedOnly = both(start, after(start, 'Fares', true), after(start, 'Works '))
    expectFaithful(start, deletedOnly.editors, deletedOnly.state)
    const accepted = settled(deletedOnly.state!, null, true).doc
    expect(accepted.child(0).type.name).toBe('blockquote')
    expect(accepted.child(0).textContent).toBe('go on.')
    const typedOver = both(start, after(start, 'Fares', true), after(start, 'Works '), typed)
    expectFaithful(start, typedOver.editors, typedOver.state)
    const typedIn = settled(typedOver.state!, null, true).doc.child(0)
    expect([typedIn.type.name, typedIn.textContent]).toEqual(['paragraph', 'xgo on.'])
  })

  it('runs from a paragraph into the second item of a numbered list: accepted, the first item goes and the third stays', () => {
    const start = story(paragraph('Fares rise.'), numbered(item(paragraph('One')), item(paragraph('Two')), item(paragraph('Three'))))
    const { editors, state } = both(start, after(start, 'Fa'), after(start, 'T'))
    expectFaithful(start, editors, state)
    expect(ids(state!).size).toBe(1)
    const accepted = settled(state!, null, true).doc
    expect(accepted.childCount).toBe(2)
    expect(accepted.child(0).textContent).toBe('Fawo')
    expect(accepted.child(1).type.name).toBe('orderedList')
    expect(accepted.child(1).textContent).toBe('Three')
  })

  it('runs from an item of a list into the paragraph after it: accepted, the paragraph’s last words end the item', () => {
    const start = story(bullets(item(paragraph('One')), item(paragraph('Two'))), paragraph('Buses too.'))
    const { editors, state } = both(start, after(start, 'Tw'), after(start, 'Buses'), typed)
    expectFaithful(start, editors, state)
    const accepted = settled(state!, null, true).doc
    expect(accepted.childCount).toBe(1)
    expect(accepted.child(0).type.name).toBe('bulletList')
    expect(accepted.child(0).lastChild?.textContent).toBe('Twx too.')
  })

  it('gives, for ranges over lists, a nested list and a quote deleted or typed over, the editor’s own result accepted and the story back rejected', () => {
    const start = story(
      paragraph('Fares rise.'),
      quote(paragraph('Works go on.')),
      bullets(item(paragraph('One')), item(paragraph('Two'), bullets(item(paragraph('Two a'))))),
      numbered(item(paragraph('First'))),
      paragraph('Buses too.'),
    )
    // Each block's start and a place in its words, and the story's end.
    const starts: number[] = []
    start.doc.descendants((node, position) => {
      if (node.isTextblock) starts.push(position + 1)
      return !node.isTextblock
    })
    const places = [...starts.flatMap((at) => [at, at + 2]), start.doc.content.size - 1]
    let made = 0
    const refusals: string[] = []
    for (const [index, from] of places.entries()) {
      for (const to of places.slice(index + 1)) {
        for (const [kind, edit] of [
          ['deleted', deleted],
          ['typed', typed],
        ] as const) {
          const { editors, state } = both(start, from, to, edit)
          if (state) expectFaithful(start, editors, state)
          made += state ? 1 : 0
          if (!state) refusals.push(`${kind} ${from}-${to}`)
        }
      }
    }
    // None is refused: deletions from a block's very start too, where the editor's deletion lifts
    // list items out or takes them whole rather than joining blocks (to another item's start, say).
    expect(refusals).toEqual([])
    expect(made).toBe(210)
    // Some two hundred edits, each settled both ways: seconds on a busy machine.
  }, 30_000)

  it('makes words typed over from an item’s start into a heading after the list a suggestion, rather than failing: accepted, the item keeps its paragraph', () => {
    const heading = { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Works' }] }
    const headed = story(bullets(item(paragraph('One')), item(paragraph('Two'))), heading)
    const { editors, state } = both(headed, after(headed, 'Two', true), after(headed, 'Wo'), typed)
    expectFaithful(headed, editors, state)
    expect(shape(settled(state!, null, true).doc)).toBe('doc [bulletList [listItem [paragraph “One”], listItem [paragraph “xrks”]]]')
  })

  it('refuses a range through a block quote someone else suggested', () => {
    const start = story(paragraph('Fares rise.'), paragraph('Works go on.'), paragraph('Buses too.'))
    const quoted = suggest(caretAt(start, after(start, 'Works')), ben, keyed(wrapIn(storySchema.nodes.blockquote!)))
    expect(quoted.doc.child(1).type.name).toBe('blockquote')
    expect(both(quoted, after(quoted, 'Fares'), after(quoted, 'Bu')).state).toBeNull()
  })

  it('keeps the server’s checks: Ana’s deletion over Ben’s words in a list item strikes them, forging and settling nothing', () => {
    const start = story(paragraph('Fares rise.'), bullets(item(paragraph('One')), item(paragraph('Two'))), paragraph('Buses too.'))
    const bens = suggest(start, ben, (s) => s.tr.insertText('Number ', after(s, 'One', true)))
    const anas = suggest(selecting(bens, after(bens, 'Fares'), after(bens, 'Bu')), ana, deleted)
    expect(struck(anas)).toEqual([
      ['deletion', ' rise.¶Number One¶Two¶Bu'],
      ['insertion', 'Number '],
    ])
    expect(forgesAuthor(ana.id, json(bens), json(anas))).toBe(false)
    expect(settlesOthers(ana.id, json(bens), json(anas))).toBe(false)
    expect(settled(anas, null, true).doc.textContent).toBe('Faresses too.')
  })
})

describe('words deleted from a block’s very start through lists while suggesting', () => {
  const start = story(
    paragraph('Fares rise.'),
    bullets(item(paragraph('One')), item(paragraph('Two'), bullets(item(paragraph('Two a'))))),
    numbered(item(paragraph('First'))),
    paragraph('Buses too.'),
  )
  /** Ana's deletion from `from` to `to`, checked against the editor's; what accepting it makes of the story. */
  function acceptedShape(from: number, to: number) {
    const { editors, state } = both(start, from, to)
    expectFaithful(start, editors, state)
    expect(ids(state!).size).toBe(1)
    return { struck: struck(state!), accepted: shape(settled(state!, null, true).doc) }
  }

  const cases = [
    {
      runs: 'up to another item’s start: accepted, the blocks before it go whole and that item stays',
      from: after(start, 'Fares', true),
      to: after(start, 'Two', true),
      struck: 'Fares rise.¶One¶',
      accepted:
        'doc [bulletList [listItem [paragraph “Two”, bulletList [listItem [paragraph “Two a”]]]], orderedList [listItem [paragraph “First”]], paragraph “Buses too.”]',
    },
    {
      runs: 'over an item’s words up to its nested list: accepted, the item keeps an empty paragraph over its list',
      from: after(start, 'One', true),
      to: after(start, 'Two a', true),
      struck: 'One¶Two',
      accepted:
        'doc [paragraph “Fares rise.”, bulletList [listItem [paragraph “”, bulletList [listItem [paragraph “Two a”]]]], orderedList [listItem [paragraph “First”]], paragraph “Buses too.”]',
    },
    {
      runs: 'over all the words of an item and its nested list: accepted, the item goes whole',
      from: after(start, 'Two', true),
      to: after(start, 'First', true),
      struck: 'Two¶Two a',
      accepted:
        'doc [paragraph “Fares rise.”, bulletList [listItem [paragraph “One”]], orderedList [listItem [paragraph “First”]], paragraph “Buses too.”]',
    },
    {
      runs: 'from an item’s start into a later block’s words: accepted, the rest of them take the item’s place',
      from: after(start, 'Two', true),
      to: after(start, 'Bu'),
      struck: 'Two¶Two a¶First¶Bu',
      accepted: 'doc [paragraph “Fares rise.”, bulletList [listItem [paragraph “One”], listItem [paragraph “ses too.”]]]',
    },
  ]
  for (const { runs, from, to, struck, accepted } of cases) {
    it(`runs ${runs}`, () => {
      expect(acceptedShape(from, to)).toEqual({ struck: [['deletion', struck]], accepted })
    })
  }

  it('runs past a rule into an item holding a list: accepted, the paragraph and rule go and the item keeps its list', () => {
    const ruled = story(
      paragraph('Fares rise.'),
      { type: 'horizontalRule' },
      bullets(item(paragraph('One'), bullets(item(paragraph('One a'))))),
    )
    const { editors, state } = both(ruled, after(ruled, 'Fares', true), after(ruled, 'One'))
    expectFaithful(ruled, editors, state)
    expect(shape(settled(state!, null, true).doc)).toBe(
      'doc [bulletList [listItem [paragraph “”, bulletList [listItem [paragraph “One a”]]]]]',
    )
  })
})
