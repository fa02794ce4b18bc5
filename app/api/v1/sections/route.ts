import { getDb } from '@/db'
import { apiRead } from '@/lib/content-api/callers'
import { serveSections } from '@/lib/content-api/sections'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const db = getDb()
  return apiRead(db, request, () => serveSections(db, request))
}
