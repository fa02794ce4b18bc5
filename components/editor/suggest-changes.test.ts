import { joinBackward, joinForward, splitBlock } from '@tiptap/pm/commands'
import { type EditorState, TextSelection } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { storySchema } from '@/lib/rich-text-repair'
import { forReaders, pendingSuggestions } from '@/lib/story-schema/suggestions'
import { settlesOthers } from '@/lib/suggestion-settling'
import { ana, ben, caretAt, desk, json, keyed, newId, now, readers, stateOf, suggest } from '@/test/suggesting'
import { settleSuggestions, suggestTransaction } from './suggest-changes'

describe('suggestion mode', () => {
  it('turns typed words into one insertion that readers do not see', () => {
    let state = stateOf('The ferry left.')
    state = suggest(state, ana, (s) => s.tr.insertText('o', 10))
    state = suggest(state, ana, (s) => s.tr.insertText('k ', s.selection.from))
    expect(desk(state)).toBe('The ferryok  left.')
    expect(readers(state)).toBe('The ferry left.')
    expect(pendingSuggestions(json(state))).toEqual([
      { id: expect.any(String), authorId: 7, authorName: 'Ana Ruiz', at: now.toISOString(), kind: 'insertion', text: 'ok ' },
    ])
  })

  it('keeps deleted words, struck, until accepted, and removes one’s own insertion outright', () => {
    let state = stateOf('one two')
    state = suggest(state, ana, (s) => s.tr.delete(4, 8))
    expect(desk(state)).toBe('one two')
    expect(readers(state)).toBe('one two')
    expect(pendingSuggestions(json(state)).map((one) => [one.kind, one.text])).toEqual([['deletion', ' two']])
    state = suggest(state, ana, (s) => s.tr.insertText('!', 8))
    state = suggest(state, ana, (s) => s.tr.delete(8, 9))
    expect(desk(state)).toBe('one two')
    expect(pendingSuggestions(json(state))).toHaveLength(1)
  })

  it('marks someone else’s insertion for deletion instead of removing it', () => {
    let state = suggest(stateOf('ab'), ana, (s) => s.tr.insertText('X', 2))
    state = suggest(state, ben, (s) => s.tr.delete(2, 3))
    expect(desk(state)).toBe('aXb')
    expect(pendingSuggestions(json(state)).map((one) => [one.kind, one.authorName])).toEqual([
      ['insertion', 'Ana Ruiz'],
      ['deletion', 'Ben Ode'],
    ])
  })

  it('replaces selected words with a deletion followed by an insertion', () => {
    const start = stateOf('left at nine')
    const selected = start.apply(start.tr.setSelection(TextSelection.create(start.doc, 9, 13)))
    const state = suggest(selected, ana, (s) => s.tr.insertText('ten'))
    expect(desk(state)).toBe('left at nineten')
    expect(readers(state)).toBe('left at nine')
  })

  it('makes a figure inserted a suggestion, and refuses an edit that cannot be one, such as someone else’s new figure’s caption changed', () => {
    const state = stateOf('one two')
    const figure = storySchema.nodes.figure?.create({ src: '/media/1.jpg', alt: 'A ferry' })
    if (!figure) throw new Error('no figure in the schema')
    const suggested = suggest(state, ana, (s) => s.tr.insert(0, figure))
    expect(suggested.doc.firstChild?.attrs).toMatchObject({ suggested: 'insertion', authorName: 'Ana Ruiz' })
    const recaptioned = suggested.tr.setNodeMarkup(0, undefined, { ...suggested.doc.firstChild?.attrs, caption: 'The ferry' })
    expect(suggestTransaction(suggested, recaptioned, ben, now, newId)).toBeNull()
  })
})

describe('accepting and rejecting', () => {
  const pending = () => {
    let state = stateOf('at nine')
    state = suggest(state, ana, (s) => s.tr.delete(4, 8))
    return suggest(state, ana, (s) => s.tr.insertText('ten', 8))
  }
  const ids = (state: EditorState) => pendingSuggestions(json(state)).map((one) => one.id)

  it('accepts an insertion and a deletion: readers get the new words', () => {
    const state = pending()
    const after = state.apply(settleSuggestions(state, null, true))
    expect(desk(after)).toBe('at ten')
    expect(ids(after)).toEqual([])
  })

  it('rejects all: the words are as they were', () => {
    const state = pending()
    const after = state.apply(settleSuggestions(state, null, false))
    expect(desk(after)).toBe('at nine')
    expect(ids(after)).toEqual([])
  })

  it('settles one suggestion and leaves the other pending', () => {
    const state = pending()
    const [deletionId, insertionId] = ids(state)
    const after = state.apply(settleSuggestions(state, [deletionId ?? ''], false))
    expect(desk(after)).toBe('at nineten')
    expect(ids(after)).toEqual([insertionId])
  })
})

describe('paragraph breaks as suggestions', () => {
  const paragraphs = (state: EditorState) => {
    const found: string[] = []
    state.doc.forEach((node) => found.push(node.textContent))
    return found
  }
  const pending = (state: EditorState) => pendingSuggestions(json(state)).map((one) => [one.kind, one.text, one.authorName])
  const settled = (state: EditorState, ids: string[] | null, accept: boolean) => state.apply(settleSuggestions(state, ids, accept))
  // "Fares rise. " is 12 characters: the caret before "Buses" is at 13.
  const split = () => suggest(caretAt(stateOf('Fares rise. Buses too.'), 13), ana, keyed(splitBlock))

  it('makes Enter a suggested new paragraph: a pilcrow readers never see, split once accepted, gone once rejected', () => {
    const state = split()
    expect(paragraphs(state)).toEqual(['Fares rise. Buses too.'])
    expect(pending(state)).toEqual([['insertion', '¶', 'Ana Ruiz']])
    expect(readers(state)).toBe('Fares rise. Buses too.')
    expect(forReaders(json(state)).content).toHaveLength(1)
    expect(paragraphs(settled(state, null, true))).toEqual(['Fares rise. ', 'Buses too.'])
    expect(json(settled(state, null, false))).toEqual(json(stateOf('Fares rise. Buses too.')))
  })

  it('keeps the words typed after the break a suggestion of their own, and withdraws one’s own break outright', () => {
    const typed = suggest(split(), ana, (s) => s.tr.insertText('New ', s.selection.from))
    expect(pending(typed)).toEqual([
      ['insertion', '¶', 'Ana Ruiz'],
      ['insertion', 'New ', 'Ana Ruiz'],
    ])
    const state = split()
    const withdrawn = suggest(state, ana, (s) => s.tr.delete(s.selection.from - 1, s.selection.from))
    expect(json(withdrawn)).toEqual(json(stateOf('Fares rise. Buses too.')))
  })

  it('keeps someone else’s break when deleted over in suggestion mode, and settles one break of two', () => {
    const state = suggest(split(), ben, (s) => s.tr.delete(13, 14))
    expect(pending(state)).toEqual([['insertion', '¶', 'Ana Ruiz']])
    const both = suggest(caretAt(state, 7), ben, keyed(splitBlock))
    const [bens, anas] = pendingSuggestions(json(both))
    expect([bens?.authorName, anas?.authorName]).toEqual(['Ben Ode', 'Ana Ruiz'])
    const accepted = settled(both, [anas?.id ?? ''], true)
    expect(paragraphs(accepted)).toEqual(['Fares rise. ', 'Buses too.'])
    expect(pending(accepted)).toEqual([['insertion', '¶', 'Ben Ode']])
  })

  it('makes Backspace at a paragraph’s start and Delete at its end a suggested join, joined once accepted', () => {
    const start = stateOf('Fares rise.', 'Buses too.')
    // The second paragraph's words start at 14; the first's end at 12.
    const backspaced = suggest(caretAt(start, 14), ana, keyed(joinBackward))
    const deleted = suggest(caretAt(start, 12), ana, keyed(joinForward))
    for (const state of [backspaced, deleted]) {
      expect(paragraphs(state)).toEqual(['Fares rise.', 'Buses too.'])
      expect(pending(state)).toEqual([['deletion', '¶', 'Ana Ruiz']])
      expect(forReaders(json(state))).toEqual(json(start))
      expect(readers(state)).toBe(readers(start))
      expect(paragraphs(settled(state, null, true))).toEqual(['Fares rise.Buses too.'])
      expect(json(settled(state, null, false))).toEqual(json(start))
    }
    expect(backspaced.selection.from).toBe(12)
    expect(deleted.selection.from).toBe(15)
    // Again: the join is suggested once.
    expect(pending(suggest(deleted, ana, keyed(joinBackward)))).toHaveLength(1)
  })

  it('counts removing someone else’s break outside suggestion mode as settling it', () => {
    const state = split()
    const removed = state.apply(state.tr.delete(13, 14))
    expect(settlesOthers(ben.id, json(state), json(removed))).toBe(true)
    expect(settlesOthers(ana.id, json(state), json(removed))).toBe(false)
  })
})

describe('bold, italic, underline and strikethrough as suggestions', () => {
  const { bold, italic, underline, strike } = storySchema.marks
  const marksOf = (state: EditorState) => {
    const found: string[] = []
    state.doc.descendants((node) => {
      if (node.isText) found.push(`${node.text}:${node.marks.map((mark) => mark.type.name).join('+')}`)
    })
    return found
  }

  it('marks the words with the suggested formatting; readers keep them as they were; accepting applies it', () => {
    const state = suggest(stateOf('Fares rise.'), ana, (s) => s.tr.addMark(1, 6, bold!.create()))
    expect(marksOf(state)).toEqual(['Fares:formatting', ' rise.:'])
    expect(pendingSuggestions(json(state))).toEqual([
      {
        id: expect.any(String),
        authorId: 7,
        authorName: 'Ana Ruiz',
        at: now.toISOString(),
        kind: 'formatting',
        text: 'Fares',
        format: 'Bold',
      },
    ])
    expect(storySchema.nodeFromJSON(forReaders(json(state))).eq(stateOf('Fares rise.').doc)).toBe(true)
    expect(marksOf(state.apply(settleSuggestions(state, null, true)))).toEqual(['Fares:bold', ' rise.:'])
    expect(json(state.apply(settleSuggestions(state, null, false)))).toEqual(json(stateOf('Fares rise.')))
  })

  it('suggests taking italic off, and withdraws one’s own suggestion asked again', () => {
    const start = stateOf('Fares rise.')
    const slanted = start.apply(start.tr.addMark(1, 6, italic!.create()))
    const state = suggest(slanted, ana, (s) => s.tr.removeMark(1, 6, italic))
    expect(pendingSuggestions(json(state)).map((one) => one.format)).toEqual(['Not italic'])
    expect(marksOf(state.apply(settleSuggestions(state, null, true)))).toEqual(['Fares rise.:'])
    const again = suggest(state, ana, (s) => s.tr.removeMark(1, 6, italic))
    expect(json(again)).toEqual(json(slanted))
  })

  it('suggests underline and strikethrough like bold, and taking them off', () => {
    const start = stateOf('Fares rise.')
    const state = suggest(
      suggest(start, ana, (s) => s.tr.addMark(1, 6, underline!.create())),
      ben,
      (s) => s.tr.addMark(7, 11, strike!.create()),
    )
    expect(pendingSuggestions(json(state)).map((one) => [one.format, one.text, one.authorName])).toEqual([
      ['Underline', 'Fares', 'Ana Ruiz'],
      ['Strikethrough', 'rise', 'Ben Ode'],
    ])
    expect(storySchema.nodeFromJSON(forReaders(json(state))).eq(start.doc)).toBe(true)
    const accepted = state.apply(settleSuggestions(state, null, true))
    expect(marksOf(accepted)).toEqual(['Fares:underline', ' :', 'rise:strike', '.:'])
    expect(json(state.apply(settleSuggestions(state, null, false)))).toEqual(json(start))
    const off = suggest(accepted, ana, (s) => s.tr.removeMark(7, 11, strike))
    expect(pendingSuggestions(json(off)).map((one) => one.format)).toEqual(['Not struck through'])
    expect(marksOf(off.apply(settleSuggestions(off, null, true)))).toEqual(['Fares:underline', ' rise.:'])
  })
})

describe('links as suggestions', () => {
  const link = storySchema.marks.link
  const links = (state: EditorState) => {
    const found: string[] = []
    state.doc.descendants((node) => {
      const href = link?.isInSet(node.marks)?.attrs.href
      if (node.isText && href) found.push(`${node.text}→${href}`)
    })
    return found
  }
  const linkTo = (href: string) => (s: EditorState) => s.tr.addMark(1, 6, link!.create({ href }))

  it('suggests a link with its address; readers get the words unlinked until an editor accepts', () => {
    const state = suggest(stateOf('Fares rise.'), ana, linkTo('https://example.org/fares'))
    expect(links(state)).toEqual([])
    expect(pendingSuggestions(json(state)).map((one) => [one.kind, one.format, one.text, one.authorName])).toEqual([
      ['formatting', 'Link to https://example.org/fares', 'Fares', 'Ana Ruiz'],
    ])
    expect(storySchema.nodeFromJSON(forReaders(json(state))).eq(stateOf('Fares rise.').doc)).toBe(true)
    expect(links(state.apply(settleSuggestions(state, null, true)))).toEqual(['Fares→https://example.org/fares'])
    expect(json(state.apply(settleSuggestions(state, null, false)))).toEqual(json(stateOf('Fares rise.')))
  })

  it('suggests a new address for a link, and taking a link off; one’s own link asked again is withdrawn', () => {
    const start = stateOf('Fares rise.')
    const linked = start.apply(linkTo('https://example.org/old')(start))
    const moved = suggest(linked, ana, linkTo('https://example.org/new'))
    expect(pendingSuggestions(json(moved)).map((one) => one.format)).toEqual(['Link to https://example.org/new'])
    expect(links(moved)).toEqual(['Fares→https://example.org/old'])
    expect(links(moved.apply(settleSuggestions(moved, null, true)))).toEqual(['Fares→https://example.org/new'])
    const unlinked = suggest(linked, ben, (s) => s.tr.removeMark(1, 6, link))
    expect(pendingSuggestions(json(unlinked)).map((one) => one.format)).toEqual(['No link'])
    expect(links(unlinked.apply(settleSuggestions(unlinked, null, true)))).toEqual([])
    expect(json(suggest(moved, ana, linkTo('https://example.org/new')))).toEqual(json(linked))
  })

  it('refuses a link to an address a story may not hold', () => {
    const state = stateOf('Fares rise.')
    expect(suggestTransaction(state, linkTo('javascript:alert(1)')(state), ana, now, newId)).toBeNull()
  })
})
