import { getDb } from '@/db'
import { onFirstRequest } from '../../../reader-response'
import { serveAuthor } from '../../../lists'

/** `/authors/<slug>` and its later pages: a staff member and their published stories. */
export const generateStaticParams = onFirstRequest

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; page?: string[] }> }): Promise<Response> {
  const { slug, page = [] } = await params
  return serveAuthor(getDb(), slug, page)
}
