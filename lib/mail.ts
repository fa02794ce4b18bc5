import 'server-only'
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm'
import nodemailer from 'nodemailer'
import type { Db } from '@/db'
import { mailQueue, notificationPreferences, notifications, users } from '@/db/schema'
import { checkRead, readResource } from './article-access'
import { authorize } from './authorize'
import { deskLine } from './notification-kinds'
import { notifiedStory, storyUrl } from './notifications'
import { deskOf, sectionDeskOf } from './section-desks'
import { countOf } from './words'
import { repeatRounds } from './rounds'

// Sending the mail queue (rows queued by lib/notifications.ts in the event's transaction) and
// the daily digests. A message is claimed by moving its time on (so that another instance, or
// the next round, leaves it alone) in a short transaction with `for update skip locked`, then
// sent outside any transaction: a slow or failing server never holds the database. A failure is
// retried later and later; after `maxAttempts` the message is marked failed.

export const maxAttempts = 6
/** How long a claimed message is left alone while it is being sent. */
const claimMs = 10 * 60_000
/** The wait before attempt n+1: 1, 5, 15, 60, 180 minutes. */
const backoffMinutes = [1, 5, 15, 60, 180]
const batchSize = 20

/** What sends one message; nodemailer's transport in the app, the same in tests against a local server. */
export type MailSender = (message: { to: string; subject: string; text: string }) => Promise<void>

/** A sender over SMTP for `SMTP_URL`, from `SMTP_FROM`. */
export function smtpSender(settings: { url: string; from: string }): MailSender {
  const transport = nodemailer.createTransport(settings.url)
  return async (message) => {
    await transport.sendMail({ from: settings.from, ...message })
  }
}

/** Sends the messages that are due; returns how many went and how many failed this round. */
export async function sendDueMail(db: Db, send: MailSender, now: Date): Promise<{ sent: number; failed: number }> {
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(mailQueue)
      .where(and(isNull(mailQueue.sentAt), eq(mailQueue.failed, false), lte(mailQueue.sendAfter, now)))
      .orderBy(asc(mailQueue.sendAfter), asc(mailQueue.id))
      .limit(batchSize)
      .for('update', { skipLocked: true })
    if (due.length === 0) return []
    await tx
      .update(mailQueue)
      .set({ sendAfter: new Date(now.getTime() + claimMs), attempts: sql`${mailQueue.attempts} + 1` })
      .where(
        inArray(
          mailQueue.id,
          due.map((row) => row.id),
        ),
      )
    return due
  })
  let sent = 0
  let failed = 0
  for (const message of claimed) {
    if (!(await mayStillRead(db, message))) {
      await db.update(mailQueue).set({ failed: true, lastError: notReadable }).where(eq(mailQueue.id, message.id))
      continue
    }
    try {
      await send({ to: message.toAddress, subject: message.subject, text: message.body })
      await db.update(mailQueue).set({ sentAt: now, lastError: '' }).where(eq(mailQueue.id, message.id))
      sent += 1
    } catch (error) {
      const attempts = message.attempts + 1
      const minutes = backoffMinutes[Math.min(attempts, backoffMinutes.length) - 1] ?? 180
      await db
        .update(mailQueue)
        .set({
          lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          sendAfter: new Date(now.getTime() + minutes * 60_000),
          failed: attempts >= maxAttempts,
        })
        .where(eq(mailQueue.id, message.id))
      failed += 1
    }
  }
  return { sent, failed }
}

const notReadable = 'Not sent: the person may no longer open this story.'

/** Whether the person a message is for may still open the story it is about (a digest is checked when gathered). */
async function mayStillRead(db: Db, message: { userId: number | null; articleId: number | null }): Promise<boolean> {
  if (message.userId === null || message.articleId === null) return true
  const story = await notifiedStory(db, message.articleId)
  return story !== null && (await authorize(db, { id: message.userId }, 'article.read', readResource(story))).ok
}

/**
 * Queues the daily digests: each person on `daily` gets one message gathering what they have
 * not been mailed, once the oldest of it is a day old (so at most one a day). Anything about a
 * story they may no longer read is left out. Returns how many digests were queued.
 */
export async function queueDigests(db: Db, now: Date): Promise<number> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60_000)
  const people = await db
    .select({
      id: users.id,
      email: users.email,
      role: users.role,
      isDisabled: users.isDisabled,
      sections: sectionDeskOf(users.id),
      mutedByEmail: notificationPreferences.mutedByEmail,
      oldest: sql<Date>`min(${notifications.createdAt})`.mapWith(notifications.createdAt),
    })
    .from(notificationPreferences)
    .innerJoin(users, eq(users.id, notificationPreferences.userId))
    .innerJoin(notifications, and(eq(notifications.userId, users.id), isNull(notifications.emailedAt)))
    .where(eq(notificationPreferences.email, 'daily'))
    .groupBy(users.id, notificationPreferences.mutedByEmail)
  let queued = 0
  for (const person of people) {
    if (person.oldest > dayAgo || person.isDisabled) continue
    const actor = { id: person.id, role: person.role, ...deskOf(person.sections) }
    const waiting = await db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        articleId: notifications.articleId,
        detail: notifications.detail,
        actor: users.name,
      })
      .from(notifications)
      .leftJoin(users, eq(users.id, notifications.actorId))
      .where(and(eq(notifications.userId, person.id), isNull(notifications.emailedAt), lte(notifications.createdAt, now)))
      .orderBy(asc(notifications.createdAt), asc(notifications.id))
    const lines: { id: number; text: string }[] = []
    for (const item of waiting) {
      if (person.mutedByEmail.includes(item.kind) || item.articleId === null) continue
      const story = await notifiedStory(db, item.articleId)
      if (!story || !checkRead(actor, story).ok) continue
      const text = { actor: item.actor ?? 'A former staff member', headline: story.headline, detail: item.detail }
      lines.push({ id: item.id, text: `- ${deskLine(item.kind, text)}\n  ${storyUrl(story.id)}` })
    }
    await db.transaction(async (tx) => {
      // Claimed by marking them mailed (left-out items too, so that they do not wait for ever):
      // another instance gathering the same digest at the same moment claims none of them.
      const claimed = await tx
        .update(notifications)
        .set({ emailedAt: now })
        .where(
          and(
            inArray(
              notifications.id,
              waiting.map((item) => item.id),
            ),
            isNull(notifications.emailedAt),
          ),
        )
        .returning({ id: notifications.id })
      const ours = lines.filter((line) => claimed.some((row) => row.id === line.id))
      if (ours.length === 0) return
      await tx.insert(mailQueue).values({
        userId: person.id,
        toAddress: person.email,
        subject: `Your day in the desk: ${countOf(ours.length, 'notification')}`,
        body: `${ours.map((line) => line.text).join('\n')}\n\nChange what you are told on your profile page in the desk.\n`,
        createdAt: now,
        sendAfter: now,
      })
      queued += 1
    })
  }
  return queued
}

/** Sends mail every `intervalMs` (and queues digests), never two rounds at once; returns a stop function. */
export function startMail(db: Db, send: MailSender, options: { intervalMs?: number; now?: () => Date } = {}): () => Promise<void> {
  const intervalMs = options.intervalMs ?? 15_000
  const now = options.now ?? (() => new Date())
  return repeatRounds(async () => {
    try {
      await queueDigests(db, now())
      const { sent, failed } = await sendDueMail(db, send, now())
      if (failed > 0) console.warn(`Copydesk: ${countOf(failed, 'message')} could not be sent (sent ${sent}); retrying later.`)
    } catch (error) {
      console.error('Copydesk: the mail round failed; trying again shortly:', error)
    }
  }, intervalMs)
}
