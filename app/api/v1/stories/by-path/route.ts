import { getDb } from '@/db'
import { keptApiAnswer } from '@/lib/content-api/respond'
import { serveStoryByPath } from '@/lib/content-api/stories'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  return keptApiAnswer(request, () => serveStoryByPath(getDb(), request))
}
