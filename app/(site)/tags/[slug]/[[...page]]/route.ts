import { getDb } from '@/db'
import { onFirstRequest } from '../../../reader-response'
import { serveTag } from '../../../lists'

/** `/tags/<slug>` and its later pages: every public story carrying a tag, whatever its spelling. */
export const generateStaticParams = onFirstRequest

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; page?: string[] }> }): Promise<Response> {
  const { slug, page = [] } = await params
  return serveTag(getDb(), slug, page)
}
