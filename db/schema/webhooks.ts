/** Webhooks: the addresses admins register, the deliveries waiting for them, and each attempt made. */
import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { createdAt, id } from './columns'
import { users } from './people'

/** An address told of the newsroom's events (lib/webhooks/events.ts names them). */
export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: id(),
  url: text('url').notNull(),
  description: text('description').notNull().default(''),
  /** The event types it is sent. */
  events: text('events').array().notNull(),
  isActive: boolean('is_active').notNull().default(true),
  /** Signs every delivery (lib/webhooks/signing.ts); shown to the admin once, when made or rotated. */
  secret: text('secret').notNull(),
  createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

export const webhookDeliveryStatus = pgEnum('webhook_delivery_status', ['pending', 'delivered', 'failed'])

/** One event for one endpoint: a queue row, claimed with `for update skip locked` and retried until delivered or given up on. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    endpointId: integer('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    /** The event's id: the same in every delivery of the event and on every retry (`Copydesk-Event-Id`). */
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    /** The exact JSON body sent, made when the event happened. */
    payload: text('payload').notNull(),
    createdAt: createdAt(),
    status: webhookDeliveryStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Not before this time: a retry's backoff, or the lease of an attempt under way. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** Retried until then, then marked failed. */
    giveUpAt: timestamp('give_up_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event').on(t.endpointId, t.eventId),
    index('webhook_deliveries_due')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_endpoint').on(t.endpointId, t.createdAt),
  ],
)

/** Each try of a delivery, for the desk's log: the answer's status, or what went wrong, and how long it took. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: id(),
    deliveryId: integer('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    durationMs: integer('duration_ms').notNull(),
    /** The HTTP status answered; null when no answer came. */
    responseStatus: integer('response_status'),
    /** Why no answer came (a refused address, a timeout, a network error); empty otherwise. */
    error: text('error').notNull().default(''),
  },
  (t) => [index('webhook_attempts_delivery').on(t.deliveryId, t.startedAt)],
)
