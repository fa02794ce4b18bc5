import { describe, expect, it } from 'vitest'
import { isAllowedHref, isAllowedImageSrc, normalizeTypedHref } from './urls'

describe('addresses in a story', () => {
  it.each([['https://example.org/'], ['http://example.org/a?b=c#d'], ['mailto:desk@example.org'], ['/section/story'], ['/']])(
    'allows the link %s',
    (href) => {
      expect(isAllowedHref(href)).toBe(true)
    },
  )

  it.each([
    ['javascript:alert(1)'],
    ['jAvAsCrIpT:alert(1)'],
    ['java\tscript:alert(1)'],
    [' https://example.org/'],
    ['data:text/html,x'],
    ['vbscript:x'],
    ['tel:+441234'],
    ['//evil.example'],
    ['/\\evil.example'],
    ['https://'],
    ['mailto:'],
    ['relative/path'],
    ['#top'],
    [''],
    [42],
  ])('refuses the link %j', (href) => {
    expect(isAllowedHref(href)).toBe(false)
  })

  it('allows images on this site or on http(s) addresses only', () => {
    expect(isAllowedImageSrc('/demo/a.svg')).toBe(true)
    expect(isAllowedImageSrc('https://example.org/a.jpg')).toBe(true)
    expect(isAllowedImageSrc('mailto:x@example.org')).toBe(false)
    expect(isAllowedImageSrc('data:image/png;base64,AAAA')).toBe(false)
  })

  it.each([
    ['example.org/page', 'https://example.org/page'],
    ['  https://example.org  ', 'https://example.org/'],
    ['desk@example.org', 'mailto:desk@example.org'],
    ['mailto:desk@example.org', 'mailto:desk@example.org'],
    ['/politics', '/politics'],
    ['https://example.org/a b', 'https://example.org/a%20b'],
    ['javascript:alert(1)', null],
    ['ftp://example.org', null],
    ['not an address', null],
    ['', null],
  ])('reads the typed address %j as %j', (typed, expected) => {
    expect(normalizeTypedHref(typed)).toBe(expected)
  })
})
