import { describe, expect, it } from 'vitest'
import { slugify } from './slug'

describe('slugs', () => {
  it('turns a headline into lower-case words joined by hyphens', () => {
    expect(slugify('Harbour Reopens, a Year On: What Was Lost?')).toBe('harbour-reopens-a-year-on-what-was-lost')
  })

  it('keeps the letters of accented and Nordic names', () => {
    expect(slugify('Østre Café in Łódź gets Straße')).toBe('ostre-cafe-in-lodz-gets-strasse')
  })

  it('drops apostrophes instead of splitting words', () => {
    expect(slugify('The city’s mayor won’t resign')).toBe('the-citys-mayor-wont-resign')
  })

  it('never ends with a hyphen when cut short', () => {
    expect(slugify('one two three four', 8)).toBe('one-two')
  })

  it('is empty for text with no letters or digits', () => {
    expect(slugify('!!! ??? ---')).toBe('')
  })
})
