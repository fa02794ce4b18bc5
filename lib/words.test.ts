import { describe, expect, it } from 'vitest'
import { countOf, withArticle } from './words'

describe('counts', () => {
  it('put the noun in the number the count asks for', () => {
    expect(countOf(1, 'open note')).toBe('1 open note')
    expect(countOf(2, 'open note')).toBe('2 open notes')
    expect(countOf(0, 'image')).toBe('0 images')
    expect(countOf(1, 'story', 'stories')).toBe('1 story')
    expect(countOf(3, 'story', 'stories')).toBe('3 stories')
    expect(countOf(12345, 'result')).toBe('12,345 results')
  })
})

describe('articles', () => {
  it('follow the sound, not only the letter', () => {
    expect(withArticle('editor')).toBe('an editor')
    expect(withArticle('admin')).toBe('an admin')
    expect(withArticle('writer')).toBe('a writer')
    expect(withArticle('user')).toBe('a user')
    expect(withArticle('hour')).toBe('an hour')
    expect(withArticle('update')).toBe('an update')
    expect(withArticle('one-off')).toBe('a one-off')
  })
})
