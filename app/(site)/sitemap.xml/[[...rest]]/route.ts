import { getDb } from '@/db'
import { readerPage } from '../../reader-response'
import { serveSitemap } from '../../machine-files'

/** `/sitemap.xml`: every public page. */
export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ rest?: string[] }> }): Promise<Response> {
  const { rest = [] } = await params
  return readerPage(request, () => serveSitemap(getDb(), rest))
}
