import { describe, expect, it } from 'vitest'
import { safeCallbackPath } from './redirects'

describe('where sign-in sends people back to', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeCallbackPath('/desk/admin/users?page=2')).toBe('/desk/admin/users?page=2')
  })

  it.each([
    ['another site', 'https://evil.example/desk'],
    ['a protocol-relative address', '//evil.example/desk'],
    ['a backslash trick', '/\\evil.example'],
    ['a script URL', 'javascript:alert(1)'],
    ['a relative path', 'desk'],
    ['nothing', undefined],
  ])('sends %s to the desk', (_, value) => {
    expect(safeCallbackPath(value)).toBe('/desk')
  })
})
