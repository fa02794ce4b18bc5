import { getDb } from '@/db'
import { apiRead } from '@/lib/content-api/callers'
import { serveTags } from '@/lib/content-api/tags'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const db = getDb()
  return apiRead(db, request, () => serveTags(db, request))
}
