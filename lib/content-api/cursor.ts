import { z } from 'zod'

// Cursors for the API's lists: the position of the last item of a page (its sort values), named
// by the list it belongs to, as base64url JSON. Opaque to clients; anything that does not decode
// to a position of this list is refused (400 bad_cursor) rather than guessed at.

/** A timestamp as PostgreSQL gives it with microseconds (`cursorTime` in SQL), so a position is exact. */
export const cursorTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)

export const cursorId = z.number().int().positive().max(2_147_483_647)

type Position = readonly [string, ...(string | number)[]]

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url')
}

/** The position a cursor names, or null when it is not a cursor of the list `schema` describes. */
export function decodeCursor<T extends Position>(raw: string, schema: z.ZodType<T>): T | null {
  if (raw.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(raw)) return null
  const text = Buffer.from(raw, 'base64url').toString('utf8')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = schema.safeParse(value)
  // Only the one spelling this module writes: a cursor edited by hand is not a position.
  return parsed.success && encodeCursor(parsed.data) === raw ? parsed.data : null
}

/** One page of a list: its items, and the cursor and address of the next page (null on the last). */
export type ApiPage<T> = { data: T[]; nextCursor: string | null; next: string | null }

/**
 * A page made from `rows`, read with one row more than `limit` to learn whether another page
 * follows. The next page's address is this request's with the cursor of the last item shown.
 */
export function pageFrom<R, T>(
  rows: readonly R[],
  limit: number,
  url: URL,
  position: (row: R) => Position,
  item: (row: R) => T,
): ApiPage<T> {
  const shown = rows.slice(0, limit)
  const last = shown.at(-1)
  if (rows.length <= limit || last === undefined) return { data: shown.map(item), nextCursor: null, next: null }
  const nextCursor = encodeCursor(position(last))
  const params = new URLSearchParams(url.searchParams)
  params.set('cursor', nextCursor)
  return { data: shown.map(item), nextCursor, next: `${url.pathname}?${params}` }
}
