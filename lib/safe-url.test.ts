import { describe, expect, it } from 'vitest'
import { safeUrl } from './safe-url'

describe('safeUrl', () => {
  it.each([
    'https://example.org/a?b=c#d',
    'http://localhost:3000/regions',
    'mailto:desk@example.org',
    'mailto:?subject=Hello&body=World',
    '/',
    '/regions/middle-east/story',
    '/search?q=harbour&page=2',
  ])('accepts %s', (value) => {
    expect(safeUrl(value)).toBe(value)
  })

  it.each([
    ['a script address', 'javascript:alert(1)'],
    ['a script address in capitals', 'JavaScript:alert(1)'],
    ['a script address hiding a tab', 'java\tscript:alert(1)'],
    ['a data address', 'data:text/html,<script>alert(1)</script>'],
    ['a vbscript address', 'vbscript:msgbox(1)'],
    ['a file address', 'file:///etc/passwd'],
    ['another site without a scheme', '//evil.example/x'],
    ['another site behind a backslash', '/\\evil.example/x'],
    ['a relative path', 'regions/middle-east'],
    ['an http address with no host', 'https://'],
    ['a line separator', '/a\u2028b'],
    ['nothing', ''],
  ])('refuses %s', (_, value) => {
    expect(safeUrl(value)).toBeNull()
  })
})
