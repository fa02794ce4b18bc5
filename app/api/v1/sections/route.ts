import { getDb } from '@/db'
import { keptApiAnswer } from '@/lib/content-api/respond'
import { serveSections } from '@/lib/content-api/sections'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  return keptApiAnswer(request, () => serveSections(getDb(), request))
}
