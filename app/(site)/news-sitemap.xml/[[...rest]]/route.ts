import { getDb } from '@/db'
import { onFirstRequest } from '../../reader-response'
import { serveNewsSitemap } from '../../machine-files'

/** `/news-sitemap.xml`: the last two days' stories, for news search engines. */
export const generateStaticParams = onFirstRequest

export async function GET(_request: Request, { params }: { params: Promise<{ rest?: string[] }> }): Promise<Response> {
  const { rest = [] } = await params
  return serveNewsSitemap(getDb(), rest)
}
