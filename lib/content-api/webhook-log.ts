import 'server-only'
import { z } from 'zod'
import type { Db } from '@/db'
import type { VerifiedToken } from '../api-tokens/verify'
import { listDeliveryLog } from '../webhooks/log'
import { apiErrorResponse, apiHeaders } from './errors'
import { idParam, readRequest } from './query'
import { tokenActor } from './drafts'

// `GET /api/v1/webhooks/deliveries?endpoint={id}`, for a token with the `webhooks` scope: an
// endpoint's delivery log as the desk shows it (lib/webhooks/log.ts), newest first, read-only.
// It names stories only as their payloads did: a headline only once readers could see it.

const logSchema = z.strictObject({ endpoint: idParam('endpoint') })

/** A delivery as the API gives it: its event, state and each attempt. */
export type ApiDelivery = {
  id: number
  eventId: string
  eventType: string
  createdAt: string
  status: string
  nextAttemptAt: string
  story: { id: number; headline: string | null } | null
  attempts: { startedAt: string; durationMs: number; responseStatus: number | null; error: string }[]
}

export async function serveDeliveries(db: Db, request: Request, token: VerifiedToken): Promise<Response> {
  const read = readRequest(request, logSchema)
  if (!read.ok) return apiErrorResponse(read.error)
  const actor = await tokenActor(db, token)
  const log = actor ? await listDeliveryLog(db, actor, read.query.endpoint) : null
  if (!log?.ok) return apiErrorResponse({ code: 'forbidden', message: 'The admin who made this token may no longer read the webhook log.' })
  const data: ApiDelivery[] = log.deliveries.map((delivery) => ({
    id: delivery.id,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    createdAt: delivery.createdAt.toISOString(),
    status: delivery.status,
    nextAttemptAt: delivery.nextAttemptAt.toISOString(),
    story: delivery.story,
    attempts: delivery.attempts.map((attempt) => ({
      startedAt: attempt.startedAt.toISOString(),
      durationMs: attempt.durationMs,
      responseStatus: attempt.responseStatus,
      error: attempt.error,
    })),
  }))
  return new Response(JSON.stringify({ data }), { headers: { ...apiHeaders(), 'cache-control': 'private, no-store' } })
}
