import { describe, expect, it } from 'vitest'
import { contentTypeOfKey, isValidMediaKey, mediaKey } from './keys'

const hash = 'ab'.repeat(32)

describe('media storage keys', () => {
  it('names files by content hash, width and format only', () => {
    expect(mediaKey(hash, 'jpeg')).toBe(`ab/${hash}.jpg`)
    expect(mediaKey(hash, 'webp', 640)).toBe(`ab/${hash}-640.webp`)
    expect(() => mediaKey('../../etc/passwd', 'png')).toThrow()
  })

  it('accepts the keys the library makes', () => {
    expect(isValidMediaKey(mediaKey(hash, 'avif', 1920))).toBe(true)
    expect(isValidMediaKey('demo/harbour-at-dawn.svg')).toBe(true)
  })

  it('refuses parent directories, absolute paths, backslashes, control characters and odd names', () => {
    for (const key of [
      '../secret.jpg',
      'ab/../../etc/passwd',
      'ab/..',
      'a..b/x.jpg',
      '/etc/passwd',
      'C:\\Windows\\win.ini',
      'ab\\cd.jpg',
      'ab/.hidden',
      'ab//cd.jpg',
      'ab/cd.jpg/',
      'ab/c d.jpg',
      'ab/cd\u0000.jpg',
      'ab/cd\n.jpg',
      'AB/CD.JPG',
      'ab/%2e%2e/cd.jpg',
      'ab/é.jpg',
      '',
      `ab/${'x'.repeat(300)}.jpg`,
    ]) {
      expect(isValidMediaKey(key), key).toBe(false)
    }
  })

  it('gives a content type only for the formats the library writes', () => {
    expect(contentTypeOfKey(`ab/${hash}-640.webp`)).toBe('image/webp')
    expect(contentTypeOfKey(`ab/${hash}.jpg`)).toBe('image/jpeg')
    expect(contentTypeOfKey('demo/map.svg')).toBeNull()
    expect(contentTypeOfKey('ab/noextension')).toBeNull()
  })
})
