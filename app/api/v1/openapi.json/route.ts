import { serveOpenApi } from '@/lib/content-api/openapi'
import { keptApiAnswer } from '@/lib/content-api/respond'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  return keptApiAnswer(request, async () => serveOpenApi(request))
}
