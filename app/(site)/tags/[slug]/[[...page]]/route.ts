import { getDb } from '@/db'
import { readerPage } from '../../../reader-response'
import { serveTag } from '../../../lists'

/** `/tags/<slug>` and its later pages: every public story carrying a tag, whatever its spelling. */
export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ slug: string; page?: string[] }> }): Promise<Response> {
  const { slug, page = [] } = await params
  return readerPage(request, () => serveTag(getDb(), slug, page))
}
