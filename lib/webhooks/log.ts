import 'server-only'
import { asc, desc, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '@/db'
import { type webhookDeliveryStatus, webhookAttempts, webhookDeliveries } from '@/db/schema'
import { authorize } from '../authorize'
import type { Actor } from '../permissions'
import type { Result } from '../refusal'

// An endpoint's delivery log for the desk: its newest deliveries, each with every attempt made.

export const deliveryLogSize = 50

export type LoggedAttempt = {
  id: number
  deliveryId: number
  startedAt: Date
  durationMs: number
  responseStatus: number | null
  error: string
}

export type LoggedDelivery = {
  id: number
  eventId: string
  eventType: string
  createdAt: Date
  status: (typeof webhookDeliveryStatus.enumValues)[number]
  nextAttemptAt: Date
  /** The story as the payload names it: its headline is null while readers could not see it. */
  story: { id: number; headline: string | null } | null
  attempts: LoggedAttempt[]
}

const storyInPayload = z.object({ story: z.object({ id: z.number(), headline: z.string().nullable() }) })

function storyOf(payload: string): LoggedDelivery['story'] {
  try {
    const parsed = storyInPayload.safeParse(JSON.parse(payload))
    return parsed.success ? parsed.data.story : null
  } catch {
    return null
  }
}

/** The endpoint's newest deliveries, newest first, their attempts oldest first. */
export async function listDeliveryLog(db: Db, actor: Actor, endpointId: number): Promise<Result<{ deliveries: LoggedDelivery[] }>> {
  const allowed = await authorize(db, actor, 'webhooks.manage')
  if (!allowed.ok) return allowed
  const deliveries = await db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      eventType: webhookDeliveries.eventType,
      createdAt: webhookDeliveries.createdAt,
      status: webhookDeliveries.status,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      payload: webhookDeliveries.payload,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(deliveryLogSize)
  const attempts =
    deliveries.length === 0
      ? []
      : await db
          .select({
            id: webhookAttempts.id,
            deliveryId: webhookAttempts.deliveryId,
            startedAt: webhookAttempts.startedAt,
            durationMs: webhookAttempts.durationMs,
            responseStatus: webhookAttempts.responseStatus,
            error: webhookAttempts.error,
          })
          .from(webhookAttempts)
          .where(
            inArray(
              webhookAttempts.deliveryId,
              deliveries.map((delivery) => delivery.id),
            ),
          )
          .orderBy(asc(webhookAttempts.startedAt), asc(webhookAttempts.id))
  return {
    ok: true,
    deliveries: deliveries.map(({ payload, ...delivery }) => ({
      ...delivery,
      story: storyOf(payload),
      attempts: attempts.filter((attempt) => attempt.deliveryId === delivery.id),
    })),
  }
}
