import { desc, eq, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, webhookEndpoints } from '@/db/schema'
import { disabledPerson, disabledRefusal, openTestNewsroom } from '@/test/newsroom'
import { invalid } from '../errors'
import { readSetting, writeSetting } from '../settings'
import { changeEndpoint, createEndpoint, deleteEndpoint, endpointFieldsSchema, listEndpoints, rotateSecret } from './endpoints'
import { resendDelivery } from './queue'

const { db, newsroom } = await openTestNewsroom()
const { admin, editor, writer } = newsroom

const fields = { url: 'https://93.184.215.14/copydesk', description: 'The app', events: ['story.published' as const], isActive: true }

async function endpointCount() {
  return (await db.select({ id: webhookEndpoints.id }).from(webhookEndpoints)).length
}

async function webhookAudit() {
  return db
    .select({ action: auditEvents.action, detail: auditEvents.detail })
    .from(auditEvents)
    .where(like(auditEvents.action, 'webhook.%'))
    .orderBy(desc(auditEvents.id))
}

describe('webhook endpoints', () => {
  beforeAll(async () => {
    await writeSetting(db, admin, 'webhookPrivateAddresses', 'refused')
  })
  afterAll(async () => {
    await writeSetting(db, admin, 'webhookPrivateAddresses', 'refused')
  })

  it('refuses anyone but an admin, changing nothing', async () => {
    const made = await createEndpoint(db, admin, fields)
    if (!made.ok) throw new Error(made.message)
    const onlyAdmins = { ok: false, reason: 'forbidden', message: 'Only administrators can register webhooks and read their deliveries.' }
    for (const person of [editor, writer]) {
      expect(await createEndpoint(db, person, fields)).toEqual(onlyAdmins)
      expect(await listEndpoints(db, person)).toEqual(onlyAdmins)
      expect(await changeEndpoint(db, person, made.id, { ...fields, isActive: false })).toEqual(onlyAdmins)
      expect(await rotateSecret(db, person, made.id)).toEqual(onlyAdmins)
      expect(await deleteEndpoint(db, person, made.id)).toEqual(onlyAdmins)
      expect(await resendDelivery(db, person, 1)).toEqual(onlyAdmins)
      expect(await writeSetting(db, person, 'webhookPrivateAddresses', 'allowed')).toMatchObject({ ok: false, reason: 'forbidden' })
    }
    expect(await createEndpoint(db, await disabledPerson(db, 'admin'), fields)).toEqual(disabledRefusal)
    const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, made.id))
    expect(row).toMatchObject({ url: fields.url, isActive: true })
    expect(await readSetting(db, 'webhookPrivateAddresses')).toBe('refused')
  })

  it('gives the secret once when made or rotated, never lists it, and records every change in the audit log', async () => {
    const made = await createEndpoint(db, admin, { ...fields, description: 'Newsletter' })
    if (!made.ok) throw new Error(made.message)
    expect(made.secret).toMatch(/^whsec_/)
    const listed = await listEndpoints(db, admin)
    if (!listed.ok) throw new Error(listed.message)
    const shown = listed.endpoints.find((endpoint) => endpoint.id === made.id)
    expect(shown).toMatchObject({ url: fields.url, description: 'Newsletter', events: ['story.published'], pending: 0, failed: 0 })
    expect(JSON.stringify(listed)).not.toContain(made.secret)

    const rotated = await rotateSecret(db, admin, made.id)
    if (!rotated.ok) throw new Error(rotated.message)
    expect(rotated.secret).not.toBe(made.secret)
    const [stored] = await db.select({ secret: webhookEndpoints.secret }).from(webhookEndpoints).where(eq(webhookEndpoints.id, made.id))
    expect(stored?.secret).toBe(rotated.secret)

    const changed = { ...fields, url: 'https://93.184.215.14/other', events: ['story.updated' as const], isActive: false }
    expect(await changeEndpoint(db, admin, made.id, changed)).toEqual({ ok: true, id: made.id })
    expect(await deleteEndpoint(db, admin, made.id)).toEqual({ ok: true, url: 'https://93.184.215.14/other' })
    expect(await rotateSecret(db, admin, made.id)).toMatchObject({ ok: false, reason: 'missing' })

    const audit = await webhookAudit()
    expect(audit.slice(0, 4).map((entry) => entry.action)).toEqual(['webhook.delete', 'webhook.change', 'webhook.rotate', 'webhook.create'])
    expect(audit[1]?.detail).toEqual({
      url: 'https://93.184.215.14/other',
      events: 'story.updated',
      active: false,
      formerUrl: fields.url,
      formerEvents: 'story.published',
      wasActive: true,
    })
    expect(JSON.stringify(audit)).not.toContain('whsec_')
  })

  it('refuses an address that is not http(s), no events, and a private address without the setting, saving nothing', async () => {
    const before = await endpointCount()
    const parsed = endpointFieldsSchema.safeParse({ url: 'ftp://x', description: '', events: [], isActive: true })
    expect(parsed.success).toBe(false)
    if (!parsed.success) {
      expect(invalid(parsed.error)).toEqual({
        ok: false,
        message: 'Please correct the highlighted fields.',
        fieldErrors: {
          url: ['The address must start with http:// or https://, such as https://example.org/copydesk-events.'],
          events: ['Choose at least one event.'],
        },
      })
    }
    expect(endpointFieldsSchema.safeParse({ ...fields, events: ['story.deleted'] }).success).toBe(false)
    expect(endpointFieldsSchema.safeParse({ ...fields, url: 'https://app:hunter2@93.184.215.14/hook' }).error?.issues[0]?.message).toBe(
      'Leave the user name and password out of the address: every delivery is signed instead.',
    )

    const loopback = await createEndpoint(db, admin, { ...fields, url: 'http://127.0.0.1:8080/hook' })
    expect(loopback).toEqual({
      ok: false,
      reason: 'invalid',
      field: 'url',
      message: '127.0.0.1 is a loopback address: webhooks go only to public addresses unless an admin allows private ones.',
    })
    for (const url of [
      'http://localhost:8080/hook',
      'http://[::ffff:10.0.0.1]/hook',
      'http://169.254.169.254/latest',
      'http://[fd00::1]/',
    ]) {
      expect(await createEndpoint(db, admin, { ...fields, url })).toMatchObject({ ok: false, reason: 'invalid', field: 'url' })
    }
    expect(await createEndpoint(db, admin, { ...fields, url: 'https://no-such-host.invalid/hook' })).toEqual({
      ok: false,
      reason: 'invalid',
      field: 'url',
      message: 'No address was found for no-such-host.invalid: check the name.',
    })
    expect(await endpointCount()).toBe(before)

    await writeSetting(db, admin, 'webhookPrivateAddresses', 'allowed')
    expect(await createEndpoint(db, admin, { ...fields, url: 'http://127.0.0.1:8080/hook' })).toMatchObject({ ok: true })
  })
})
