import { getDb } from '@/db'
import { serveAuthors } from '@/lib/content-api/authors'
import { apiRead } from '@/lib/content-api/callers'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const db = getDb()
  return apiRead(db, request, () => serveAuthors(db, request))
}
