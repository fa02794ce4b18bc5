import { getDb } from '@/db'
import { authenticateTokenRequest, privateAnswer, tokenAnswer } from '@/lib/content-api/callers'
import { createDraft } from '@/lib/content-api/draft-writes'
import { serveDrafts } from '@/lib/content-api/drafts'

export const dynamic = 'force-dynamic'

export async function GET(request: Request): Promise<Response> {
  const db = getDb()
  return tokenAnswer(db, request, 'read:drafts', (token) => serveDrafts(db, request, token))
}

export async function POST(request: Request): Promise<Response> {
  const db = getDb()
  const checked = await authenticateTokenRequest(request, 'POST /api/v1/drafts', db)
  if (!checked.ok) return checked.response
  return privateAnswer(await createDraft(db, request, checked.token), checked.headers)
}
