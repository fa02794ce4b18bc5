import { getDb } from '@/db'
import { serveCorrections } from '@/lib/content-api/corrections'
import { apiRead } from '@/lib/content-api/callers'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const db = getDb()
  return apiRead(db, request, (caller) => serveCorrections(db, request, caller))
}
