import { getDb } from '@/db'
import { serveCorrections } from '@/lib/content-api/corrections'
import { keptApiAnswer } from '@/lib/content-api/respond'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  return keptApiAnswer(request, () => serveCorrections(getDb(), request))
}
