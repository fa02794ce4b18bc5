import { getDb } from '@/db'
import { serveAuthors } from '@/lib/content-api/authors'
import { keptApiAnswer } from '@/lib/content-api/respond'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  return keptApiAnswer(request, () => serveAuthors(getDb(), request))
}
