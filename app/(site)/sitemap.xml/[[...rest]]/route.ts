import { getDb } from '@/db'
import { onFirstRequest } from '../../reader-response'
import { serveSitemap } from '../../machine-files'

/** `/sitemap.xml`: every public page. */
export const generateStaticParams = onFirstRequest

export async function GET(_request: Request, { params }: { params: Promise<{ rest?: string[] }> }): Promise<Response> {
  const { rest = [] } = await params
  return serveSitemap(getDb(), rest)
}
