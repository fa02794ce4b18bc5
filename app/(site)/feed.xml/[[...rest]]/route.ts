import { getDb } from '@/db'
import { readerPage } from '../../reader-response'
import { serveSiteFeed } from '../../machine-files'

/** `/feed.xml`: RSS of the whole site's newest stories (a section's is at `/<section>/feed.xml`, in the catch-all). */
export const dynamic = 'force-dynamic'

export async function GET(request: Request, { params }: { params: Promise<{ rest?: string[] }> }): Promise<Response> {
  const { rest = [] } = await params
  return readerPage(request, () => serveSiteFeed(getDb(), rest))
}
