import { describe, expect, it } from 'vitest'
import { doc, p, storyDraft, text } from '@/test/story-docs'
import { plainText } from './rich-text-plain'
import { mergeStory } from './story-merge'

const para = (words: string) => p(text(words))
const body = (...paragraphs: string[]) => doc(...paragraphs.map(para))
const paragraphs = (draft: { body: Parameters<typeof plainText>[0] }) => plainText(draft.body).split('\n\n')

const base = storyDraft({
  headline: 'Ferry strike ends',
  standfirst: 'Crews return on Monday.',
  body: body('First.', 'Second.', 'Third.'),
  tags: ['ferries', 'strikes'],
})

describe('merging two saves of one story', () => {
  it('takes each side’s change to different fields, and says which of theirs it took', () => {
    const mine = { ...base, headline: 'Ferry strike ends after ten days' }
    const theirs = { ...base, standfirst: 'Crews return on Monday, the union says.', leadCaption: 'The port at dawn.' }
    const merged = mergeStory(base, mine, theirs)
    expect(merged.overlaps).toEqual([])
    expect(merged.draft.headline).toBe('Ferry strike ends after ten days')
    expect(merged.draft.standfirst).toBe('Crews return on Monday, the union says.')
    expect(merged.draft.leadCaption).toBe('The port at dawn.')
    expect(merged.taken).toEqual(['the standfirst', 'the lead image caption'])
  })

  it('takes each side’s change to different paragraphs, even neighbouring ones', () => {
    const mine = { ...base, body: body('First. Writer added.', 'Second.', 'Third.') }
    const theirs = { ...base, body: body('First.', 'Second.', 'Third. Editor added.') }
    const merged = mergeStory(base, mine, theirs)
    expect(merged.overlaps).toEqual([])
    expect(paragraphs(merged.draft)).toEqual(['First. Writer added.', 'Second.', 'Third. Editor added.'])
    expect(merged.taken).toEqual(['paragraph 3'])

    const next = mergeStory(base, mine, { ...base, body: body('First.', 'Second, changed.', 'Third.') })
    expect(paragraphs(next.draft)).toEqual(['First. Writer added.', 'Second, changed.', 'Third.'])
    expect(next.overlaps).toEqual([])
  })

  it('keeps paragraphs both sides inserted, in order, and their deletions', () => {
    const mine = { ...base, body: body('First.', 'Mine after first.', 'Second.', 'Third.', 'Mine at the end.') }
    const theirs = { ...base, body: body('First.', 'Second.', 'Third.', 'Theirs at the end.') }
    const merged = mergeStory(base, mine, theirs)
    expect(merged.overlaps).toEqual([])
    expect(paragraphs(merged.draft)).toEqual(['First.', 'Mine after first.', 'Second.', 'Third.', 'Theirs at the end.', 'Mine at the end.'])
    expect(merged.taken).toEqual(['paragraph 5'])

    const edited = { ...base, body: body('First. Writer added.', 'Second.', 'Third.') }
    const removed = mergeStory(base, edited, { ...base, body: body('First.', 'Second.') })
    expect(paragraphs(removed.draft)).toEqual(['First. Writer added.', 'Second.'])
    expect(removed.taken).toEqual(['the body (a block removed)'])
  })

  it('merges tags as a set: additions from both, removals from either', () => {
    const mine = { ...base, tags: ['ferries', 'strikes', 'unions'] }
    const theirs = { ...base, tags: ['ferries', 'ports'] }
    expect(mergeStory(base, mine, theirs).draft.tags).toEqual(['ferries', 'ports', 'unions'])
  })

  it('finds an overlap only where both changed the same paragraph or field differently', () => {
    const mine = { ...base, headline: 'Strike over', body: body('First.', 'Second, by me.', 'Third.') }
    const theirs = { ...base, headline: 'Ferries sail again', body: body('First.', 'Second, by them.', 'Third. More.') }
    const merged = mergeStory(base, mine, theirs)
    expect(merged.overlaps.map((overlap) => overlap.label)).toEqual(['Headline', 'Paragraph 2'])
    const [, paragraph] = merged.overlaps
    expect(paragraph?.kind === 'body' && plainText(doc(...paragraph.theirs))).toBe('Second, by them.')
    expect(paragraph?.kind === 'body' && plainText(doc(...paragraph.mine))).toBe('Second, by me.')
    // Until the person decides, the overlaps hold their own text; the rest is merged.
    expect(paragraphs(merged.draft)).toEqual(['First.', 'Second, by me.', 'Third. More.'])
    expect(merged.draft.headline).toBe('Strike over')

    const same = mergeStory(base, mine, { ...mine })
    expect(same.overlaps).toEqual([])
  })

  it('settles overlaps by the choice: theirs, or both one after the other', () => {
    const mine = { ...base, headline: 'Strike over', body: body('First.', 'Second, by me.', 'Third.') }
    const theirs = { ...base, headline: 'Ferries sail again', body: body('First.', 'Second, by them.', 'Third.') }
    const keptTheirs = mergeStory(base, mine, theirs, 'theirs')
    expect(keptTheirs.draft.headline).toBe('Ferries sail again')
    expect(paragraphs(keptTheirs.draft)).toEqual(['First.', 'Second, by them.', 'Third.'])

    const keptBoth = mergeStory(base, mine, theirs, 'both')
    expect(keptBoth.draft.headline).toBe('Ferries sail again / Strike over')
    expect(paragraphs(keptBoth.draft)).toEqual(['First.', 'Second, by them.', 'Second, by me.', 'Third.'])
  })

  it('keeps one section or lead image, as it cannot keep two', () => {
    const merged = mergeStory(base, { ...base, sectionId: 2 }, { ...base, sectionId: 3 }, 'both')
    expect(merged.overlaps).toMatchObject([{ label: 'Section', canKeepBoth: false }])
    expect(merged.draft.sectionId).toBe(2)
  })
})
