import { getDb } from '@/db'
import { apiRead } from '@/lib/content-api/callers'
import { serveStory } from '@/lib/content-api/stories'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params
  const db = getDb()
  return apiRead(db, request, (caller) => serveStory(db, request, id, caller))
}
