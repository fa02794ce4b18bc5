import { getDb } from '@/db'
import { keptApiAnswer } from '@/lib/content-api/respond'
import { serveStories } from '@/lib/content-api/stories'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  return keptApiAnswer(request, () => serveStories(getDb(), request))
}
