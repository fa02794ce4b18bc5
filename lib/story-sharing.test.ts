import { describe, expect, it } from 'vitest'
import { type SharedStory, sharingOverruns, shortened, storySharing } from './story-sharing'

const story: SharedStory<string> = {
  headline: 'Harbour reopens',
  standfirst: 'Boats are back after fourteen months.',
  seoTitle: '',
  seoDescription: '',
  socialHeadline: '',
  lead: 'lead.jpg',
  social: null,
}

describe('what search engines and link previews are told of a story', () => {
  it('uses the headline, the standfirst and the lead image when nothing else is set', () => {
    expect(storySharing(story)).toEqual({
      title: 'Harbour reopens',
      description: 'Boats are back after fourteen months.',
      socialTitle: 'Harbour reopens',
      image: 'lead.jpg',
    })
  })

  it('uses the SEO title and description for search and for link previews when they are set', () => {
    const shared = storySharing({ ...story, seoTitle: 'Beirut harbour reopens', seoDescription: 'Ferries return today.' })
    expect(shared).toMatchObject({
      title: 'Beirut harbour reopens',
      description: 'Ferries return today.',
      socialTitle: 'Beirut harbour reopens',
    })
  })

  it('lets the social headline and social image win in link previews only', () => {
    const shared = storySharing({
      ...story,
      seoTitle: 'Beirut harbour reopens',
      socialHeadline: 'The boats are back',
      social: 'social.jpg',
    })
    expect(shared).toMatchObject({ title: 'Beirut harbour reopens', socialTitle: 'The boats are back', image: 'social.jpg' })
    expect(storySharing({ ...story, lead: null, social: 'social.jpg' }).image).toBe('social.jpg')
    expect(storySharing({ ...story, lead: null }).image).toBeNull()
  })

  it('ignores fields of spaces only, and puts each text on one line', () => {
    const shared = storySharing({ ...story, seoTitle: '   ', socialHeadline: ' \n ', seoDescription: 'Line one\n\nline  two ' })
    expect(shared).toMatchObject({ title: 'Harbour reopens', socialTitle: 'Harbour reopens', description: 'Line one line two' })
  })

  it('shortens a long standfirst to about 160 characters at a word, but keeps an SEO description as written', () => {
    const long = `${'word '.repeat(60)}end`
    const { description } = storySharing({ ...story, standfirst: long })
    expect([...description].length).toBeLessThanOrEqual(160)
    expect(description).toMatch(/word…$/)
    expect(storySharing({ ...story, standfirst: long, seoDescription: long }).description).toBe(long)
  })
})

describe('shortening text as a search engine does', () => {
  it('leaves text within the limit alone', () => {
    expect(shortened('Harbour reopens', 15)).toBe('Harbour reopens')
  })

  it('cuts at the last space before the limit and adds an ellipsis', () => {
    expect(shortened('Harbour reopens after fourteen months', 20)).toBe('Harbour reopens…')
  })

  it('cuts inside a word that is too long to keep whole, and counts characters, not code units', () => {
    expect(shortened('Supercalifragilistic', 10)).toBe('Supercali…')
    expect(shortened('🚢🚢🚢🚢🚢🚢', 4)).toBe('🚢🚢🚢…')
  })
})

describe('which shown texts pass what search engines and link previews show', () => {
  it('finds nothing when every text fits', () => {
    expect(sharingOverruns(storySharing(story))).toEqual({})
  })

  it('names each text that is too long, with its length and the length shown, as the checklist counts', () => {
    const found = sharingOverruns(storySharing({ ...story, seoTitle: 'x'.repeat(71), seoDescription: 'y'.repeat(161) }))
    expect(found).toEqual({
      title: 'The search title has 71 characters; search engines show about 70 and cut the rest.',
      description: 'The search description has 161 characters; search engines show about 160 and cut the rest.',
      socialTitle: 'The social headline has 71 characters; link previews show about 70 and cut the rest.',
    })
    expect(sharingOverruns(storySharing({ ...story, seoTitle: 'x'.repeat(71), socialHeadline: 'Short' }))).toEqual({
      title: 'The search title has 71 characters; search engines show about 70 and cut the rest.',
    })
  })
})
