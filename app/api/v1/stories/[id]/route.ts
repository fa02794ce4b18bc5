import { getDb } from '@/db'
import { keptApiAnswer } from '@/lib/content-api/respond'
import { serveStory } from '@/lib/content-api/stories'

export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params
  return keptApiAnswer(request, () => serveStory(getDb(), request, id))
}
