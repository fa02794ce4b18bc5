import { getDb } from '@/db'
import { readerPage } from '../../reader-response'
import { serveRobots } from '../../machine-files'

/** `/robots.txt`: what crawlers may read, and where the sitemaps are. */
export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ rest?: string[] }> }): Promise<Response> {
  const { rest = [] } = await params
  return readerPage(request, () => serveRobots(getDb(), rest))
}
