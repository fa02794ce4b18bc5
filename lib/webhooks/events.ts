import 'server-only'
import { randomUUID } from 'node:crypto'
import { and, arrayContains, eq } from 'drizzle-orm'
import type { Tx } from '@/db'
import { type ArticleStatus, type CorrectionKind, articles, revisions, webhookDeliveries, webhookEndpoints } from '@/db/schema'
import { type SectionCrumb, sectionTrails, storyPath } from '../sections'
import { readPublication } from '../settings'
import { absoluteUrl } from '../site'
import { isPubliclyVisible } from '../story-state'
import { retryWindowMs } from './backoff'

// The events webhooks are told of, and what a delivery says. Each event is queued in the
// transaction of the change it tells of (lib/status-change.ts for the workflow's moves,
// lib/corrections.ts, lib/embargo.ts), one delivery per active endpoint that chose it, so that
// both happen or neither. A payload holds only what readers can see: the live revision's
// headline, address and section, never a draft, a note or anyone's e-mail address.

/** The event types, with how the desk names them. */
export const webhookEvents = {
  'story.published': 'Story published',
  'story.updated': 'Live story updated',
  'story.unpublished': 'Story unpublished',
  'story.corrected': 'Correction or update note added',
  'story.scheduled': 'Story scheduled',
  'story.embargo_lifted': 'Embargo lifted early',
} as const

export type WebhookEventType = keyof typeof webhookEvents
export const webhookEventTypes = Object.keys(webhookEvents) as [WebhookEventType, ...WebhookEventType[]]
const labels = new Map<string, string>(Object.entries(webhookEvents))

/** How the desk names an event type (a type no longer known, as it is). */
export function eventLabel(type: string): string {
  return labels.get(type) ?? type
}

/** The types with their names, for the desk's form. */
export const webhookEventChoices = webhookEventTypes.map((type) => ({ type, label: webhookEvents[type] }))

export type StoryEvent = {
  type: WebhookEventType
  articleId: number
  now: Date
  /** For `story.corrected`: what readers see added to the story. */
  correction?: { kind: CorrectionKind; text: string }
}

/** What a delivery's body says. The story's fields are null while readers cannot see it (a first scheduling, an embargo lifted). */
export type WebhookPayload = {
  id: string
  type: WebhookEventType
  occurredAt: string
  story: { id: number; headline: string | null; url: string | null; section: string | null; scheduledAt?: string }
  correction?: { kind: CorrectionKind; text: string }
}

/** The event a workflow move makes, if any: going live, a new version going live, coming down, being scheduled. */
export function storyEventOfMove(
  before: { status: ArticleStatus | null; publishedRevisionId: number | null },
  to: ArticleStatus,
): WebhookEventType | null {
  const wasLive = before.status !== null && isPubliclyVisible({ status: before.status, publishedRevisionId: before.publishedRevisionId })
  if (to === 'published') return wasLive ? 'story.updated' : 'story.published'
  if (to === 'unpublished') return 'story.unpublished'
  if (to === 'scheduled') return 'story.scheduled'
  return null
}

/** Queues the event for every active endpoint that chose it, in the caller's transaction; returns how many deliveries. */
export async function enqueueStoryEvent(tx: Tx, event: StoryEvent): Promise<number> {
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.isActive, true), arrayContains(webhookEndpoints.events, [event.type])))
  if (endpoints.length === 0) return 0
  const eventId = randomUUID()
  const payload = await payloadOf(tx, eventId, event)
  // A correction readers cannot see (on a story taken down) is nobody's news.
  if (!payload) return 0
  await tx.insert(webhookDeliveries).values(
    endpoints.map((endpoint) => ({
      endpointId: endpoint.id,
      eventId,
      eventType: event.type,
      payload: JSON.stringify(payload),
      createdAt: event.now,
      nextAttemptAt: event.now,
      giveUpAt: new Date(event.now.getTime() + retryWindowMs),
    })),
  )
  return endpoints.length
}

async function payloadOf(tx: Tx, eventId: string, event: StoryEvent): Promise<WebhookPayload | null> {
  const [story] = await tx
    .select({
      id: articles.id,
      status: articles.status,
      publishedRevisionId: articles.publishedRevisionId,
      sectionId: articles.sectionId,
      slug: articles.slug,
      scheduledAt: articles.scheduledAt,
      headline: revisions.headline,
    })
    .from(articles)
    .leftJoin(revisions, eq(revisions.id, articles.publishedRevisionId))
    .where(eq(articles.id, event.articleId))
  if (!story) throw new Error(`Story ${event.articleId} does not exist.`)
  const isVisible = isPubliclyVisible(story)
  if (event.type === 'story.corrected' && !isVisible) return null
  // An unpublished story is described as readers saw it until now, so that receivers can take it down.
  const isShown = story.headline !== null && (isVisible || event.type === 'story.unpublished')
  const trails = isShown ? await sectionTrails(tx) : new Map<number, SectionCrumb[]>()
  const url = isShown ? absoluteUrl(storyPath(trails, story.sectionId, story.slug), await readPublication(tx)) : null
  return {
    id: eventId,
    type: event.type,
    occurredAt: event.now.toISOString(),
    story: {
      id: story.id,
      headline: isShown ? story.headline : null,
      url,
      section: trails.get(story.sectionId)?.at(-1)?.name ?? null,
      ...(event.type === 'story.scheduled' && story.scheduledAt ? { scheduledAt: story.scheduledAt.toISOString() } : {}),
    },
    ...(event.correction ? { correction: event.correction } : {}),
  }
}
