import { unstable_cache } from 'next/cache'
import type { NextRequest } from 'next/server'
import { searchPage } from '@/components/reader/search-page'
import { getDb } from '@/db'
import { htmlDocument } from '@/lib/http'
import { publicSearchTag } from '@/lib/public-pages'
import { readerChrome } from '@/lib/reader-chrome'
import { searchPublishedStories } from '@/lib/search'

// Every query string is a different page: nothing to prerender, and no full-route cache.
export const dynamic = 'force-dynamic'

/**
 * A search's page, kept (in memory, least recently used first out) until the next publication
 * refreshes the reader's pages: readers ask for the same few searches again and again.
 */
const searchDocument = unstable_cache(
  async (q: string | null, page: string | null): Promise<string> => {
    const db = getDb()
    const [result, chrome] = await Promise.all([searchPublishedStories(db, { q, page }), readerChrome(db)])
    return searchPage(result, chrome)
  },
  ['public-search'],
  { tags: [publicSearchTag] },
)

export async function GET(request: NextRequest): Promise<Response> {
  const { searchParams } = request.nextUrl
  return htmlDocument(await searchDocument(searchParams.get('q'), searchParams.get('page')))
}
