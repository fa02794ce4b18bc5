import { getDb } from '@/db'
import { servePublicPath } from '../public-site'

/**
 * The reader's site (lib/public-site.ts), as plain HTML with no client runtime. No page is made
 * at build time; each is made on its first request and kept in Next's full-route cache until a
 * publication concerning it refreshes it (lib/public-pages.ts).
 */
export async function generateStaticParams(): Promise<{ path: string[] }[]> {
  return []
}

export async function GET(_request: Request, { params }: { params: Promise<{ path?: string[] }> }): Promise<Response> {
  const { path = [] } = await params
  return servePublicPath(getDb(), path)
}
