import { getDb } from '@/db'
import { json, parseId } from '@/lib/http'
import { recordPresence } from '@/lib/presence'
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
