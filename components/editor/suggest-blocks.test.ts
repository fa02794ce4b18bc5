import { lift, setBlockType, wrapIn } from '@tiptap/pm/commands'
import { liftListItem, wrapInList } from '@tiptap/pm/schema-list'
import type { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { storySchema } from '@/lib/rich-text-repair'
import { forReaders } from '@/lib/story-schema/suggestions'
import { settlesOthers } from '@/lib/suggestion-settling'
import { ana, ben, caretAt, json, keyed, newId, now, stateOf, stateOfJson, suggest } from '@/test/suggesting'
import { bullets, caretIn, forReadersShape, intoList, item, pending, settled, shape, shiftTab, tab, words } from '@/test/suggesting-lists'
import { suggestBlock } from './suggest-blocks'
import { suggestTransaction } from './suggest-changes'

const { heading, paragraph, bulletList, orderedList, listItem, blockquote } = storySchema.nodes
/** "Fares rise." "Buses too." "Trams wait.": the caret in the second, at 14. */
const three = () => caretAt(stateOf('Fares rise.', 'Buses too.', 'Trams wait.'), 14)
const listOfThree = () =>
  caretAt(
    stateOfJson({
      type: 'doc',
      content: [{ type: 'bulletList', content: [item('Fares rise.'), item('Buses too.'), item('Trams wait.')] }],
    }),
    19,
  )

describe('headings as suggestions', () => {
  const toHeading = keyed(setBlockType(heading!, { level: 2 }))
  const asHeading = () => suggest(caretAt(stateOf('Fares rise.', 'Buses too.'), 2), ana, toHeading)

  it('shows the heading as it would be; readers keep the paragraph until an editor accepts', () => {
    const state = asHeading()
    expect(shape(state)).toEqual(['h2 Fares rise.', 'p Buses too.'])
    expect(pending(state)).toEqual([['block', 'Heading 2 (was paragraph)', 'Fares rise.', 'Ana Ruiz']])
    expect(forReadersShape(state)).toEqual(['p Fares rise.', 'p Buses too.'])
    const accepted = settled(state, true)
    expect(shape(accepted)).toEqual(['h2 Fares rise.', 'p Buses too.'])
    expect(pending(accepted)).toEqual([])
    expect(json(settled(state, false))).toEqual(json(stateOf('Fares rise.', 'Buses too.')))
  })

  it('withdraws one’s own heading made a paragraph again, and refuses changing someone else’s', () => {
    const state = asHeading()
    expect(json(suggest(state, ana, keyed(setBlockType(paragraph!))))).toEqual(json(stateOf('Fares rise.', 'Buses too.')))
    expect(suggestTransaction(state, keyed(setBlockType(heading!, { level: 3 }))(state), ben, now, newId)).toBeNull()
  })

  it('counts someone else’s heading made a paragraph outside suggestion mode as rejecting it', () => {
    const state = asHeading()
    const undone = state.apply(keyed(setBlockType(paragraph!))(state))
    expect(settlesOthers(ben.id, json(state), json(undone))).toBe(true)
    const typed = state.apply(state.tr.insertText('!', 12))
    expect(settlesOthers(ben.id, json(state), json(typed))).toBe(false)
  })
})

describe('list items as suggestions', () => {
  it('makes a paragraph a list item; readers keep it a paragraph; rejected, it is one again', () => {
    const state = suggest(three(), ana, keyed(wrapInList(bulletList!)))
    expect(shape(state)).toEqual(['p Fares rise.', 'listItem>p Buses too.', 'p Trams wait.'])
    expect(pending(state)).toEqual([['block', 'Bulleted list (was paragraph)', 'Buses too.', 'Ana Ruiz']])
    expect(forReadersShape(state)).toEqual(['p Fares rise.', 'p Buses too.', 'p Trams wait.'])
    expect(shape(settled(state, true))).toEqual(['p Fares rise.', 'listItem>p Buses too.', 'p Trams wait.'])
    expect(json(settled(state, false))).toEqual(json(three()))
  })

  it('takes an item out of a list; readers keep the whole list; rejected, it is an item of the one list again', () => {
    const state = suggest(listOfThree(), ana, keyed(liftListItem(listItem!)))
    expect(shape(state)).toEqual(['listItem>p Fares rise.', 'p Buses too.', 'listItem>p Trams wait.'])
    expect(pending(state)).toEqual([['block', 'Paragraph (was bulleted list)', 'Buses too.', 'Ana Ruiz']])
    const oneList = ['listItem>p Fares rise.', 'listItem>p Buses too.', 'listItem>p Trams wait.']
    expect(forReadersShape(state)).toEqual(oneList)
    // The body itself is left as it is: read again, it gives the same.
    const body = json(state)
    expect(forReaders(body)).toEqual(forReaders(structuredClone(body)))
    expect(forReaders(body)).toEqual(forReaders(structuredClone(body)))
    expect(storySchema.nodeFromJSON(forReaders(json(state))).childCount).toBe(1)
    expect(json(settled(state, false))).toEqual(json(listOfThree()))
  })

  it('makes a bulleted list a numbered one, and gives it back rejected', () => {
    const state = suggest(listOfThree(), ana, (s) => s.tr.setNodeMarkup(0, orderedList))
    expect(pending(state)).toEqual([['block', 'Numbered list (was bulleted list)', 'Fares rise. Buses too. Trams wait.', 'Ana Ruiz']])
    expect(forReaders(json(state)).content?.map((node) => node.type)).toEqual(['bulletList'])
    expect(json(settled(state, false))).toEqual(json(listOfThree()))
  })

  it('joins a paragraph to the list above it, as the toolbar does, in a story with a pull quote; rejected, all is as it was', () => {
    const start = caretAt(
      stateOfJson({
        type: 'doc',
        content: [
          { type: 'bulletList', content: [item('One')] },
          { type: 'paragraph', content: words('Two') },
          { type: 'pullQuote', content: words('Quoted.') },
        ],
      }),
      11,
    )
    const wrapAndJoin = (state: EditorState) => {
      const tr = keyed(wrapInList(bulletList!))(state)
      return tr.join(tr.doc.firstChild!.nodeSize)
    }
    const state = suggest(start, ana, wrapAndJoin)
    expect(shape(state)).toEqual(['listItem>p One', 'listItem>p Two', 'pullQuote Quoted.'])
    expect(forReadersShape(state)).toEqual(['listItem>p One', 'p Two', 'pullQuote Quoted.'])
    expect(json(settled(state, false))).toEqual(json(start))
  })

  it('leaves what does not change a block’s form, such as a quote, to other kinds of suggestion', () => {
    const anaAttrs = () => ({ id: 'q1', authorId: ana.id, authorName: ana.name, at: now.toISOString() })
    const state = three()
    expect(suggestBlock(state, keyed(wrapIn(blockquote!))(state), anaAttrs)).toBeNull()
    const quoted = state.apply(keyed(wrapIn(blockquote!))(state))
    expect(suggestBlock(quoted, keyed(lift)(quoted), anaAttrs)).toBeNull()
    expect(pending(suggest(state, ana, keyed(wrapIn(blockquote!))))).toEqual([['block', 'New block quote', 'Buses too.', 'Ana Ruiz']])
  })
})

describe('list items nested as suggestions', () => {
  /** A, B (with C in it), D: the caret after B's words, at 9. */
  const flat = () => caretAt(stateOfJson({ type: 'doc', content: [bullets(item('A'), item('B', bullets(item('C'))), item('D'))] }), 9)
  /** A with B and D in it: the caret after B's words, at 9. */
  const nested = () => caretAt(stateOfJson({ type: 'doc', content: [bullets(item('A', bullets(item('B'), item('D'))))] }), 9)
  const depths = (state: EditorState) => {
    const found: string[] = []
    state.doc.descendants((node, position) => {
      if (node.isTextblock) found.push(`${state.doc.resolve(position).depth / 2}${node.textContent}`)
    })
    return found
  }

  it('nests an item in the one above with Tab, its own items moving with it; readers keep it where it was', () => {
    const state = suggest(flat(), ana, tab)
    expect(depths(state)).toEqual(['1A', '2B', '3C', '1D'])
    expect(pending(state)).toEqual([['block', 'Bulleted list, level 2 (nested 1 level in)', 'B', 'Ana Ruiz']])
    expect(forReaders(json(state))).toEqual(json(flat()))
    expect(depths(settled(state, true))).toEqual(['1A', '2B', '3C', '1D'])
    expect(pending(settled(state, true))).toEqual([])
    expect(json(settled(state, false))).toEqual(json(flat()))
    expect(json(suggest(state, ana, shiftTab))).toEqual(json(flat()))
  })

  it('takes an item out a level with Shift-Tab, the items after it becoming its own; rejected, all are where they were', () => {
    const state = suggest(nested(), ana, shiftTab)
    expect(depths(state)).toEqual(['1A', '1B', '2D'])
    // One edit, one suggestion: D, now B's, moved in against the item it is in.
    expect(pending(state)).toEqual([['block', 'Bulleted list (moved 1 level out)', 'B D', 'Ana Ruiz']])
    expect(forReaders(json(state))).toEqual(json(nested()))
    expect(json(settled(state, false))).toEqual(json(nested()))
    expect(depths(settled(state, true))).toEqual(['1A', '1B', '2D'])
  })

  it('refuses nesting someone else’s suggested item, and counts taking it out outside suggestion mode as rejecting it', () => {
    const state = suggest(flat(), ana, tab)
    expect(suggestTransaction(state, shiftTab(state), ben, now, newId)).toBeNull()
    const undone = state.apply(shiftTab(state))
    expect(settlesOthers(ben.id, json(state), json(undone))).toBe(true)
  })
})

describe('a block’s form and nesting changed in one suggestion', () => {
  /** A with B in it, then C: the caret after B's words, at 9. */
  const nestedB = () => caretAt(stateOfJson({ type: 'doc', content: [bullets(item('A', bullets(item('B'))), item('C'))] }), 9)
  /** B taken a level out, then out of the list altogether. */
  const takenOut = () => suggest(suggest(nestedB(), ana, shiftTab), ana, shiftTab)

  it('takes a nested item out of its list altogether; readers keep it where it was; rejected, it is back', () => {
    const state = takenOut()
    expect(shape(state)).toEqual(['listItem>p A', 'p B', 'listItem>p C'])
    expect(pending(state)).toEqual([['block', 'Paragraph (was bulleted list, moved 1 level out)', 'B', 'Ana Ruiz']])
    const body = json(state)
    expect(forReaders(body)).toEqual(json(nestedB()))
    expect(body).toEqual(json(state))
    expect(json(settled(state, false))).toEqual(json(nestedB()))
    expect(shape(settled(state, true))).toEqual(['listItem>p A', 'p B', 'listItem>p C'])
    expect(pending(settled(state, true))).toEqual([])
  })

  it('withdraws one’s own, asked back into the list and to its level; someone else’s asked back rejects it', () => {
    const back = suggest(takenOut(), ana, intoList)
    expect(pending(back)).toEqual([['block', 'Bulleted list (moved 1 level out)', 'B', 'Ana Ruiz']])
    expect(json(suggest(back, ana, tab))).toEqual(json(nestedB()))
    const state = takenOut()
    expect(suggestTransaction(state, intoList(state), ben, now, newId)).toBeNull()
    expect(settlesOthers(ben.id, json(state), json(state.apply(intoList(state))))).toBe(true)
  })

  it('makes a paragraph an item nested in the one above; readers and rejecting keep the paragraph', () => {
    const start = caretAt(stateOfJson({ type: 'doc', content: [bullets(item('A')), { type: 'paragraph', content: words('B') }] }), 9)
    const state = suggest(suggest(start, ana, intoList), ana, tab)
    expect(shape(state)).toEqual(['listItem>p A', 'listItem>p B'])
    expect(pending(state)).toEqual([['block', 'Bulleted list, level 2 (was paragraph, nested 1 level in)', 'B', 'Ana Ruiz']])
    expect(forReaders(json(state))).toEqual(json(start))
    expect(json(settled(state, false))).toEqual(json(start))
    expect(json(suggest(suggest(state, ana, shiftTab), ana, shiftTab))).toEqual(json(start))
  })

  it('still refuses an item carrying someone else’s suggested item, or holding a quote, taken out altogether', () => {
    const refused = (state: EditorState, text: string, who = ana) => {
      const at = caretIn(state, text)
      return suggestTransaction(at, shiftTab(at), who, now, newId) === null
    }
    const quoted = {
      type: 'listItem',
      content: [
        { type: 'paragraph', content: words('B') },
        { type: 'blockquote', content: [{ type: 'paragraph', content: words('Q') }] },
      ],
    }
    expect(refused(stateOfJson({ type: 'doc', content: [bullets(item('A'), quoted)] }), 'B')).toBe(true)
    const bensD = suggest(caretIn(stateOfJson({ type: 'doc', content: [bullets(item('A'), item('B'), item('D'))] }), 'D'), ben, tab)
    expect(refused(bensD, 'B')).toBe(true)
    expect(refused(bensD, 'B', ben)).toBe(false)
  })
})
