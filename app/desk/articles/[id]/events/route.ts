import { getDb } from '@/db'
import { mayReadStory } from '@/lib/article-access'
import { parseId, refusalResponse } from '@/lib/http'
import { refusal } from '@/lib/refusal'
import { authorizeRequest } from '@/lib/session'
import { storyEventStream } from '@/lib/story-events'

export const dynamic = 'force-dynamic'

const noStory = refusal('missing', 'This story no longer exists.')

/**
 * The open story editor's server-sent events (`?version=` the version it has): "changed" when
 * someone saves the story, "presence" when who else has it open changes. Only for those who may
 * read the story.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const signedIn = await authorizeRequest('desk.enter')
  if (!signedIn.ok) return refusalResponse(signedIn)
  const articleId = parseId((await params).id)
  const version = parseId(new URL(request.url).searchParams.get('version') ?? '')
  if (!articleId || !version) return refusalResponse(noStory)
  if (!(await mayReadStory(getDb(), signedIn.user, articleId))) return refusalResponse(noStory)
  return storyEventStream(articleId, signedIn.user.id, version, request.signal)
}
