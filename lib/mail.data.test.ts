import type { AddressInfo } from 'node:net'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { mailQueue, notificationPreferences, notifications, users } from '@/db/schema'
import { act, openTestNewsroom, storyIn } from '@/test/newsroom'
import { maxAttempts, queueDigests, sendDueMail, smtpSender } from './mail'

const { db, newsroom } = await openTestNewsroom()
beforeAll(() => vi.stubEnv('SMTP_URL', 'smtp://127.0.0.1:1'))
afterAll(() => vi.unstubAllEnvs())
const { writer, writer2, editor } = newsroom

type Received = { to: string[]; subject: string; body: string }

/** A local SMTP server that keeps what it receives; it refuses the first `refusals` messages. */
async function mailServer(refusals = 0) {
  const received: Received[] = []
  let refused = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        if (refused < refusals) {
          refused += 1
          callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }))
          return
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        const [head = '', ...rest] = raw.split('\r\n\r\n')
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          subject: /^Subject: (.*)$/m.exec(head)?.[1] ?? '',
          body: decodeQuotedPrintable(rest.join('\r\n\r\n')),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  const send = smtpSender({ url: `smtp://127.0.0.1:${port}`, from: 'Copydesk <desk@example.test>' })
  servers.push(server)
  return { received, send }
}
const servers: SMTPServer[] = []
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))))
})

function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => `%${hex}`)
  return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, '%25')).replace(/\r\n/g, '\n')
}

const at = (hours: number) => new Date(Date.UTC(2031, 0, 5, 8 + hours))

beforeEach(async () => {
  // Each test sends only its own mail.
  await db
    .update(mailQueue)
    .set({ sentAt: at(-100) })
    .where(isNull(mailQueue.sentAt))
})

describe('notification e-mail', () => {
  it('mails the editors of a submission and the writer of a publication, with subject, body and link, and nobody else', async () => {
    const { received, send } = await mailServer()
    const id = await storyIn(db, newsroom, 'in_review', { headline: 'Ferry timetable changes', now: at(0) })
    expect(await sendDueMail(db, send, at(0))).toEqual({ sent: 1, failed: 0 })
    expect(received).toEqual([
      {
        to: ['editor@example.test'],
        subject: 'For review: Ferry timetable changes',
        body:
          `Writer Person submitted “Ferry timetable changes” for review.\n\nOpen the story: http://localhost:3000/desk/articles/${id}\n\n` +
          'Change what you are told on your profile page in the desk.\n',
      },
    ])
    await act(db, editor, id, 'publish', { now: at(0) })
    await sendDueMail(db, send, at(0))
    expect(received[1]).toMatchObject({ to: ['writer@example.test'], subject: 'Published: Ferry timetable changes' })
    // The other writer, not on the story, never hears of it.
    expect(received.flatMap((mail) => mail.to)).not.toContain('writer2@example.test')
    expect(await db.select().from(mailQueue).where(eq(mailQueue.userId, writer2.id))).toEqual([])
  })

  it('never blocks a transition on a failing server: the message waits, is retried later, and goes', async () => {
    const down = smtpSender({ url: 'smtp://127.0.0.1:1', from: 'desk@example.test' })
    const id = await storyIn(db, newsroom, 'in_review', { headline: 'Bridge closes', now: at(0) })
    await act(db, editor, id, 'requestChanges', { note: 'Add the detour.', now: at(0) })
    expect(await sendDueMail(db, down, at(0))).toEqual({ sent: 0, failed: 2 })
    const [waiting] = await db
      .select()
      .from(mailQueue)
      .where(and(eq(mailQueue.userId, writer.id), isNull(mailQueue.sentAt)))
    expect(waiting).toMatchObject({ attempts: 1, failed: false, sendAfter: new Date(at(0).getTime() + 60_000) })
    expect(waiting?.lastError).toMatch(/ECONNREFUSED/)

    const { received, send } = await mailServer(1)
    // Not before its time; then the server refuses once, and takes it five minutes later.
    expect(await sendDueMail(db, send, at(0))).toEqual({ sent: 0, failed: 0 })
    expect(await sendDueMail(db, send, at(1))).toEqual({ sent: 1, failed: 1 })
    expect(await sendDueMail(db, send, at(2))).toEqual({ sent: 1, failed: 0 })
    expect(received.map((mail) => mail.to[0]).sort()).toEqual(['editor@example.test', 'writer@example.test'])
    expect(received.find((mail) => mail.to[0] === 'writer@example.test')?.body).toContain(
      'Editor Person asked for changes to “Bridge closes”: Add the detour.',
    )
  })

  it('does not send a message about a story to someone who may no longer open it by the time it goes', async () => {
    const { received, send } = await mailServer()
    await storyIn(db, newsroom, 'in_review', { headline: 'Harbour strike ends', now: at(0) })
    await db.update(users).set({ isDisabled: true }).where(eq(users.id, editor.id))
    expect(await sendDueMail(db, send, at(0))).toEqual({ sent: 0, failed: 0 })
    expect(received).toEqual([])
    const [row] = await db.select().from(mailQueue).where(eq(mailQueue.userId, editor.id)).orderBy(desc(mailQueue.id)).limit(1)
    expect(row).toMatchObject({ failed: true, sentAt: null, lastError: 'Not sent: the person may no longer open this story.' })
    await db.update(users).set({ isDisabled: false }).where(eq(users.id, editor.id))
  })

  it('gives up on a message after the last attempt', async () => {
    const down = smtpSender({ url: 'smtp://127.0.0.1:1', from: 'desk@example.test' })
    await storyIn(db, newsroom, 'in_review', { now: at(0) })
    for (let attempt = 0; attempt < maxAttempts; attempt += 1) await sendDueMail(db, down, at(attempt * 4))
    const [row] = await db.select().from(mailQueue).where(isNull(mailQueue.sentAt))
    expect(row).toMatchObject({ attempts: maxAttempts, failed: true })
    expect(await sendDueMail(db, down, at(100))).toEqual({ sent: 0, failed: 0 })
  })

  it('gathers a daily digest once the oldest item is a day old, leaving out stories the person may no longer read', async () => {
    await db.insert(notificationPreferences).values({ userId: writer.id, email: 'daily' })
    const { received, send } = await mailServer()
    const first = await storyIn(db, newsroom, 'in_review', { headline: 'Lighthouse restored', now: at(0) })
    await act(db, editor, first, 'requestChanges', { note: 'Shorter.', now: at(0) })
    await act(db, writer, first, 'submit', { now: at(1) })
    await act(db, editor, first, 'publish', { now: at(1) })
    // Told of a story the writer has since lost access to (here: another writer's, in review).
    const hidden = await storyIn(db, newsroom, 'in_review', { headline: 'Secret merger', by: writer2, now: at(0) })
    await db.insert(notifications).values({ userId: writer.id, kind: 'mentioned', articleId: hidden, createdAt: at(0) })
    expect(
      await db
        .select()
        .from(mailQueue)
        .where(and(eq(mailQueue.userId, writer.id), isNull(mailQueue.sentAt))),
    ).toEqual([])
    expect(await queueDigests(db, at(12))).toBe(0)
    // Two instances gathering at the same moment: one digest between them.
    expect((await Promise.all([queueDigests(db, at(25)), queueDigests(db, at(25))])).sort()).toEqual([0, 1])
    await sendDueMail(db, send, at(25))
    const digest = received.find((mail) => mail.to[0] === 'writer@example.test')
    expect(digest?.subject).toBe('Your day in the desk: 2 notifications')
    expect(digest?.body).toContain('- Editor Person asked for changes to “Lighthouse restored”: Shorter.')
    expect(digest?.body).toContain('- Editor Person published “Lighthouse restored”.')
    expect(digest?.body).not.toContain('Secret merger')
    // Everything gathered counts as mailed: no second digest.
    expect(await queueDigests(db, at(50))).toBe(0)
    expect(
      await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, writer.id), isNull(notifications.emailedAt))),
    ).toEqual([])
    await db.delete(notificationPreferences).where(eq(notificationPreferences.userId, writer.id))
  })
})
