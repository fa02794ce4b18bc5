import { getDb } from '@/db'
import { tokenAnswer } from '@/lib/content-api/callers'
import { serveDeliveries } from '@/lib/content-api/webhook-log'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const db = getDb()
  return tokenAnswer(db, request, 'webhooks', (token) => serveDeliveries(db, request, token))
}
