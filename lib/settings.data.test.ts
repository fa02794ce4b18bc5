import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, settings } from '@/db/schema'
import { forgetKeptValues } from './kept-values'
import { pageKey } from './page-keys'
import { openTestDatabase } from '@/test/newsroom'
import type { Actor } from './permissions'
import { defaultSeverities } from './prepublish-checks'
import {
  chooseOwnTimeZone,
  ownTimeZoneChoice,
  readCheckSeverities,
  readSetting,
  readSuggestionDefault,
  trashRetentionDays,
  viewerTimeZone,
  writeSetting,
} from './settings'
import { insertUser } from './users'

const db = await openTestDatabase()
let admin: Actor
let editor: Actor

beforeAll(async () => {
  const make = async (email: string, role: Actor['role']) => {
    const result = await insertUser(db, { email, name: email.split('@')[0] ?? email, role, password: 'long enough password' })
    if (!result.ok) throw new Error(result.message)
    return { id: result.person.id, role }
  }
  admin = await make('clock-admin@example.test', 'admin')
  editor = await make('clock-editor@example.test', 'editor')
})

/** The zone a person's next request reads the desk in (their session carries their own choice). */
const zoneOf = async (id: number) => viewerTimeZone(db, { ownTimeZone: await ownTimeZoneChoice(db, id) })

describe('the newsroom’s clock', () => {
  it('is the server’s until an admin sets one, then the one set, for everyone who chose none', async () => {
    expect(await readSetting(db, 'timeZone')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone)
    expect(await writeSetting(db, admin, 'timeZone', 'Asia/Beirut', 'test')).toEqual({ ok: true, value: 'Asia/Beirut' })
    expect(await readSetting(db, 'timeZone')).toBe('Asia/Beirut')
    expect(await zoneOf(editor.id)).toBe('Asia/Beirut')
  })

  it('is changed by admins only, to a real zone, and the change is in the audit log', async () => {
    expect(await writeSetting(db, editor, 'timeZone', 'Europe/Paris')).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await writeSetting(db, admin, 'timeZone', 'Mars/Olympus')).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: expect.stringContaining('Choose a time zone from the list'),
    })
    await writeSetting(db, admin, 'timeZone', 'Europe/Paris')
    const logged = await db.select().from(auditEvents).where(eq(auditEvents.action, 'settings.change'))
    expect(logged.at(-1)?.detail).toEqual({ setting: 'timeZone', from: 'Asia/Beirut', to: 'Europe/Paris' })
  })
})

describe('how long the trash keeps stories', () => {
  it('is changed by admins only, to a whole number of days from 1 to 365', async () => {
    expect(await trashRetentionDays(db)).toBe(30)
    expect(await writeSetting(db, editor, 'trashRetentionDays', '7')).toMatchObject({ ok: false, reason: 'forbidden' })
    for (const bad of ['0', '366', '2.5', 'a week', '', null]) {
      expect(await writeSetting(db, admin, 'trashRetentionDays', bad)).toMatchObject({
        ok: false,
        reason: 'invalid',
        field: 'trashRetentionDays',
        message: 'Keep stories in the trash for a whole number of days, from 1 to 365.',
      })
    }
    expect(await trashRetentionDays(db)).toBe(30)
    expect(await writeSetting(db, admin, 'trashRetentionDays', ' 14 ')).toEqual({ ok: true, value: '14' })
    expect(await trashRetentionDays(db)).toBe(14)
    const logged = await db.select().from(auditEvents).where(eq(auditEvents.action, 'settings.change'))
    expect(logged.at(-1)?.detail).toEqual({ setting: 'trashRetentionDays', from: '30', to: '14' })
  })
})

describe('which checks of the pre-publish checklist block', () => {
  it('is the defaults until an admin chooses, is changed by admins only to Block or Warn, and is in the audit log', async () => {
    expect(await readCheckSeverities(db)).toEqual(defaultSeverities)
    expect(await writeSetting(db, editor, 'checkSeverities', { standfirst: 'block' })).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await writeSetting(db, admin, 'checkSeverities', { standfirst: 'sometimes' })).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: expect.stringContaining('Choose Block or Warn.'),
    })
    expect(await readCheckSeverities(db)).toEqual(defaultSeverities)
    expect(await writeSetting(db, admin, 'checkSeverities', { standfirst: 'block', figures: 'warn' })).toMatchObject({ ok: true })
    expect(await readCheckSeverities(db)).toEqual({ ...defaultSeverities, standfirst: 'block', figures: 'warn' })
    const logged = await db.select().from(auditEvents).where(eq(auditEvents.action, 'settings.change'))
    expect(logged.at(-1)?.detail).toMatchObject({ setting: 'checkSeverities', to: expect.stringContaining('"standfirst":"block"') })
  })
})

describe('who edits in suggestion mode by default', () => {
  it('is nobody until an admin chooses, and only one of the choices is taken', async () => {
    expect(await readSuggestionDefault(db)).toBe('off')
    expect(await writeSetting(db, editor, 'suggestionDefault', 'review')).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await writeSetting(db, admin, 'suggestionDefault', 'everyone')).toMatchObject({
      ok: false,
      reason: 'invalid',
      message: 'Choose who edits in suggestion mode.',
    })
    expect(await writeSetting(db, admin, 'suggestionDefault', 'review')).toEqual({ ok: true, value: 'review' })
    expect(await readSuggestionDefault(db)).toBe('review')
  })
})

describe('a person’s own clock', () => {
  it('wins over the newsroom’s, and an empty choice follows the newsroom again', async () => {
    expect(await chooseOwnTimeZone(db, editor, 'America/Sao_Paulo')).toEqual({ ok: true, timeZone: 'America/Sao_Paulo' })
    expect(await zoneOf(editor.id)).toBe('America/Sao_Paulo')
    expect(await zoneOf(admin.id)).toBe(await readSetting(db, 'timeZone'))
    await chooseOwnTimeZone(db, editor, '')
    expect(await zoneOf(editor.id)).toBe(await readSetting(db, 'timeZone'))
  })

  it('must be a real zone', async () => {
    expect(await chooseOwnTimeZone(db, editor, 'Nowhere/At_All')).toMatchObject({ ok: false, reason: 'invalid' })
  })
})

describe('settings kept in memory for the desk', () => {
  it('are read again once a change is saved, and a change in the database alone is not seen until one is announced', async () => {
    expect(await writeSetting(db, admin, 'trashRetentionDays', '30')).toMatchObject({ ok: true })
    expect(await trashRetentionDays(db)).toBe(30)
    expect(await writeSetting(db, admin, 'trashRetentionDays', '12')).toMatchObject({ ok: true })
    expect(await trashRetentionDays(db)).toBe(12)
    // Another instance's change arrives as an announcement of the `settings` key (lib/start-up.ts).
    await db.update(settings).set({ value: '20' }).where(eq(settings.key, 'trashRetentionDays'))
    expect(await trashRetentionDays(db)).toBe(12)
    forgetKeptValues([pageKey.settings])
    expect(await trashRetentionDays(db)).toBe(20)
  })
})
