import { describe, expect, it } from 'vitest'
import { doc, p, storyDraft, text } from '@/test/story-docs'
import { mergeStory } from '../story-merge'
import { mergeIntoShared, withSharedParts } from './shared-parts'
import type { FieldValues } from './story-fields'

// The story form merges versions of a story written together on the fields it saves only: the
// headline, standfirst and body on screen are the shared document's (components/desk/use-story-merge.ts).

const base = storyDraft({ headline: 'Harbour fees', standfirst: '', body: doc(p(text('Fees rise.'))) })
const onScreen = { headline: 'Harbour fees to double', standfirst: 'From May.', body: doc(p(text('Fees rise. Owners object.'))) }

describe('merging while a story is written together', () => {
  it('takes a revision the sync server cut as no change: nothing to merge, nothing to ask', () => {
    const cut = { ...base, headline: 'Harbour fees to', body: doc(p(text('Fees rise. Owners'))) }
    const mine = withSharedParts({ ...base, tags: ['ports'] }, onScreen)
    const merged = mergeStory(withSharedParts(base, onScreen), mine, withSharedParts(cut, onScreen))
    expect(merged.overlaps).toEqual([])
    expect(merged.taken).toEqual([])
    expect(merged.draft).toMatchObject({ ...onScreen, tags: ['ports'] })
  })

  it('still merges another person’s change to a field the form saves', () => {
    const theirs = { ...base, dateline: 'BEIRUT', headline: 'Old headline' }
    const mine = withSharedParts({ ...base, tags: ['ports'] }, onScreen)
    const merged = mergeStory(withSharedParts(base, onScreen), mine, withSharedParts(theirs, onScreen))
    expect(merged.overlaps).toEqual([])
    expect(merged.draft).toMatchObject({ ...onScreen, tags: ['ports'], dateline: 'BEIRUT' })
  })
})

describe('a save made alone, merged into the shared document', () => {
  const fields: FieldValues = base
  const twoParagraphs = { headline: 'Harbour fees', standfirst: '', body: doc(p(text('Fees rise.')), p(text('Owners object.'))) }

  it('keeps what the save changed and what was typed together meanwhile', () => {
    const saved = { ...twoParagraphs, standfirst: 'From May.', body: doc(p(text('Fees rise in May.')), p(text('Owners object.'))), fields }
    const typed = {
      ...twoParagraphs,
      headline: 'Harbour fees to double',
      body: doc(p(text('Fees rise.')), p(text('Owners object loudly.'))),
    }
    expect(mergeIntoShared(twoParagraphs, saved, typed)).toEqual({
      headline: 'Harbour fees to double',
      standfirst: 'From May.',
      body: doc(p(text('Fees rise in May.')), p(text('Owners object loudly.'))),
      fields,
    })
  })

  it('keeps both versions of a paragraph both changed: no keystroke is lost', () => {
    const saved = { ...twoParagraphs, body: doc(p(text('Fees rise in May.')), p(text('Owners object.'))), fields }
    const typed = { ...twoParagraphs, body: doc(p(text('Fees rise sharply.')), p(text('Owners object.'))) }
    const texts = mergeIntoShared(twoParagraphs, saved, typed).body.content?.map((block) => block.content?.[0]?.text)
    expect(texts).toEqual(expect.arrayContaining(['Fees rise in May.', 'Fees rise sharply.', 'Owners object.']))
  })
})
