import { getDb } from '@/db'
import { json, parseId } from '@/lib/http'
import { leavePresence, recordPresence } from '@/lib/presence'
import { getCurrentUser } from '@/lib/session'

/** "I have this story open": answers with the other people who do. */
export async function POST(_: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser()
  if (!user) return json({ others: [] }, 401)
  const articleId = parseId((await params).id)
  if (!articleId) return json({ others: [] }, 404)
  const others = await recordPresence(getDb(), user, articleId)
  return json({ others: others.map((person) => person.name) })
}

/** "I closed the story": the others stop seeing this person at once, not half a minute later. */
export async function DELETE(_: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser()
  if (!user) return new Response(null, { status: 401 })
  const articleId = parseId((await params).id)
  if (!articleId) return new Response(null, { status: 404 })
  await leavePresence(getDb(), user, articleId)
  return new Response(null, { status: 204 })
}
