import { describe, expect, it } from 'vitest'
import { chooseTop, frontPageRules, shownAtTop } from './front-page'
import type { StorySummary } from './public-lists'

/** Stories newest first: `true` for one with a lead photo. */
function stories(...photos: boolean[]): StorySummary[] {
  return photos.map((hasPhoto, index) => ({
    id: index + 1,
    headline: `Story ${index + 1}`,
    standfirst: '',
    path: `/news/story-${index + 1}`,
    section: { id: 1, name: 'News', slug: 'news', path: '/news' },
    publishedAt: new Date(Date.UTC(2026, 11, 4, 12 - index)),
    leadMediaId: hasPhoto ? 100 + index : null,
  }))
}

const ids = (list: readonly StorySummary[]) => list.map((story) => story.id)

describe('the top of the front page', () => {
  it('leads with the newest story that has a photo, even when a newer one has none', () => {
    const { lead } = chooseTop(stories(false, true, true))
    expect(lead?.id).toBe(2)
  })

  it('puts the newest stories with photos under the lead, three at most, newest first', () => {
    const { lead, secondaries } = chooseTop(stories(true, false, true, true, false, true, true))
    expect(lead?.id).toBe(1)
    expect(ids(secondaries)).toEqual([3, 4, 6])
  })

  it('makes up two secondaries with the newest stories without photos when too few have one', () => {
    const { lead, secondaries } = chooseTop(stories(false, true, false, false))
    expect(lead?.id).toBe(2)
    expect(ids(secondaries)).toEqual([1, 3])
  })

  it('leads with the newest story when none has a photo', () => {
    const { lead, secondaries } = chooseTop(stories(false, false, false))
    expect(lead?.id).toBe(1)
    expect(ids(secondaries)).toEqual([2, 3])
  })

  it('chooses only among the newest candidates', () => {
    const many = stories(...Array.from({ length: frontPageRules.candidates }, () => false), true)
    expect(chooseTop(many).lead?.id).toBe(1)
  })

  it('never shows a story twice, and hands the rails every story it showed', () => {
    const top = chooseTop(stories(true, true, false, true, true, true))
    const shown = shownAtTop(top)
    expect(new Set(shown).size).toBe(shown.length)
    expect(shown).toEqual([1, 2, 4, 5])
  })

  it('has nothing to show before anything is published', () => {
    expect(chooseTop([])).toEqual({ lead: null, secondaries: [] })
    expect(shownAtTop(chooseTop([]))).toEqual([])
  })

  it('with one other photo, takes it and makes up the second with the newest story without', () => {
    const { secondaries } = chooseTop(stories(true, false, false, true))
    expect(ids(secondaries)).toEqual([2, 4])
  })

  it('leads with the pinned story, whether or not it has a photo or is among the newest', () => {
    const all = stories(true, true, true, false)
    const { lead, secondaries } = chooseTop(all.slice(0, 3), { lead: all[3] ?? null, below: [] })
    expect(lead?.id).toBe(4)
    expect(ids(secondaries)).toEqual([1, 2, 3])
  })

  it('puts the stories pinned under the lead first, in their order, and fills the rest by the rules', () => {
    const all = stories(true, true, true, true, true)
    const { lead, secondaries } = chooseTop(all, { lead: null, below: [all[4]!, all[2]!] })
    expect(lead?.id).toBe(1)
    expect(ids(secondaries)).toEqual([5, 3, 2])
  })

  it('never shows a pinned story twice', () => {
    const all = stories(true, true)
    const top = chooseTop(all, { lead: all[1] ?? null, below: [all[1]!] })
    expect(top.lead?.id).toBe(2)
    expect(ids(top.secondaries)).toEqual([1])
  })
})
