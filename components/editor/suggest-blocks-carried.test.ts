import { liftListItem } from '@tiptap/pm/schema-list'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import type { RichTextNode } from '@/db/schema'
import { renderRichText } from '@/lib/rich-text'
import { storySchema } from '@/lib/rich-text-repair'
import { forReaders } from '@/lib/story-schema/suggestions'
import { ana, ben, json, newId, now, stateOfJson, suggest } from '@/test/suggesting'
import { bullets, caretIn, intoList, item, pending, quote, settled, shape, shiftTab, tab, words } from '@/test/suggesting-lists'
import { suggestTransaction } from './suggest-changes'

// Items taken out of their list altogether that hold more than their words and a list of their
// own kind (a second paragraph, a list of the other kind), as suggestions (suggest-blocks.ts,
// suggest-blocks-carried.ts).

const body = (...content: RichTextNode[]) => stateOfJson({ type: 'doc', content })
const numbers = (...items: RichTextNode[]): RichTextNode => ({ type: 'orderedList', content: items })
const paragraph = (text: string): RichTextNode => ({ type: 'paragraph', content: words(text) })
/** A list item of these words, then these blocks. */
const holding = (text: string, ...blocks: RichTextNode[]): RichTextNode => ({ type: 'listItem', content: [paragraph(text), ...blocks] })
/** Shift-Tab `times` times in the block of words `text` (to the end of `to`'s, if given), as Ana's suggestions, or (`who` null) as the editor makes it. */
function shiftTabs(start: EditorState, text: string, times: number, who: typeof ana | null = ana, to?: string): EditorState {
  let state = start
  for (let time = 0; time < times; time += 1) {
    const at = caretIn(state, text, to)
    state = who ? suggest(at, who, shiftTab) : at.apply(shiftTab(at))
  }
  return state
}

const shapes: { name: string; start: () => EditorState; times?: number; to?: string; listed: string; text: string }[] = [
  {
    name: 'a second paragraph',
    start: () => body(bullets(item('A'), holding('B', paragraph('B2')), item('C'))),
    listed: 'Paragraph (was bulleted list)',
    text: 'B B2',
  },
  {
    name: 'a list of the other kind',
    start: () => body(bullets(item('A'), item('B', numbers(item('D'), item('E'))), item('C'))),
    listed: 'Paragraph (was bulleted list)',
    text: 'B D E',
  },
  {
    name: 'a second paragraph between lists of both kinds',
    start: () =>
      body(bullets(item('A'), holding('B', bullets(item('D')), paragraph('B2'), numbers(item('E')), bullets(item('F'))), item('C'))),
    listed: 'Paragraph (was bulleted list)',
    text: 'B D B2 E F',
  },
  {
    name: 'a heading and a list of the other kind, the item the last of its list',
    start: () => body(bullets(item('A'), holding('B', { type: 'heading', attrs: { level: 3 }, content: words('H') }, numbers(item('D'))))),
    listed: 'Paragraph (was bulleted list)',
    text: 'B H D',
  },
  {
    name: 'a second paragraph and a list of the other kind, nested, in two steps',
    start: () => body(bullets(item('A', bullets(holding('B', paragraph('B2'), numbers(item('D', bullets(item('G'))))))), item('C'))),
    times: 2,
    listed: 'Paragraph (was bulleted list, moved 1 level out)',
    text: 'B B2 D',
  },
  {
    name: 'a second paragraph, the item nested in a list of the other kind, in two steps',
    start: () => body(bullets(item('A', numbers(holding('B', paragraph('B2'))))), paragraph('Z')),
    times: 2,
    listed: 'Paragraph (was numbered list, moved 1 level out)',
    text: 'B B2',
  },
  {
    name: 'a second paragraph and a list of the other kind, with the item after it',
    start: () => body(bullets(item('A'), holding('B', paragraph('B2'), numbers(item('D'))), item('C'), item('X'))),
    to: 'C',
    listed: 'Paragraph (was bulleted list)',
    text: 'B B2 D C',
  },
  {
    name: 'a list of the other kind, in a block quote',
    start: () => body(quote(bullets(item('A'), holding('B', numbers(item('D')), paragraph('B2'))), paragraph('Q'))),
    listed: 'Paragraph (was bulleted list)',
    text: 'B D B2',
  },
]

describe('an item holding more than its words taken out of its list altogether', () => {
  for (const { name, start, times = 1, to, listed, text } of shapes)
    it(`is one suggestion with ${name}: accepted, what the editor makes; rejected and for readers, as it was`, () => {
      const state = shiftTabs(start(), 'B', times, ana, to)
      expect(pending(state)).toEqual([['block', listed, text, 'Ana Ruiz']])
      const stored = json(state)
      const copy = structuredClone(stored)
      expect(storySchema.nodeFromJSON(forReaders(stored)).toJSON()).toEqual(json(start()))
      expect(renderRichText(stored)).toBe(renderRichText(json(start())))
      expect(stored).toEqual(copy)
      expect(json(settled(state, false))).toEqual(json(start()))
      expect(json(settled(state, true))).toEqual(json(shiftTabs(start(), 'B', times, null, to)))
    })

  it('withdraws the item’s own change asked back into its list; what it carried stays suggested out, rejected back into it', () => {
    const start = body(bullets(item('A'), holding('B', paragraph('B2'), numbers(item('D'))), item('C')))
    const back = suggest(caretIn(shiftTabs(start, 'B', 1), 'B'), ana, intoList)
    expect(pending(back)).toEqual([['block', 'Paragraph (moved 1 level out)', 'B2 D', 'Ana Ruiz']])
    expect(storySchema.nodeFromJSON(forReaders(json(back))).toJSON()).toEqual(json(start))
    expect(json(settled(back, false))).toEqual(json(start))
  })

  it('leaves a block carried out as it is until settled, and still refuses carrying an item someone else suggested moving', () => {
    const start = body(bullets(item('A'), holding('B', paragraph('B2')), item('D')))
    const atB2 = caretIn(shiftTabs(start, 'B', 1), 'B2')
    for (const who of [ana, ben]) expect(suggestTransaction(atB2, intoList(atB2), who, now, newId)).toBeNull()
    const bensD = suggest(caretIn(start, 'D'), ben, tab)
    const atB = caretIn(bensD, 'B')
    expect(suggestTransaction(atB, shiftTab(atB), ana, now, newId)).toBeNull()
    // Ben's own, taken out with it, is back where it was: his nesting is withdrawn.
    const bens = shiftTabs(bensD, 'B', 1, ben)
    expect(pending(bens)).toEqual([['block', 'Paragraph (was bulleted list)', 'B B2', 'Ben Ode']])
    expect(json(settled(bens, false))).toEqual(json(start))
  })
})

describe('every item, or run of items, of a story taken out of its list altogether step by step', () => {
  /** Lists of both kinds in each other, items holding second paragraphs, each nested list last in its item. */
  const stories = [
    () =>
      body(
        bullets(
          holding('A', paragraph('A2'), numbers(holding('B', paragraph('B2')), item('C')), bullets(holding('D', paragraph('D2')))),
          holding('E', paragraph('E2'), numbers(item('F'))),
          item('G'),
        ),
        paragraph('Z'),
      ),
    () => body(bullets(item('A', numbers(holding('B', paragraph('B2'))))), paragraph('Z')),
  ]
  /** Shift-Tab on `state`, as the editor makes it; null once the words are out of every list. */
  const lifted = (state: EditorState) => {
    const made: Transaction[] = []
    liftListItem(storySchema.nodes.listItem!)(state, (tr) => made.push(tr))
    return made[0] ?? null
  }

  it('is never refused; rejected and for readers it is as it was, accepted what the editor makes, at every step', () => {
    for (const story of stories) {
      const texts = shape(story()).map((line) => line.slice(line.indexOf(' ') + 1))
      for (const [index, from] of texts.entries())
        for (const to of texts.slice(index)) {
          let [state, plain] = [story(), story()]
          for (let tr = lifted(caretIn(state, from, to)); tr; tr = lifted(caretIn(state, from, to))) {
            const at = caretIn(state, from, to)
            const suggested = suggestTransaction(at, tr, ana, now, newId)
            expect(suggested, `${from}–${to}`).not.toBeNull()
            if (!suggested) break
            state = at.apply(suggested)
            const plainAt = caretIn(plain, from, to)
            plain = plainAt.apply(lifted(plainAt) ?? plainAt.tr)
            expect(json(settled(state, false))).toEqual(json(story()))
            expect(storySchema.nodeFromJSON(forReaders(json(state))).toJSON()).toEqual(json(story()))
            expect(json(settled(state, true))).toEqual(json(plain))
          }
        }
    }
  })
})

describe('an item taken out a level whose item holds blocks after its list', () => {
  /** Shift-Tab in `text` as Ana's suggestion, and as the editor makes it. */
  const lifted = (start: EditorState, text: string): [EditorState, EditorState] => {
    const at = caretIn(start, text)
    return [suggest(at, ana, shiftTab), at.apply(shiftTab(at))]
  }

  it('is one suggestion, those blocks made an item of their own; rejected and for readers they are back at the end of the item', () => {
    const start = body(bullets(holding('A', bullets(item('B')), paragraph('A2'))))
    const [state, made] = lifted(start, 'B')
    expect(shape(state)).toEqual(['listItem>p A', 'listItem>p B', 'listItem>p A2'])
    expect(pending(state)).toEqual([['block', 'Bulleted list (moved 1 level out)', 'B A2', 'Ana Ruiz']])
    expect(storySchema.nodeFromJSON(forReaders(json(state))).toJSON()).toEqual(json(start))
    expect(renderRichText(json(state))).toBe(renderRichText(json(start)))
    expect(json(settled(state, false))).toEqual(json(start))
    expect(json(settled(state, true))).toEqual(json(made))
  })

  it('is one suggestion from a list of the other kind, several blocks and a list after it going into the new item', () => {
    const start = body(
      bullets(holding('A', numbers(item('B'), item('C')), paragraph('A2'), paragraph('A3'), bullets(item('D'))), item('E')),
    )
    const [state, made] = lifted(start, 'C')
    expect(shape(state)).toEqual([
      'listItem>p A',
      'listItem>p B',
      'listItem>p C',
      'listItem>p A2',
      'listItem>p A3',
      'listItem>p D',
      'listItem>p E',
    ])
    expect(pending(state)).toEqual([['block', 'Bulleted list (was numbered list, moved 1 level out)', 'C A2', 'Ana Ruiz']])
    expect(storySchema.nodeFromJSON(forReaders(json(state))).toJSON()).toEqual(json(start))
    expect(json(settled(state, false))).toEqual(json(start))
    expect(json(settled(state, true))).toEqual(json(made))
  })

  it('leaves the item made of those blocks as it is until settled', () => {
    const [state] = lifted(body(bullets(holding('A', bullets(item('B')), paragraph('A2')))), 'B')
    for (const edit of [tab, shiftTab]) {
      const at = caretIn(state, 'A2')
      expect(suggestTransaction(at, edit(at), ana, now, newId)).toBeNull()
    }
  })
})
