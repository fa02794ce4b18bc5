import { getDb } from '@/db'
import { issueCollabTicket } from '@/lib/collab/issue'
import { collabPath } from '@/lib/collab/paths'
import { authSecret } from '@/lib/env'
import { json, parseId, refusalResponse } from '@/lib/http'
import { refusal } from '@/lib/refusal'
import { refuseForeignRequest } from '@/lib/same-origin'
import { authorizeRequest, getCurrentSession } from '@/lib/session'

const noStory = refusal('missing', 'This story no longer exists.')

/** A short-lived ticket that lets the signed-in person's editor join the story's shared document (lib/collab/). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const foreign = refuseForeignRequest(request, 'POST /desk/articles/[id]/collab-ticket')
  if (foreign) return foreign
  const signedIn = await authorizeRequest('desk.enter')
  if (!signedIn.ok) return refusalResponse(signedIn)
  const current = await getCurrentSession()
  if (!current.user) return refusalResponse(refusal('unauthenticated', 'Your session has ended; sign in again.'))
  const articleId = parseId((await params).id)
  if (!articleId) return refusalResponse(noStory)
  const visitor = { userId: current.user.id, sessionId: current.sessionId }
  const issued = await issueCollabTicket(getDb(), authSecret(), visitor, articleId, collabPath)
  if (!issued.ok) return refusalResponse(issued)
  const { ok, ticket, expiresAt, documentName, path, access, name, actor } = issued
  return json({ ok, ticket, expiresAt, documentName, path, access, name, actor })
}
