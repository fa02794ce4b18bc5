import { getDb } from '@/db'
import { onFirstRequest } from '../../reader-response'
import { serveSiteFeed } from '../../machine-files'

/** `/feed.xml`: RSS of the whole site's newest stories (a section's is at `/<section>/feed.xml`, in the catch-all). */
export const generateStaticParams = onFirstRequest

export async function GET(_request: Request, { params }: { params: Promise<{ rest?: string[] }> }): Promise<Response> {
  const { rest = [] } = await params
  return serveSiteFeed(getDb(), rest)
}
