import type { NextRequest } from 'next/server'
import { searchPage } from '@/components/reader/search-page'
import { getDb } from '@/db'
import { htmlDocument } from '@/lib/http'
import { listImages, thumbnailSizes } from '@/lib/public-lists'
import { readerChrome } from '@/lib/reader-chrome'
import { searchPublishedStories } from '@/lib/search'
import { readerPage } from '../reader-response'

export const dynamic = 'force-dynamic'

/**
 * A search's page, kept in this process's cache under its words and page number until any public
 * change (a search shows `every-story`): readers ask for the same few searches again and again.
 * Never kept by the edge, which would keep one per spelling of the query string.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const { searchParams } = request.nextUrl
  const q = searchParams.get('q')
  const page = searchParams.get('page')
  return readerPage(
    request,
    async () => {
      const db = getDb()
      const [result, chrome] = await Promise.all([searchPublishedStories(db, { q, page }), readerChrome(db)])
      return htmlDocument(searchPage(result, await listImages(db, result.hits, thumbnailSizes), chrome))
    },
    { edge: false },
  )
}
