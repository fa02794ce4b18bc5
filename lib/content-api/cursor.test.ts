import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { cursorId, cursorTimestamp, decodeCursor, encodeCursor, pageFrom } from './cursor'

const storyCursor = z.tuple([z.literal('stories'), cursorTimestamp, cursorId])
const position = ['stories', '2026-12-01T08:00:00.123456Z', 42] as const

describe('cursors', () => {
  it('give back the position they were made from', () => {
    expect(decodeCursor(encodeCursor(position), storyCursor)).toEqual(position)
  })

  it('refuse what is not a cursor of this list: garbage, another list’s cursor, a wrong position, a hand-edited spelling', () => {
    const refused = [
      '',
      'not a cursor!',
      'bm90IGpzb24',
      encodeCursor(['tags', 'shipping']),
      encodeCursor(['stories', '2026-12-01T08:00:00Z', 42]),
      encodeCursor(['stories', '2026-12-01T08:00:00.123456Z', -1]),
      encodeCursor(['stories', '2026-12-01T08:00:00.123456Z', 4.5]),
      Buffer.from(JSON.stringify(position, null, 1)).toString('base64url'),
      'A'.repeat(1001),
    ]
    for (const raw of refused) expect(decodeCursor(raw, storyCursor), raw).toBeNull()
  })
})

describe('a page of a list', () => {
  const url = new URL('http://copydesk.test/api/v1/stories?tag=shipping&limit=2')
  const rows = [1, 2, 3].map((id) => ({ id }))
  const at = (row: { id: number }) => ['numbers', row.id] as const

  it('gives the cursor of its last item and the next page’s address, keeping the filters', () => {
    const page = pageFrom(rows, 2, url, at, (row) => row.id)
    expect(page.data).toEqual([1, 2])
    expect(page.nextCursor).toBe(encodeCursor(['numbers', 2]))
    expect(page.next).toBe(`/api/v1/stories?tag=shipping&limit=2&cursor=${page.nextCursor}`)
  })

  it('says there is no next page when it was read with no row to spare', () => {
    expect(pageFrom(rows.slice(0, 2), 2, url, at, (row) => row.id)).toEqual({ data: [1, 2], nextCursor: null, next: null })
  })
})
