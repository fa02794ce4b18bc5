import crypto from 'node:crypto'
import { z } from 'zod'
import { json, refusalResponse } from '@/lib/http'
import { refreshKey, refreshPublicPages } from '@/lib/public-pages'
import { refusal } from '@/lib/refusal'

const refreshRequestSchema = z.object({ paths: z.array(z.string().startsWith('/').max(2000)).max(50_000) })

/**
 * Refreshes reader's pages for work done outside a request: the scheduler's publications
 * (`askServerToRefresh` in lib/public-pages.ts). Only the server itself holds the key.
 */
export async function POST(request: Request): Promise<Response> {
  const given = Buffer.from(request.headers.get('authorization') ?? '')
  const expected = Buffer.from(`Bearer ${refreshKey()}`)
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return refusalResponse(refusal('forbidden', 'Only the server itself may ask for a refresh.'))
  }
  const input = refreshRequestSchema.safeParse(await request.json().catch(() => null))
  if (!input.success) return refusalResponse(refusal('invalid', 'Send { paths: ["/…"] }.'))
  refreshPublicPages(input.data.paths)
  return json({ ok: true })
}
