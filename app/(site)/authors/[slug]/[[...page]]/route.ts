import { getDb } from '@/db'
import { readerPage } from '../../../reader-response'
import { serveAuthor } from '../../../lists'

/** `/authors/<slug>` and its later pages: a staff member and their published stories. */
export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ slug: string; page?: string[] }> }): Promise<Response> {
  const { slug, page = [] } = await params
  return readerPage(request, () => serveAuthor(getDb(), slug, page))
}
