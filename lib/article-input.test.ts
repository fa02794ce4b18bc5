import { describe, expect, it } from 'vitest'
import { invalidInput } from './refusal'
import { type ArticleInputRaw, articleInputSchema, derivedSlug, storyProblems } from './article-input'

const valid: ArticleInputRaw = {
  headline: '  Harbour reopens  ',
  standfirst: 'Boats are back.',
  body: { type: 'doc', content: [] },
  sectionId: '3',
  slug: '',
  tags: ['Shipping'],
  bylines: [{ userId: '7' }],
  leadMediaId: '',
  socialMediaId: '',
}

function problems(overrides: Partial<ArticleInputRaw>): string[] {
  const result = articleInputSchema.safeParse({ ...valid, ...overrides })
  return result.success ? [] : result.error.issues.map((issue) => issue.message)
}

describe('the story form’s input', () => {
  it('trims text, reads numbers sent as text and fills the optional fields', () => {
    expect(articleInputSchema.parse(valid)).toEqual({
      headline: 'Harbour reopens',
      standfirst: 'Boats are back.',
      dateline: '',
      body: { type: 'doc', content: [] },
      sectionId: 3,
      slug: '',
      tags: ['Shipping'],
      bylines: [{ userId: 7 }],
      leadMediaId: null,
      leadCaption: '',
      leadCredit: '',
      seoTitle: '',
      seoDescription: '',
      socialHeadline: '',
      socialMediaId: null,
    })
  })

  it('refuses a headline of 301 characters and accepts one of 300', () => {
    expect(problems({ headline: 'x'.repeat(301) })).toEqual(['Keep the headline under 300 characters.'])
    expect(problems({ headline: 'x'.repeat(300) })).toEqual([])
  })

  it('takes a dateline of one line up to 60 characters, trimmed, and says what is wrong with any other', () => {
    expect(articleInputSchema.parse({ ...valid, dateline: '  BEIRUT ' }).dateline).toBe('BEIRUT')
    expect(problems({ dateline: 'x'.repeat(60) })).toEqual([])
    expect(problems({ dateline: 'x'.repeat(61) })).toEqual(['Keep the dateline under 60 characters, like BEIRUT.'])
    expect(problems({ dateline: 'BEIRUT\nLEBANON' })).toEqual(['Write the dateline on one line, like BEIRUT.'])
    expect(problems({ dateline: 'BEIRUT\r\n' })).toEqual(['Write the dateline on one line, like BEIRUT.'])
  })

  it('lets a draft be saved without a headline or a byline, but not sent on without them: one message for each problem', () => {
    const draft = articleInputSchema.parse({ ...valid, headline: '   ', bylines: [{ name: ' ', outlet: '' }] })
    expect(draft.headline).toBe('')
    expect(draft.bylines).toEqual([])
    expect(storyProblems(draft)).toEqual([
      { field: 'headline', message: 'Write a headline before sending the story on.' },
      { field: 'bylines', message: 'Add a byline before sending the story on.' },
    ])
    expect(storyProblems({ headline: 'Harbour reopens', bylines: [{ userId: 7 }] })).toEqual([])
  })

  it('finds a contributor with an outlet and no name at its own row, and no fault in empty rows', () => {
    const rows = [{ name: '', outlet: '' }, { userId: 7 }, { name: '', outlet: 'Delta Weekly' }, { name: '', outlet: '' }]
    expect(storyProblems({ headline: 'Harbour reopens', bylines: rows })).toEqual([
      { field: 'byline-3-name', message: 'Enter the contributor’s name, or remove this byline.' },
    ])
  })

  it('keeps one of each tag, whatever its case or spacing, in the order first written', () => {
    const tags = ['Climate', ' climate ', 'Floods', '', 'FLOODS', 'Café', 'cafe']
    expect(articleInputSchema.parse({ ...valid, tags }).tags).toEqual(['Climate', 'Floods', 'Café'])
    expect(articleInputSchema.parse({ ...valid, tags: 'climate, floods, ' }).tags).toEqual(['climate', 'floods'])
  })

  it('refuses more than 20 tags, a tag over 60 characters and a tag with no letter', () => {
    expect(problems({ tags: Array.from({ length: 21 }, (_, index) => `tag ${index}`) })).toEqual(['Use at most 20 tags.'])
    expect(problems({ tags: ['x'.repeat(61)] })).toEqual(['Keep each tag under 60 characters.'])
    expect(problems({ tags: ['!!!'] })).toEqual(['A tag needs at least one letter or digit.'])
  })

  it('refuses a slug with capitals, spaces or doubled hyphens, and one over 100 characters', () => {
    expect(problems({ slug: 'Harbour Reopens' })).toEqual(['Use only lower-case letters, digits and single hyphens, like harbour-reopens.'])
    expect(problems({ slug: 'harbour--reopens' })).toHaveLength(1)
    expect(problems({ slug: '-harbour' })).toHaveLength(1)
    expect(problems({ slug: 'a'.repeat(101) })).toContain('Keep the slug under 100 characters.')
    expect(problems({ slug: 'harbour-reopens-2' })).toEqual([])
  })

  it('derives a slug from the headline when the field is empty', () => {
    expect(derivedSlug('Marsa Halim’s harbour reopens, a year on')).toBe('marsa-halims-harbour-reopens-a-year-on')
    expect(derivedSlug('?!')).toBe('')
  })

  it('drops empty byline rows and repeats, keeps an unfinished contributor, and holds names to their limit', () => {
    expect(problems({ bylines: [] })).toEqual([])
    const bylines = [
      { name: 'Rania Salem', outlet: ' Delta Weekly ' },
      { name: ' ', outlet: '' },
      { userId: 7 },
      { userId: '7' },
      { name: '', outlet: 'Wire' },
    ]
    expect(articleInputSchema.parse({ ...valid, bylines }).bylines).toEqual([
      { name: 'Rania Salem', outlet: 'Delta Weekly' },
      { userId: 7 },
      { name: '', outlet: 'Wire' },
    ])
    expect(problems({ bylines: [{ name: 'x'.repeat(121), outlet: '' }] })).toEqual(['Keep a contributor’s name under 120 characters.'])
  })

  it('refuses a save with each problem said once, however many rows have it, naming the first field at fault', () => {
    const long = { name: 'x'.repeat(121), outlet: '' }
    const result = articleInputSchema.safeParse({ ...valid, bylines: [long, { ...long, outlet: 'Wire' }] })
    expect(result.success).toBe(false)
    if (!result.success) {
      expect(invalidInput(result.error)).toEqual({
        ok: false,
        reason: 'invalid',
        message: 'Keep a contributor’s name under 120 characters.',
        field: 'bylines',
      })
    }
    expect(problems({ bylines: Array.from({ length: 11 }, (_, index) => ({ userId: index + 1 })) })).toEqual(['Use at most 10 bylines.'])
  })

  it('needs a section, and takes a lead image id or none', () => {
    expect(problems({ sectionId: '' })).toEqual(['Choose a section.'])
    expect(articleInputSchema.parse({ ...valid, leadMediaId: '12' }).leadMediaId).toBe(12)
    expect(articleInputSchema.parse({ ...valid, leadMediaId: null }).leadMediaId).toBeNull()
  })

  it('holds captions, credits and search texts to their limits', () => {
    expect(problems({ leadCaption: 'x'.repeat(1001) })).toEqual(['Keep the caption under 1000 characters.'])
    expect(problems({ leadCredit: 'x'.repeat(201) })).toEqual(['Keep the credit under 200 characters.'])
    expect(problems({ seoTitle: 'x'.repeat(201) })[0]).toMatch(/^Keep the search title under 200 characters/)
    expect(problems({ seoDescription: 'x'.repeat(401) })[0]).toMatch(/^Keep the search description under 400 characters/)
    expect(problems({ seoTitle: 'x'.repeat(120) })).toEqual([])
  })
})
