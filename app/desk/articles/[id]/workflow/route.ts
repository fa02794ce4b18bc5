import { z } from 'zod'
import { getDb } from '@/db'
import { json, parseId, refusalResponse } from '@/lib/http'
import { announceChange, notYetRemovedMessage, storyAsShown, storyChangeKeys } from '@/lib/reader-changes'
import { refusal } from '@/lib/refusal'
import { refuseForeignRequest } from '@/lib/same-origin'
import { authorizeRequest } from '@/lib/session'
import { checkIds } from '@/lib/prepublish-checks'
import { getWorkflowState, transition } from '@/lib/transitions'
import { type WorkflowAnswer, statuses, workflowActions } from '@/lib/workflow'

const workflowRequestSchema = z.object({
  action: z.enum(workflowActions),
  baseVersion: z.number().int().positive(),
  note: z.string().optional(),
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
  /** The pre-publish checklist's warnings the person confirmed ("Publish anyway"). */
  confirmWarnings: z.array(z.enum(checkIds)).max(checkIds.length).optional(),
})

/**
 * Moves a story through the workflow (`{ action, baseVersion, note?, scheduledAt?, confirmWarnings? }`). The rules
 * live in lib/workflow.ts; whatever a client sends, lib/transitions.ts checks them again.
 * A refusal answers `{ ok: false, reason, message }` with its status (lib/refusal.ts).
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const foreign = refuseForeignRequest(request, 'POST /desk/articles/[id]/workflow')
  if (foreign) return foreign
  const signedIn = await authorizeRequest('desk.enter')
  if (!signedIn.ok) return refusalResponse(signedIn)
  const { user } = signedIn
  const articleId = parseId((await params).id)
  if (!articleId) return refusalResponse(refusal('missing', 'This story no longer exists.'))
  const input = workflowRequestSchema.safeParse(await request.json().catch(() => null))
  if (!input.success) return refusalResponse(refusal('invalid', 'That request was not understood. Reload the page and try again.'))

  const { action, baseVersion, note, scheduledAt, confirmWarnings } = input.data
  const db = getDb()
  // The pages showing what changed for readers are made again everywhere before this answers.
  const before = await storyAsShown(db, articleId)
  const result = await transition(db, user, articleId, action, {
    baseVersion,
    note,
    scheduledAt: scheduledAt ? new Date(scheduledAt) : undefined,
    confirmWarnings,
  })
  if (!result.ok) return refusalResponse(result)
  const announced = await announceChange(db, storyChangeKeys(articleId, before, await storyAsShown(db, articleId)))
  const state = await getWorkflowState(db, user, articleId)
  const warning = notYetRemovedMessage(announced)
  return json<WorkflowAnswer>({
    ok: true,
    message: `Done: the story is now ${statuses[result.article.status].phrase}.`,
    ...(warning ? { warning } : {}),
    version: state?.version ?? baseVersion + 1,
  })
}
