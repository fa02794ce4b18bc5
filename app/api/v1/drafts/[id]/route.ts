import { getDb } from '@/db'
import { authenticateTokenRequest, privateAnswer, tokenAnswer } from '@/lib/content-api/callers'
import { updateDraft } from '@/lib/content-api/draft-writes'
import { serveDraft } from '@/lib/content-api/drafts'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ id: string }> }

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const { id } = await params
  const db = getDb()
  return tokenAnswer(db, request, 'read:drafts', (token) => serveDraft(db, request, id, token))
}

export async function PATCH(request: Request, { params }: Params): Promise<Response> {
  const db = getDb()
  const checked = await authenticateTokenRequest(request, 'PATCH /api/v1/drafts/[id]', db)
  if (!checked.ok) return checked.response
  const { id } = await params
  return privateAnswer(await updateDraft(db, request, id, checked.token), checked.headers)
}
