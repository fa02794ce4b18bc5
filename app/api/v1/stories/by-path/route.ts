import { getDb } from '@/db'
import { apiRead } from '@/lib/content-api/callers'
import { serveStoryByPath } from '@/lib/content-api/stories'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const db = getDb()
  return apiRead(db, request, (caller) => serveStoryByPath(db, request, caller))
}
