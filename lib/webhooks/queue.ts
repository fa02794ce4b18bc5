import 'server-only'
import { and, asc, eq, inArray, lt, lte, ne, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema'
import { recordAudit } from '../audit'
import { authorize } from '../authorize'
import type { Actor } from '../permissions'
import { type Result, refusal } from '../refusal'
import { readSetting } from '../settings'
import { countOf } from '../words'
import { nextAttemptAt, retryWindowMs } from './backoff'
import { type SendOutcome, isDelivered, sendDelivery } from './send'
import { repeatRounds } from '../rounds'

// Sending the queued deliveries (queued by lib/webhooks/events.ts in the event's transaction).
// Like the mail queue: a short transaction claims due rows with `for update skip locked` and moves
// their time on by a lease, so that no other instance (nor the next round) sends one at the same
// time; the requests go out after it commits, never inside a transaction, so a slow endpoint holds
// nothing up. Each attempt is logged; a failure is retried with backoff (lib/webhooks/backoff.ts)
// until the delivery's day is over, then it is marked failed. At least once: an instance that dies
// mid-send leaves the row to be claimed again when the lease ends.

/** How long a claimed delivery is left alone while it is sent: well past the request's time limit. */
const leaseMs = 2 * 60_000
const batchSize = 10

export type DeliverOptions = {
  /** The request's time limit (lib/webhooks/send.ts has the default). */
  timeoutMs?: number
  /** The jitter's source, for tests. */
  random?: () => number
}

type Claimed = {
  id: number
  eventId: string
  eventType: string
  payload: string
  attempts: number
  giveUpAt: Date
  url: string
  secret: string
}

/** Sends the deliveries that are due (in parallel, a batch per round); returns how many went and how many failed. */
export async function deliverDue(db: Db, now: Date, options: DeliverOptions = {}): Promise<{ delivered: number; failed: number }> {
  const isDue = and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now))
  // The cheap question first, outside a transaction: usually nothing is due.
  const [anyDue] = await db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(isDue).limit(1)
  if (!anyDue) return { delivered: 0, failed: 0 }
  const claimed = await db.transaction(async (tx): Promise<Claimed[]> => {
    const due = await tx
      .select({
        id: webhookDeliveries.id,
        eventId: webhookDeliveries.eventId,
        eventType: webhookDeliveries.eventType,
        payload: webhookDeliveries.payload,
        attempts: webhookDeliveries.attempts,
        giveUpAt: webhookDeliveries.giveUpAt,
        url: webhookEndpoints.url,
        secret: webhookEndpoints.secret,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(and(isDue, eq(webhookEndpoints.isActive, true)))
      .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
      .limit(batchSize)
      .for('update', { of: webhookDeliveries, skipLocked: true })
    if (due.length === 0) return []
    await tx
      .update(webhookDeliveries)
      .set({ nextAttemptAt: new Date(now.getTime() + leaseMs), attempts: sql`${webhookDeliveries.attempts} + 1` })
      .where(
        inArray(
          webhookDeliveries.id,
          due.map((row) => row.id),
        ),
      )
    return due
  })
  if (claimed.length === 0) return { delivered: 0, failed: 0 }
  const allowPrivate = (await readSetting(db, 'webhookPrivateAddresses')) === 'allowed'
  const outcomes = await Promise.all(
    claimed.map(async (delivery) => {
      const outcome = await sendDelivery({
        url: delivery.url,
        secret: delivery.secret,
        eventId: delivery.eventId,
        eventType: delivery.eventType,
        body: delivery.payload,
        allowPrivate,
        signedAt: now,
        timeoutMs: options.timeoutMs,
      })
      await recordAttempt(db, delivery, outcome, now, options.random ?? Math.random)
      return isDelivered(outcome)
    }),
  )
  const delivered = outcomes.filter(Boolean).length
  return { delivered, failed: outcomes.length - delivered }
}

async function recordAttempt(db: Db, delivery: Claimed, outcome: SendOutcome, now: Date, random: () => number): Promise<void> {
  const next = isDelivered(outcome) ? null : nextAttemptAt(delivery.attempts + 1, now, delivery.giveUpAt, random())
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({
      deliveryId: delivery.id,
      startedAt: now,
      durationMs: outcome.durationMs,
      responseStatus: outcome.status,
      error: outcome.error.slice(0, 500),
    })
    await tx
      .update(webhookDeliveries)
      .set(
        isDelivered(outcome)
          ? { status: 'delivered', deliveredAt: now }
          : next
            ? { nextAttemptAt: next }
            : { status: 'failed', nextAttemptAt: now },
      )
      .where(eq(webhookDeliveries.id, delivery.id))
  })
}

/**
 * An admin sends a delivered or failed delivery again: the same body and event id (receivers
 * drop what they already have), tried for another day. One still being tried is left to its retries.
 */
export async function resendDelivery(
  db: Db,
  actor: Actor,
  deliveryId: number,
  client = '',
  now = new Date(),
): Promise<Result<{ endpointId: number }>> {
  return db.transaction(async (tx): Promise<Result<{ endpointId: number }>> => {
    const allowed = await authorize(tx, actor, 'webhooks.manage')
    if (!allowed.ok) return allowed
    const [delivery] = await tx
      .select({
        status: webhookDeliveries.status,
        endpointId: webhookDeliveries.endpointId,
        eventId: webhookDeliveries.eventId,
        eventType: webhookDeliveries.eventType,
        url: webhookEndpoints.url,
      })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(eq(webhookDeliveries.id, deliveryId))
      .for('update', { of: webhookDeliveries })
    if (!delivery) return refusal('missing', 'This delivery no longer exists.')
    if (delivery.status === 'pending') return refusal('conflict', 'This delivery is still being tried: it goes out at its next attempt.')
    await tx
      .update(webhookDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now, giveUpAt: new Date(now.getTime() + retryWindowMs), deliveredAt: null })
      .where(eq(webhookDeliveries.id, deliveryId))
    await recordAudit(tx, {
      action: 'webhook.resend',
      actorId: allowed.actor.id,
      detail: { endpoint: delivery.url, event: delivery.eventType, eventId: delivery.eventId },
      client,
    })
    return { ok: true, endpointId: delivery.endpointId }
  })
}

/** How long a delivery that is done (delivered or failed) stays in the log, with its attempts. */
export const logRetentionMs = 30 * 24 * 60 * 60_000

/**
 * Fails the deliveries whose day ended while nothing could send them (their endpoint switched
 * off, every instance down: one switched on again within the day gets its waiting ones), and
 * deletes those done more than `logRetentionMs` ago. Returns how many of each.
 */
export async function tidyDeliveries(db: Db, now: Date): Promise<{ failed: number; deleted: number }> {
  const failed = await db
    .update(webhookDeliveries)
    .set({ status: 'failed' })
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.giveUpAt, now),
        // Not one being sent right now (its lease is ahead).
        lte(webhookDeliveries.nextAttemptAt, now),
      ),
    )
    .returning({ id: webhookDeliveries.id })
  const deleted = await db
    .delete(webhookDeliveries)
    .where(and(ne(webhookDeliveries.status, 'pending'), lt(webhookDeliveries.createdAt, new Date(now.getTime() - logRetentionMs))))
    .returning({ id: webhookDeliveries.id })
  return { failed: failed.length, deleted: deleted.length }
}

const tidyIntervalMs = 60 * 60_000

/** Sends due deliveries every `intervalMs` (and tidies them hourly), never two rounds at once; returns a stop function that waits for a round under way. */
export function startWebhooks(db: Db, options: { intervalMs?: number } = {}): () => Promise<void> {
  const intervalMs = options.intervalMs ?? 2000
  let lastTidy = -Infinity
  return repeatRounds(async () => {
    try {
      // Counted in days: tidying at start-up and hourly is on time enough.
      if (Date.now() - lastTidy >= tidyIntervalMs) {
        lastTidy = Date.now()
        await tidyDeliveries(db, new Date())
      }
      const { delivered, failed } = await deliverDue(db, new Date())
      if (failed > 0)
        console.warn(
          `Copydesk: ${countOf(failed, 'webhook delivery', 'webhook deliveries')} did not go through this round (${delivered} did).`,
        )
    } catch (error) {
      console.error('Copydesk: the webhook round failed; trying again shortly:', error)
    }
  }, intervalMs)
}
