import { describe, expect, it } from 'vitest'
import { typographic, typographicEdit, typographicInput } from './typography'

describe('typographic punctuation', () => {
  it('curls quotes and apostrophes by what comes before them', () => {
    expect(typographic('"Boats are back," she said. It\'s the harbour master\'s call.')).toBe(
      '“Boats are back,” she said. It’s the harbour master’s call.',
    )
    expect(typographic("He called it 'a good day' ('a very good one').")).toBe('He called it ‘a good day’ (‘a very good one’).')
    expect(typographic('"\'Quoted\' inside"')).toBe('“‘Quoted’ inside”')
  })

  it('reads the text as if typed after what is already there', () => {
    expect(typographic('"', 'She said ')).toBe('“')
    expect(typographic('"', 'She said “yes')).toBe('”')
  })

  it('makes em dashes and ellipses, and leaves a single hyphen and a full stop alone', () => {
    expect(typographic('A quiet year -- then this... A well-known end.')).toBe('A quiet year — then this… A well-known end.')
  })

  it('leaves web addresses as they are', () => {
    const text = 'See https://example.com/a--b?q="x" and www.example.org/it\'s, then "this".'
    expect(typographic(text)).toBe('See https://example.com/a--b?q="x" and www.example.org/it\'s, then “this”.')
  })

  it('says what a typed character replaces, or null when it stays as typed', () => {
    expect(typographicInput('She said ', '"')).toEqual({ length: 1, text: '“' })
    expect(typographicInput('It', "'")).toEqual({ length: 1, text: '’' })
    expect(typographicInput('a year -', '-')).toEqual({ length: 2, text: '—' })
    expect(typographicInput('then..', '.')).toEqual({ length: 3, text: '…' })
    expect(typographicInput('well', '-')).toBeNull()
    expect(typographicInput('https://example.com/a-', '-')).toBeNull()
    expect(typographicInput('https://example.com/?q=', '"')).toBeNull()
  })
})

describe('typographic punctuation in a text field', () => {
  it('changes what was just typed, and moves the caret with it', () => {
    expect(typographicEdit('Harbour ', 'Harbour "', 9)).toEqual({ text: 'Harbour “', caret: 9 })
    expect(typographicEdit('Harbour -', 'Harbour --', 10)).toEqual({ text: 'Harbour —', caret: 9 })
    expect(typographicEdit('“Boats” back', '“Boats” -- back', 11)).toEqual({ text: '“Boats” — back', caret: 10 })
  })

  it('changes a paste in the middle, and leaves text that was already there alone', () => {
    expect(typographicEdit('Keep "this" as is: ', 'Keep "this" as is: "new" -- ok', 30)).toEqual({
      text: 'Keep "this" as is: “new” — ok',
      caret: 29,
    })
    expect(typographicEdit('abc', 'ab', 2)).toEqual({ text: 'ab', caret: 2 })
  })
})

describe('typographic punctuation after a dash', () => {
  it('opens a quote that follows an em dash made from two hyphens', () => {
    expect(typographic('--"Yes"')).toBe('—“Yes”')
  })
})
