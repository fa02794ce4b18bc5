import { getDb } from '@/db'
import { json, parseId, refusalResponse } from '@/lib/http'
import { leavePresence, recordPresence } from '@/lib/presence'
import { refusal } from '@/lib/refusal'
import { refuseForeignRequest } from '@/lib/same-origin'
import { authorizeRequest } from '@/lib/session'

const noStory = refusal('missing', 'This story no longer exists.')

/** "I have this story open": answers with the other people who do. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const foreign = refuseForeignRequest(request, 'POST /desk/articles/[id]/presence')
  if (foreign) return foreign
  const signedIn = await authorizeRequest('desk.enter')
  if (!signedIn.ok) return refusalResponse(signedIn)
  const articleId = parseId((await params).id)
  if (!articleId) return refusalResponse(noStory)
  const result = await recordPresence(getDb(), signedIn.user, articleId)
  if (!result.ok) return refusalResponse(result)
  return json({ ok: true, others: result.others.map((person) => person.name) })
}

/** "I closed the story": the others stop seeing this person at once, not half a minute later. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const foreign = refuseForeignRequest(request, 'DELETE /desk/articles/[id]/presence')
  if (foreign) return foreign
  const signedIn = await authorizeRequest('desk.enter')
  if (!signedIn.ok) return refusalResponse(signedIn)
  const articleId = parseId((await params).id)
  if (!articleId) return refusalResponse(noStory)
  const result = await leavePresence(getDb(), signedIn.user, articleId)
  return result.ok ? new Response(null, { status: 204 }) : refusalResponse(result)
}
