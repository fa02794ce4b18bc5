import { getDb } from '@/db'
import { readerPage } from '../../reader-response'
import { serveNewsSitemap } from '../../machine-files'

/** `/news-sitemap.xml`: the last two days' stories, for news search engines. */
export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ rest?: string[] }> }): Promise<Response> {
  const { rest = [] } = await params
  // Stories leave it 48 hours after publication, with no change to say so: it is made again hourly.
  return readerPage(request, () => serveNewsSitemap(getDb(), rest), { maxAgeSeconds: 3600 })
}
