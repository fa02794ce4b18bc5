import { z } from 'zod'
import { getDb } from '@/db'
import { json, parseId } from '@/lib/http'
import { pathsShowingStory, refreshPublicPages } from '@/lib/public-pages'
import { getCurrentUser } from '@/lib/session'
import { getWorkflowState, transition } from '@/lib/transitions'
import { type WorkflowAnswer, statuses, workflowActions } from '@/lib/workflow'

const workflowRequestSchema = z.object({
  action: z.enum(workflowActions),
  baseVersion: z.number().int().positive(),
  note: z.string().optional(),
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
})

const statusFor = { missing: 404, forbidden: 403, invalid: 422, conflict: 409 } as const

/**
 * Moves a story through the workflow (`{ action, baseVersion, note?, scheduledAt? }`). The rules
 * live in lib/workflow.ts; whatever a client sends, lib/transitions.ts checks them again.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser()
  if (!user) return json<WorkflowAnswer>({ ok: false, message: 'You are signed out. Sign in again.' }, 401)
  const articleId = parseId((await params).id)
  if (!articleId) return json<WorkflowAnswer>({ ok: false, message: 'This story no longer exists.' }, 404)
  const input = workflowRequestSchema.safeParse(await request.json().catch(() => null))
  if (!input.success)
    return json<WorkflowAnswer>({ ok: false, message: 'That request was not understood. Reload the page and try again.' }, 400)

  const { action, baseVersion, note, scheduledAt } = input.data
  const db = getDb()
  // The pages that showed the story before the change and those that show it after are refreshed.
  const shownBefore = await pathsShowingStory(db, articleId)
  const result = await transition(db, user, articleId, action, {
    baseVersion,
    note,
    scheduledAt: scheduledAt ? new Date(scheduledAt) : undefined,
  })
  if (!result.ok) return json<WorkflowAnswer>({ ok: false, message: result.message }, statusFor[result.reason])
  refreshPublicPages([...shownBefore, ...result.article.oldPaths, ...(await pathsShowingStory(db, articleId))])
  const state = await getWorkflowState(db, user, articleId)
  return json<WorkflowAnswer>({
    ok: true,
    message: `Done: the story is now ${statuses[result.article.status].label.toLowerCase()}.`,
    version: state?.version ?? baseVersion + 1,
  })
}
