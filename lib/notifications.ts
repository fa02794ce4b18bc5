import 'server-only'
import { and, eq, inArray, ne } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { articles, mailQueue, notificationPreferences, notifications, revisions, users } from '@/db/schema'
import { ownerIds } from './article-attribution'
import { type ReadableStory, checkRead } from './article-access'
import { siteUrl, smtpSettings } from './env'
import { type NotificationKind, type NotificationText, mailBody, notificationKinds } from './notification-kinds'
import { deskOf, sectionDeskOf } from './section-desks'

// THE door for telling people: every notification is made by `notify`, inside the transaction of
// the event it tells of (a transition, a note, a correction), so that both happen or neither. It
// decides who is told from the kinds table (lib/notification-kinds.ts), drops anyone who may not
// read the story (`checkRead`, asked now), and honours each person's preferences: a kind muted in
// the desk and by e-mail is not stored at all; e-mail `now` queues a message in the same
// transaction (lib/mail.ts sends it), `daily` leaves it for the digest.

export type NotificationEvent = {
  kind: NotificationKind
  articleId: number
  /** Who acted; never told of their own act. Null for Copydesk itself. */
  actorId: number | null
  /** For `named` kinds: the people the event names. */
  userIds?: readonly number[]
  detail?: NotificationText['detail']
  now: Date
}

/** A person's preferences, with the defaults for someone who never chose. */
export type Preferences = { mutedInDesk: string[]; mutedByEmail: string[]; email: string }
export const defaultPreferences: Preferences = { mutedInDesk: [], mutedByEmail: [], email: 'now' }

/** The story as a notification needs it: who may read it, where it is filed, its headline. */
export type NotifiedStory = ReadableStory & { id: number; headline: string; sectionIds: number[] }

/** Loads the story as `notify` and the mail need it; null when it does not exist. */
export async function notifiedStory(db: Db | Tx, articleId: number): Promise<NotifiedStory | null> {
  const [row] = await db
    .select({
      id: articles.id,
      createdBy: articles.createdBy,
      status: articles.status,
      publishedRevisionId: articles.publishedRevisionId,
      sectionId: articles.sectionId,
      headline: revisions.headline,
      bylines: revisions.bylines,
      revisionSectionId: revisions.sectionId,
    })
    .from(articles)
    .leftJoin(revisions, eq(revisions.id, articles.currentRevisionId))
    .where(eq(articles.id, articleId))
  if (!row) return null
  return {
    id: row.id,
    status: row.status,
    publishedRevisionId: row.publishedRevisionId,
    ownerIds: await ownerIds(db, row, row.bylines ?? []),
    headline: row.headline ?? '',
    sectionIds: [...new Set([row.sectionId, row.revisionSectionId ?? row.sectionId])],
  }
}

/** Tells the people the event concerns; returns the ids of those told. */
export async function notify(tx: Tx, event: NotificationEvent): Promise<number[]> {
  const story = await notifiedStory(tx, event.articleId)
  if (!story) return []
  const candidates = (await audienceOf(tx, event, story)).filter((id) => id !== event.actorId)
  if (candidates.length === 0) return []

  const people = await tx
    .select({
      id: users.id,
      role: users.role,
      email: users.email,
      isDisabled: users.isDisabled,
      sections: sectionDeskOf(users.id),
      mutedInDesk: notificationPreferences.mutedInDesk,
      mutedByEmail: notificationPreferences.mutedByEmail,
      frequency: notificationPreferences.email,
    })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(inArray(users.id, [...new Set(candidates)]))
  const actorName = event.actorId === null ? 'Copydesk' : await nameOf(tx, event.actorId)
  const text: NotificationText = { actor: actorName, headline: story.headline, detail: event.detail ?? {} }
  const mail = smtpSettings()
  const told: number[] = []
  for (const person of people) {
    if (person.isDisabled) continue
    // The one rule: nobody hears of a story they may not open.
    if (!checkRead({ id: person.id, role: person.role, ...deskOf(person.sections) }, story).ok) continue
    const prefs = { ...defaultPreferences, ...withoutNulls(person) }
    const inDesk = !prefs.mutedInDesk.includes(event.kind)
    const byEmail = mail !== null && prefs.email !== 'off' && !prefs.mutedByEmail.includes(event.kind)
    if (!inDesk && !byEmail) continue
    const mailsNow = byEmail && prefs.email === 'now'
    await tx.insert(notifications).values({
      userId: person.id,
      kind: event.kind,
      articleId: story.id,
      actorId: event.actorId,
      detail: text.detail,
      createdAt: event.now,
      // Already read when it is for e-mail only; already mailed when it never will be.
      readAt: inDesk ? null : event.now,
      emailedAt: byEmail && !mailsNow ? null : event.now,
    })
    if (mailsNow) {
      await tx.insert(mailQueue).values({
        userId: person.id,
        articleId: story.id,
        toAddress: person.email,
        subject: notificationKinds[event.kind].subject(text),
        body: mailBody(event.kind, text, storyUrl(story.id)),
        createdAt: event.now,
        sendAfter: event.now,
      })
    }
    told.push(person.id)
  }
  return told
}

/** Where a story opens in the desk, for e-mail. */
export function storyUrl(articleId: number): string {
  return `${siteUrl()}/desk/articles/${articleId}`
}

async function audienceOf(tx: Tx, event: NotificationEvent, story: NotifiedStory): Promise<number[]> {
  switch (notificationKinds[event.kind].audience) {
    case 'owners':
      return [...story.ownerIds]
    case 'named':
      return [...(event.userIds ?? [])]
    case 'sectionEditors': {
      const editors = await tx
        .select({ id: users.id, sections: sectionDeskOf(users.id) })
        .from(users)
        .where(and(eq(users.role, 'editor'), eq(users.isDisabled, false), ne(users.id, event.actorId ?? 0)))
      // An editor without a desk covers the whole newsroom; one with a desk, the stories filed in it.
      return editors
        .filter((editor) => editor.sections === null || story.sectionIds.some((id) => editor.sections?.map(Number).includes(id)))
        .map((editor) => editor.id)
    }
  }
}

async function nameOf(db: Db | Tx, userId: number): Promise<string> {
  const [person] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId))
  return person?.name ?? 'A former staff member'
}

function withoutNulls(person: { mutedInDesk: string[] | null; mutedByEmail: string[] | null; frequency: string | null }) {
  return {
    ...(person.mutedInDesk ? { mutedInDesk: person.mutedInDesk } : {}),
    ...(person.mutedByEmail ? { mutedByEmail: person.mutedByEmail } : {}),
    ...(person.frequency ? { email: person.frequency } : {}),
  }
}
