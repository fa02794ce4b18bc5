import { getDb } from '@/db'
import { readerPage } from '../reader-response'
import { serveSitePath } from '../site-tree'

/**
 * The front page, the section tree (with its pages and feeds) and stories: the addresses whose
 * shape the newsroom decides. Next tries every static route first (`/feed.xml`, `/authors/…`,
 * `/search`, `/desk`), so this gets only what none of them takes.
 */
export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ path?: string[] }> }): Promise<Response> {
  const { path = [] } = await params
  return readerPage(request, () => serveSitePath(getDb(), path))
}
