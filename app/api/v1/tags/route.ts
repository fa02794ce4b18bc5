import { getDb } from '@/db'
import { keptApiAnswer } from '@/lib/content-api/respond'
import { serveTags } from '@/lib/content-api/tags'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  return keptApiAnswer(request, () => serveTags(getDb(), request))
}
