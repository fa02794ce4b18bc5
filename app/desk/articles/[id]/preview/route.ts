import { readerPolicy } from '@/components/reader/security-policy'
import { storyPage } from '@/components/reader/story-page'
import { getDb } from '@/db'
import { mayReadStory } from '@/lib/article-access'
import { listCorrections } from '@/lib/corrections'
import { htmlDocument, parseId } from '@/lib/http'
import { getStoryPreview } from '@/lib/public-articles'
import { listRelatedStories } from '@/lib/public-lists'
import { readerChrome } from '@/lib/reader-chrome'
import { type Refusal, httpStatus, refusal } from '@/lib/refusal'
import { authorizeRequest } from '@/lib/session'

export const dynamic = 'force-dynamic'

/**
 * A story's working copy as readers would get it, built by the reader's own page code. Only the
 * newsroom sees it (the proxy sends everyone else to sign in), and of the newsroom only those who
 * may read the story (404 for the others); it is marked as a preview, never cached and never indexed.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const signedIn = await authorizeRequest('desk.enter')
  if (!signedIn.ok) return refused(signedIn)
  const articleId = parseId((await params).id)
  const db = getDb()
  const readable = articleId !== null && (await mayReadStory(db, signedIn.user, articleId))
  const story = readable ? await getStoryPreview(db, articleId) : null
  if (!story) return refused(refusal('missing', 'Not found'))
  const [corrections, related, chrome] = await Promise.all([listCorrections(db, story.id), listRelatedStories(db, story), readerChrome(db)])
  const response = htmlDocument(
    storyPage({ story, corrections, related }, chrome, { preview: { editorPath: `/desk/articles/${story.id}` } }),
  )
  response.headers.set('cache-control', 'private, no-store')
  response.headers.set('x-robots-tag', 'noindex, nofollow')
  // The reader's policy (hashes, not the desk's nonce); the proxy sends the desk's other headers.
  response.headers.set('content-security-policy', readerPolicy())
  return response
}

/** A refusal as a plain page (a preview is a page, not JSON), with the refusal's status. */
function refused(refused: Refusal): Response {
  return new Response(refused.message, {
    status: httpStatus(refused),
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  })
}
