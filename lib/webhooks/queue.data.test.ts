import http from 'node:http'
import net, { type AddressInfo } from 'node:net'
import { asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { auditEvents, webhookAttempts, webhookDeliveries, webhookEndpoints } from '@/db/schema'
import { act, editStory, openTestNewsroom, storyIn, tryAct } from '@/test/newsroom'
import { addCorrection } from '../corrections'
import { liftEmbargo, setEmbargo } from '../embargo'
import { addNote } from '../notes'
import { writeSetting } from '../settings'
import { createEndpoint } from './endpoints'
import { type WebhookEventType, webhookEventTypes } from './events'
import { deliverDue, logRetentionMs, resendDelivery, tidyDeliveries } from './queue'
import { retryWindowMs } from './backoff'
import { verifySignature } from './signing'

const { db, newsroom } = await openTestNewsroom()
const { admin, editor, writer } = newsroom

const at = (minutes: number) => new Date(Date.UTC(2031, 0, 5, 8, minutes))
const noJitter = () => 0

type Received = { headers: http.IncomingHttpHeaders; body: string }
type Answer = number | 'hang' | { redirectTo: string }

/** A real endpoint on 127.0.0.1: answers the n-th request (from 1) with `answer(n)` and keeps what it received. */
async function endpointServer(answer: (n: number) => Answer = () => 200) {
  const received: Received[] = []
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') })
      const reply = answer(received.length)
      if (reply === 'hang') return
      if (typeof reply === 'object') response.writeHead(302, { location: reply.redirectTo }).end()
      else response.writeHead(reply, { 'content-type': 'text/plain' }).end(reply < 300 ? 'thanks' : 'not now')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/copydesk`, received }
}
const servers: http.Server[] = []

async function addEndpoint(url: string, events: WebhookEventType[] = ['story.published'], isActive = true) {
  const made = await createEndpoint(db, admin, { url, description: 'A test endpoint', events, isActive })
  if (!made.ok) throw new Error(made.message)
  return made
}

async function deliveriesOf(endpointId: number) {
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).orderBy(asc(webhookDeliveries.id))
}

async function attemptsOf(deliveryId: number) {
  return db
    .select({ responseStatus: webhookAttempts.responseStatus, error: webhookAttempts.error, startedAt: webhookAttempts.startedAt })
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, deliveryId))
    .orderBy(asc(webhookAttempts.id))
}

beforeAll(() => writeSetting(db, admin, 'webhookPrivateAddresses', 'allowed'))
afterAll(async () => {
  await writeSetting(db, admin, 'webhookPrivateAddresses', 'refused')
  for (const server of servers) server.closeAllConnections()
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
})
// Each test hears only of its own endpoints and deliveries.
beforeEach(async () => {
  await db.update(webhookEndpoints).set({ isActive: false })
  await db.update(webhookDeliveries).set({ status: 'failed' }).where(eq(webhookDeliveries.status, 'pending'))
})

describe('webhook deliveries', () => {
  it('queues one delivery per active endpoint that chose the event, in the transition’s transaction, and posts it signed', async () => {
    const [first, second, other, off] = await Promise.all([endpointServer(), endpointServer(), endpointServer(), endpointServer()])
    const a = await addEndpoint(first.url)
    const b = await addEndpoint(second.url, ['story.published', 'story.updated'])
    const c = await addEndpoint(other.url, ['story.unpublished'])
    const d = await addEndpoint(off.url, ['story.published'], false)
    const id = await storyIn(db, newsroom, 'in_review', { headline: 'Harbour reopens after the storm', now: at(0) })
    // A refused publication queues nothing.
    expect(await tryAct(db, writer, id, 'publish', { now: at(0) })).toMatchObject({ ok: false })
    expect(await deliveriesOf(a.id)).toEqual([])

    await act(db, editor, id, 'publish', { now: at(0) })
    const [toA] = await deliveriesOf(a.id)
    const [toB] = await deliveriesOf(b.id)
    expect(toA).toMatchObject({ eventType: 'story.published', status: 'pending', attempts: 0, nextAttemptAt: at(0) })
    expect(toB?.eventId).toBe(toA?.eventId)
    expect([...(await deliveriesOf(c.id)), ...(await deliveriesOf(d.id))]).toEqual([])
    expect(first.received).toEqual([])

    expect(await deliverDue(db, at(0))).toEqual({ delivered: 2, failed: 0 })
    const [request] = first.received
    expect(request?.headers['content-type']).toBe('application/json')
    expect(request?.headers['copydesk-event-id']).toBe(toA?.eventId)
    expect(request?.headers['copydesk-event']).toBe('story.published')
    expect(verifySignature(a.secret, String(request?.headers['copydesk-signature']), request?.body ?? '', at(0))).toEqual({
      ok: true,
      timestamp: at(0).getTime() / 1000,
    })
    expect(verifySignature(b.secret, String(request?.headers['copydesk-signature']), request?.body ?? '', at(0))).toMatchObject({
      ok: false,
    })
    expect(JSON.parse(request?.body ?? '')).toEqual({
      id: toA?.eventId,
      type: 'story.published',
      occurredAt: at(0).toISOString(),
      story: {
        id,
        headline: 'Harbour reopens after the storm',
        url: expect.stringMatching(/^http.*\/world\/[a-z0-9-]+$/),
        section: 'World',
      },
    })
    expect(second.received).toHaveLength(1)
    expect([...other.received, ...off.received]).toEqual([])
    expect(await deliveriesOf(a.id)).toMatchObject([{ status: 'delivered', deliveredAt: at(0), attempts: 1 }])
    expect(await attemptsOf(toA?.id ?? 0)).toEqual([{ responseStatus: 200, error: '', startedAt: at(0) }])
    // Nothing is sent twice.
    expect(await deliverDue(db, at(5))).toEqual({ delivered: 0, failed: 0 })
  })

  it('retries a 500 with backoff, with the same event id and body, and an admin can resend it', async () => {
    const server = await endpointServer((n) => (n === 1 ? 500 : 200))
    const endpoint = await addEndpoint(server.url)
    await storyIn(db, newsroom, 'published', { headline: 'Ferry timetable changes', now: at(0) })
    expect(await deliverDue(db, at(0), { random: noJitter })).toEqual({ delivered: 0, failed: 1 })
    const [waiting] = await deliveriesOf(endpoint.id)
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: new Date(at(0).getTime() + 15_000) })
    // Not before its time.
    expect(await deliverDue(db, new Date(at(0).getTime() + 10_000))).toEqual({ delivered: 0, failed: 0 })
    expect(await deliverDue(db, new Date(at(0).getTime() + 15_000))).toEqual({ delivered: 1, failed: 0 })
    expect((await attemptsOf(waiting?.id ?? 0)).map((attempt) => attempt.responseStatus)).toEqual([500, 200])
    const [one, two] = server.received
    expect(two?.headers['copydesk-event-id']).toBe(one?.headers['copydesk-event-id'])
    expect(two?.body).toBe(one?.body)
    expect(verifySignature(endpoint.secret, String(two?.headers['copydesk-signature']), two?.body ?? '', at(1))).toMatchObject({ ok: true })

    expect(await resendDelivery(db, admin, waiting?.id ?? 0, '', at(10))).toEqual({ ok: true, endpointId: endpoint.id })
    expect(await deliverDue(db, at(10))).toEqual({ delivered: 1, failed: 0 })
    expect(server.received[2]?.headers['copydesk-event-id']).toBe(one?.headers['copydesk-event-id'])
    const [logged] = await db.select({ detail: auditEvents.detail }).from(auditEvents).where(eq(auditEvents.action, 'webhook.resend'))
    expect(logged?.detail).toMatchObject({ endpoint: server.url, event: 'story.published' })
  })

  it('marks a delivery failed when its next try would fall after its day', async () => {
    const server = await endpointServer(() => 503)
    const endpoint = await addEndpoint(server.url)
    await storyIn(db, newsroom, 'published', { now: at(0) })
    expect(await deliverDue(db, at(0), { random: noJitter })).toEqual({ delivered: 0, failed: 1 })
    const nearItsEnd = new Date(at(0).getTime() + retryWindowMs - 20_000)
    expect(await deliverDue(db, nearItsEnd, { random: noJitter })).toEqual({ delivered: 0, failed: 1 })
    expect(await deliveriesOf(endpoint.id)).toMatchObject([{ status: 'failed', attempts: 2 }])
    expect(await deliverDue(db, new Date(nearItsEnd.getTime() + 3_600_000))).toEqual({ delivered: 0, failed: 0 })
    expect(server.received).toHaveLength(2)
  })

  it('gives up on a hanging endpoint after the time limit and retries it later, never holding up the transition', async () => {
    const server = await endpointServer(() => 'hang')
    const endpoint = await addEndpoint(server.url)
    const id = await storyIn(db, newsroom, 'in_review', { now: at(0) })
    await act(db, editor, id, 'publish', { now: at(0) })
    // The publication is done; the endpoint has not even been asked yet.
    expect(server.received).toEqual([])
    expect(await deliverDue(db, at(0), { timeoutMs: 300, random: noJitter })).toEqual({ delivered: 0, failed: 1 })
    expect(server.received).toHaveLength(1)
    const [delivery] = await deliveriesOf(endpoint.id)
    expect(delivery).toMatchObject({ status: 'pending', nextAttemptAt: new Date(at(0).getTime() + 15_000) })
    expect(await attemptsOf(delivery?.id ?? 0)).toEqual([{ responseStatus: null, error: 'No answer within 0.3 s.', startedAt: at(0) }])
  })

  it('retries an endpoint that answers garbage instead of HTTP', async () => {
    const garbage = net.createServer((socket) => socket.end('NOT HTTP AT ALL\r\n\r\n', () => socket.destroy()))
    await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve))
    const endpoint = await addEndpoint(`http://127.0.0.1:${(garbage.address() as AddressInfo).port}/hook`)
    try {
      await storyIn(db, newsroom, 'published', { now: at(0) })
      expect(await deliverDue(db, at(0), { random: noJitter })).toEqual({ delivered: 0, failed: 1 })
    } finally {
      await new Promise((resolve) => garbage.close(resolve))
    }
    const [delivery] = await deliveriesOf(endpoint.id)
    expect(delivery).toMatchObject({ status: 'pending', nextAttemptAt: new Date(at(0).getTime() + 15_000) })
    expect(await attemptsOf(delivery?.id ?? 0)).toEqual([
      { responseStatus: null, error: expect.stringMatching(/parse error/i), startedAt: at(0) },
    ])
  })

  it('never follows a redirect, to a private address or anywhere', async () => {
    const inside = await endpointServer()
    const redirecting = await endpointServer(() => ({ redirectTo: `${inside.url}/admin` }))
    const endpoint = await addEndpoint(redirecting.url)
    await storyIn(db, newsroom, 'published', { now: at(0) })
    expect(await deliverDue(db, at(0), { random: noJitter })).toEqual({ delivered: 0, failed: 1 })
    expect(inside.received).toEqual([])
    const [delivery] = await deliveriesOf(endpoint.id)
    expect(await attemptsOf(delivery?.id ?? 0)).toEqual([{ responseStatus: 302, error: 'Redirects are not followed.', startedAt: at(0) }])
  })

  it('refuses a private address at delivery time too, once the setting is off', async () => {
    const server = await endpointServer()
    const endpoint = await addEndpoint(server.url)
    await writeSetting(db, admin, 'webhookPrivateAddresses', 'refused')
    try {
      await storyIn(db, newsroom, 'published', { now: at(0) })
      expect(await deliverDue(db, at(0), { random: noJitter })).toEqual({ delivered: 0, failed: 1 })
    } finally {
      await writeSetting(db, admin, 'webhookPrivateAddresses', 'allowed')
    }
    expect(server.received).toEqual([])
    const [delivery] = await deliveriesOf(endpoint.id)
    expect(await attemptsOf(delivery?.id ?? 0)).toEqual([
      {
        responseStatus: null,
        error: '127.0.0.1 is a loopback address: webhooks go only to public addresses unless an admin allows private ones.',
        startedAt: at(0),
      },
    ])
  })

  it('sends each delivery once when several instances look at the same moment', async () => {
    const server = await endpointServer()
    await addEndpoint(server.url)
    for (const headline of ['Bridge closes', 'Bridge reopens', 'Council meets'])
      await storyIn(db, newsroom, 'published', { headline, now: at(0) })
    const rounds = await Promise.all([deliverDue(db, at(0)), deliverDue(db, at(0)), deliverDue(db, at(0))])
    expect(rounds.reduce((sum, round) => sum + round.delivered, 0)).toBe(3)
    expect(new Set(server.received.map((request) => request.headers['copydesk-event-id'])).size).toBe(3)
    expect(server.received).toHaveLength(3)
  })

  it('fails a delivery left waiting past its day, and keeps one that is done in the log for 30 days', async () => {
    const server = await endpointServer((n) => (n === 1 ? 200 : 500))
    const endpoint = await addEndpoint(server.url)
    await storyIn(db, newsroom, 'published', { now: at(0) })
    await storyIn(db, newsroom, 'published', { now: at(0) })
    await deliverDue(db, at(0), { random: noJitter })
    expect((await deliveriesOf(endpoint.id)).map((delivery) => delivery.status).sort()).toEqual(['delivered', 'pending'])
    const monthLater = new Date(at(0).getTime() + logRetentionMs)
    // Past its day, the one still pending waits for nobody: it is failed first, then kept 30 days too.
    await db.update(webhookDeliveries).set({ nextAttemptAt: monthLater }).where(eq(webhookDeliveries.status, 'pending'))
    expect(await tidyDeliveries(db, at(1))).toEqual({ failed: 0, deleted: 0 })
    const tidied = await tidyDeliveries(db, new Date(monthLater.getTime() + 60_000))
    expect(tidied.failed).toBe(1)
    expect(tidied.deleted).toBeGreaterThanOrEqual(1)
    expect(await deliveriesOf(endpoint.id)).toEqual([])
  })

  it('tells of updates, corrections, unpublishing, schedules and lifted embargoes with nothing readers cannot see', async () => {
    const server = await endpointServer()
    const endpoint = await addEndpoint(server.url, [...webhookEventTypes])
    const id = await storyIn(db, newsroom, 'published', { headline: 'Harbour master resigns', now: at(0) })
    await editStory(db, editor, id, { headline: 'Harbour master resigns over a secret sale' }, { now: at(1) })
    await addNote(db, editor, id, { body: 'Keep the buyer’s name out until legal has read it.' }, { now: at(1) })
    const corrected = await addCorrection(
      db,
      editor,
      id,
      { kind: 'correction', body: 'An earlier version misspelt the harbour’s name.' },
      { now: at(2) },
    )
    expect(corrected.ok).toBe(true)
    await act(db, editor, id, 'publish', { now: at(3) })
    await act(db, editor, id, 'unpublish', { now: at(4) })
    // A correction on a story readers cannot see is nobody’s news.
    expect((await addCorrection(db, editor, id, { kind: 'update', body: 'Updated while taken down.' }, { now: at(5) })).ok).toBe(true)

    const scheduled = await storyIn(db, newsroom, 'scheduled', { headline: 'Budget leaks ahead of the vote', now: at(10) })
    const embargoed = await storyIn(db, newsroom, 'in_review', { headline: 'Court ruling under embargo', now: at(10) })
    expect(await setEmbargo(db, editor, embargoed, at(120), '', at(10))).toMatchObject({ ok: true })
    expect(await liftEmbargo(db, editor, embargoed, 'The court published it.', '', at(11))).toMatchObject({ ok: true })

    const payloads = (await deliveriesOf(endpoint.id)).map((delivery) => JSON.parse(delivery.payload) as Record<string, unknown>)
    expect(payloads.map((payload) => [payload.type, payload.story])).toEqual([
      ['story.published', expect.objectContaining({ id, headline: 'Harbour master resigns', section: 'World' })],
      ['story.corrected', expect.objectContaining({ id, headline: 'Harbour master resigns' })],
      ['story.updated', expect.objectContaining({ id, headline: 'Harbour master resigns over a secret sale' })],
      ['story.unpublished', expect.objectContaining({ id, headline: 'Harbour master resigns over a secret sale' })],
      ['story.scheduled', { id: scheduled, headline: null, url: null, section: null, scheduledAt: at(70).toISOString() }],
      ['story.embargo_lifted', { id: embargoed, headline: null, url: null, section: null }],
    ])
    expect(payloads[1]?.correction).toEqual({ kind: 'correction', text: 'An earlier version misspelt the harbour’s name.' })
    const everything = JSON.stringify(payloads)
    for (const hidden of ['buyer’s name', 'Updated while taken down', 'Budget leaks', 'Court ruling', '@example.test', 'Person']) {
      expect(everything).not.toContain(hidden)
    }
    // The update's headline went out only once it was published.
    expect(JSON.stringify(payloads.slice(0, 2))).not.toContain('secret sale')
  })
})
