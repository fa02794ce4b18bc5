import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isReservedTopSegment, routeSegments } from './reader-addresses'

const foldersOf = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('(') && !entry.name.startsWith('['))
    .map((entry) => entry.name)

describe('the addresses sections may not take', () => {
  it('list every route folder of the app and every folder of public/', () => {
    const folders = [...foldersOf('app'), ...foldersOf('app/(site)'), ...foldersOf('public')]
    expect([...new Set(folders)].sort()).toEqual([...routeSegments].sort())
  })

  it('include the standing pages and paging, and leave ordinary names free', () => {
    for (const slug of ['desk', 'feed.xml', 'search', 'media', 'tags', 'authors', 'corrections', 'about', 'ethics', 'page']) {
      expect(isReservedTopSegment(slug), slug).toBe(true)
    }
    expect(isReservedTopSegment('regions')).toBe(false)
  })
})
