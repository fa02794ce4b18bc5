import 'server-only'
import { asc, count, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '@/db'
import { webhookDeliveries, webhookEndpoints } from '@/db/schema'
import { recordAudit } from '../audit'
import { authorize } from '../authorize'
import { textField } from '../clean-text'
import type { Actor } from '../permissions'
import { type Refusal, type Result, refusal } from '../refusal'
import { readSetting } from '../settings'
import { hostRefusal } from './addresses'
import { type WebhookEventType, webhookEventTypes } from './events'
import { newSecret } from './signing'

// The endpoints admins register at /desk/admin/webhooks (`webhooks.manage`): an address, what it
// is for, the events it is sent and whether it is on. Its secret is made here and handed back
// once, when it is made or rotated; pages never read it. Every change is in the audit log.

export const endpointDescriptionLimit = 200

const urlSchema = z
  .string({ error: 'Give the address deliveries are sent to.' })
  .trim()
  .min(1, 'Give the address deliveries are sent to.')
  .max(2000, 'Keep the address under 2,000 characters.')
  .refine(isHttpUrl, 'The address must start with http:// or https://, such as https://example.org/copydesk-events.')
  // It would be shown in the desk and the audit log; the signature proves who sends instead.
  .refine(hasNoCredentials, 'Leave the user name and password out of the address: every delivery is signed instead.')
  .transform((value) => new URL(value).href)

/** An endpoint's fields as the form sends them: `events` from every ticked box, `isActive` from its box. */
export const endpointFieldsSchema = z.object({
  url: urlSchema,
  description: z.preprocess(
    (value) => value ?? '',
    textField({ max: endpointDescriptionLimit, tooLong: `Keep the description under ${endpointDescriptionLimit} characters.` }),
  ),
  events: z
    .array(z.enum(webhookEventTypes, { error: 'Choose events from the list.' }), { error: 'Choose at least one event.' })
    .min(1, 'Choose at least one event.'),
  isActive: z.boolean(),
})
export type EndpointFields = z.infer<typeof endpointFieldsSchema>

export const endpointRefSchema = z.object({
  endpointId: z.coerce.number({ error: 'There is no such endpoint.' }).int().positive('There is no such endpoint.'),
})

export const endpointChangeSchema = endpointRefSchema.extend(endpointFieldsSchema.shape)

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

function hasNoCredentials(value: string): boolean {
  return !URL.canParse(value) || (new URL(value).username === '' && new URL(value).password === '')
}

/** An endpoint as the desk shows it: never its secret. */
export type EndpointSummary = {
  id: number
  url: string
  description: string
  events: WebhookEventType[]
  isActive: boolean
  createdAt: Date
  /** Deliveries still being tried, and given up on. */
  pending: number
  failed: number
}

const noSuchEndpoint = 'This endpoint no longer exists; it may have been deleted.'

/** Every endpoint, oldest first, with its waiting and failed deliveries. */
export async function listEndpoints(db: Db, actor: Actor): Promise<Result<{ endpoints: EndpointSummary[] }>> {
  const allowed = await authorize(db, actor, 'webhooks.manage')
  if (!allowed.ok) return allowed
  const rows = await db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      description: webhookEndpoints.description,
      events: webhookEndpoints.events,
      isActive: webhookEndpoints.isActive,
      createdAt: webhookEndpoints.createdAt,
      pending: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'pending')`.mapWith(Number),
      failed: sql<number>`count(*) filter (where ${webhookDeliveries.status} = 'failed')`.mapWith(Number),
    })
    .from(webhookEndpoints)
    .leftJoin(webhookDeliveries, eq(webhookDeliveries.endpointId, webhookEndpoints.id))
    .groupBy(webhookEndpoints.id)
    .orderBy(asc(webhookEndpoints.id))
  return { ok: true, endpoints: rows.map((row) => ({ ...row, events: knownEvents(row.events) })) }
}

/** One endpoint, or a refusal (`missing` when there is none). */
export async function getEndpoint(db: Db, actor: Actor, endpointId: number): Promise<Result<{ endpoint: EndpointSummary }>> {
  const listed = await listEndpoints(db, actor)
  if (!listed.ok) return listed
  const endpoint = listed.endpoints.find((row) => row.id === endpointId)
  return endpoint ? { ok: true, endpoint } : refusal('missing', noSuchEndpoint)
}

/** Registers an endpoint; answers its secret, shown to the admin this once. */
export async function createEndpoint(
  db: Db,
  actor: Actor,
  fields: EndpointFields,
  client = '',
): Promise<Result<{ id: number; secret: string }>> {
  const checked = await checkFields(db, actor, fields)
  if (checked) return checked
  return db.transaction(async (tx): Promise<Result<{ id: number; secret: string }>> => {
    const allowed = await authorize(tx, actor, 'webhooks.manage')
    if (!allowed.ok) return allowed
    const secret = newSecret()
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ ...fields, secret, createdBy: allowed.actor.id })
      .returning({ id: webhookEndpoints.id })
    if (!row) throw new Error('The endpoint was not created.')
    await recordAudit(tx, { action: 'webhook.create', actorId: allowed.actor.id, detail: described(fields), client })
    return { ok: true, id: row.id, secret }
  })
}

/** Changes an endpoint's address, description, events or switch. */
export async function changeEndpoint(
  db: Db,
  actor: Actor,
  endpointId: number,
  fields: EndpointFields,
  client = '',
): Promise<Result<{ id: number }>> {
  const checked = await checkFields(db, actor, fields)
  if (checked) return checked
  return db.transaction(async (tx): Promise<Result<{ id: number }>> => {
    const allowed = await authorize(tx, actor, 'webhooks.manage')
    if (!allowed.ok) return allowed
    const [before] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId)).for('update')
    if (!before) return refusal('missing', noSuchEndpoint)
    await tx
      .update(webhookEndpoints)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(webhookEndpoints.id, endpointId))
    const was = described(before)
    await recordAudit(tx, {
      action: 'webhook.change',
      actorId: allowed.actor.id,
      detail: { ...described(fields), formerUrl: was.url, formerEvents: was.events, wasActive: was.active },
      client,
    })
    return { ok: true, id: endpointId }
  })
}

/** Gives an endpoint a new secret, answered this once; deliveries are signed with it from now on. */
export async function rotateSecret(db: Db, actor: Actor, endpointId: number, client = ''): Promise<Result<{ secret: string }>> {
  return db.transaction(async (tx): Promise<Result<{ secret: string }>> => {
    const allowed = await authorize(tx, actor, 'webhooks.manage')
    if (!allowed.ok) return allowed
    const secret = newSecret()
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ secret, updatedAt: new Date() })
      .where(eq(webhookEndpoints.id, endpointId))
      .returning({ url: webhookEndpoints.url })
    if (!row) return refusal('missing', noSuchEndpoint)
    await recordAudit(tx, { action: 'webhook.rotate', actorId: allowed.actor.id, detail: { url: row.url }, client })
    return { ok: true, secret }
  })
}

/** Deletes an endpoint with its deliveries and their log. */
export async function deleteEndpoint(db: Db, actor: Actor, endpointId: number, client = ''): Promise<Result<{ url: string }>> {
  return db.transaction(async (tx): Promise<Result<{ url: string }>> => {
    const allowed = await authorize(tx, actor, 'webhooks.manage')
    if (!allowed.ok) return allowed
    const [counted] = await tx.select({ deliveries: count() }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId))
    const [row] = await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId)).returning({ url: webhookEndpoints.url })
    if (!row) return refusal('missing', noSuchEndpoint)
    await recordAudit(tx, {
      action: 'webhook.delete',
      actorId: allowed.actor.id,
      detail: { url: row.url, deliveries: counted?.deliveries ?? 0 },
      client,
    })
    return { ok: true, url: row.url }
  })
}

/**
 * The checks that need no transaction, made before one opens: who asks (again inside it), and the
 * address, resolved now (a slow name server must not hold a transaction open).
 */
async function checkFields(db: Db, actor: Actor, fields: EndpointFields): Promise<Refusal | null> {
  const allowed = await authorize(db, actor, 'webhooks.manage')
  if (!allowed.ok) return allowed
  const allowPrivate = (await readSetting(db, 'webhookPrivateAddresses')) === 'allowed'
  const { hostname } = new URL(fields.url)
  try {
    const refused = await hostRefusal(hostname, allowPrivate)
    return refused ? refusal('invalid', refused, 'url') : null
  } catch {
    return refusal('invalid', `No address was found for ${hostname}: check the name.`, 'url')
  }
}

function described(fields: { url: string; events: readonly string[]; isActive: boolean }) {
  return { url: fields.url, events: fields.events.join(', '), active: fields.isActive }
}

function knownEvents(events: readonly string[]): WebhookEventType[] {
  return webhookEventTypes.filter((type) => events.includes(type))
}
