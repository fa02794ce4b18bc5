import { z } from 'zod'

/** A route segment `[id]` as a positive whole number, or null. */
export function parseId(value: string): number | null {
  const parsed = z.coerce.number().int().positive().safeParse(value)
  return parsed.success ? parsed.data : null
}

export function json<T>(body: T, status = 200): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } })
}
