import 'server-only'
import { and, count, desc, eq, isNull, not, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '@/db'
import { articles, notificationPreferences, notifications, revisions, users } from '@/db/schema'
import { readableStories } from './article-access'
import { type EmailFrequency, deskLine, emailFrequencies, kindNames } from './notification-kinds'
import { defaultPreferences } from './notifications'
import type { Actor } from './permissions'
import { type Result, invalidInput } from './refusal'
import { wholeNumberInText } from './sql-in-text'

// A person's notifications in the desk: the list, the unread count, marking read, and their
// preferences. What they may no longer read, and kinds they muted in the desk, are not shown.

export type NotificationItem = { id: number; kind: string; line: string; articleId: number | null; createdAt: Date; isRead: boolean }

/** Conditions for what a person sees: theirs, about a story they may read, of a kind not muted in the desk. */
function shown(viewer: Actor) {
  // The viewer's id in the text: the desk bar's unread count, asked on every desk page, keeps its plan (db/pglite-client.ts).
  const viewerId = wholeNumberInText(viewer.id)
  const muted = sql`exists (select 1 from ${notificationPreferences} where ${notificationPreferences.userId} = ${viewerId}
    and ${notifications.kind} = any(${notificationPreferences.mutedInDesk}))`
  return and(sql`${notifications.userId} = ${viewerId}`, readableStories(viewer), not(muted))
}

/** The person's newest notifications, newest first. */
export async function listNotifications(db: Db, viewer: Actor, options: { limit?: number } = {}): Promise<NotificationItem[]> {
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      articleId: notifications.articleId,
      detail: notifications.detail,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      actor: users.name,
      headline: revisions.headline,
    })
    .from(notifications)
    .innerJoin(articles, eq(articles.id, notifications.articleId))
    .leftJoin(revisions, eq(revisions.id, articles.currentRevisionId))
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(shown(viewer))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit ?? 50)
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    line: deskLine(row.kind, { actor: row.actor ?? 'A former staff member', headline: row.headline ?? '', detail: row.detail }),
    articleId: row.articleId,
    createdAt: row.createdAt,
    isRead: row.readAt !== null,
  }))
}

/** How many of the person's notifications are unread, and the id of the newest (for the live stream). */
export async function unreadCount(db: Db, viewer: Actor): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .innerJoin(articles, eq(articles.id, notifications.articleId))
    .where(and(shown(viewer), isNull(notifications.readAt)))
  return row?.unread ?? 0
}

/** Marks one of the person's notifications read, or all of them; returns how many changed. */
export async function markRead(db: Db, viewer: Actor, which: number | 'all', now = new Date()): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(eq(notifications.userId, viewer.id), isNull(notifications.readAt), which === 'all' ? undefined : eq(notifications.id, which)),
    )
    .returning({ id: notifications.id })
  return rows.length
}

export type PreferencesView = { mutedInDesk: string[]; mutedByEmail: string[]; email: EmailFrequency }

export async function readPreferences(db: Db, userId: number): Promise<PreferencesView> {
  const [row] = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId))
  const prefs = row ?? defaultPreferences
  const email = emailFrequencies.find((frequency) => frequency === prefs.email) ?? 'now'
  return { mutedInDesk: prefs.mutedInDesk, mutedByEmail: prefs.mutedByEmail, email }
}

const kindList = z.array(z.enum(kindNames as [string, ...string[]], { message: 'Choose among the kinds listed.' }))
export const preferencesSchema = z.object({
  inDesk: kindList,
  byEmail: kindList,
  email: z.enum(emailFrequencies, { message: 'Choose how often you want e-mail: at once, once a day, or never.' }),
})

/** Saves the person's own choices: the kinds they want in the desk and by e-mail (the rest are muted), and how often mail comes. */
export async function savePreferences(db: Db, userId: number, input: unknown): Promise<Result<{ preferences: PreferencesView }>> {
  const parsed = preferencesSchema.safeParse(input)
  if (!parsed.success) return invalidInput(parsed.error)
  const { inDesk, byEmail, email } = parsed.data
  const preferences = {
    mutedInDesk: kindNames.filter((kind) => !inDesk.includes(kind)),
    mutedByEmail: kindNames.filter((kind) => !byEmail.includes(kind)),
    email,
  }
  await db
    .insert(notificationPreferences)
    .values({ userId, ...preferences })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: preferences })
  return { ok: true, preferences }
}
