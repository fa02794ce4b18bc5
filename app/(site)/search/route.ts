import type { NextRequest } from 'next/server'
import { searchPage } from '@/components/reader/search-page'
import { getDb } from '@/db'
import { htmlDocument } from '@/lib/http'
import { readerChrome } from '@/lib/reader-chrome'
import { searchPublishedStories } from '@/lib/search'

// Every query string is a different page: nothing to prerender or cache.
export const dynamic = 'force-dynamic'

export async function GET(request: NextRequest): Promise<Response> {
  const { searchParams } = request.nextUrl
  const db = getDb()
  const [result, chrome] = await Promise.all([
    searchPublishedStories(db, { q: searchParams.get('q'), page: searchParams.get('page') }),
    readerChrome(db),
  ])
  return htmlDocument(searchPage(result, chrome))
}
