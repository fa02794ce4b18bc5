import { getDb } from '@/db'
import { onFirstRequest } from '../../reader-response'
import { serveRobots } from '../../machine-files'

/** `/robots.txt`: what crawlers may read, and where the sitemaps are. */
export const generateStaticParams = onFirstRequest

export async function GET(_request: Request, { params }: { params: Promise<{ rest?: string[] }> }): Promise<Response> {
  const { rest = [] } = await params
  return serveRobots(getDb(), rest)
}
