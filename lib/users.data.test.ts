import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { sessions, users } from '@/db/schema'
import { openTestDatabase } from '@/test/newsroom'
import type { Actor } from './permissions'
import { verifyPassword } from './passwords'
import { startSession } from './sessions'
import { changeRole, createUser, insertUser, listStaff, listUsers, resetPassword, setDisabled } from './users'

const db = await openTestDatabase()
let admin: Actor
let editor: Actor
let writer: Actor

beforeAll(async () => {
  const make = async (email: string, role: Actor['role']) => {
    const result = await insertUser(db, { email, name: email.split('@')[0] ?? email, role, password: 'long enough password' })
    if (!result.ok) throw new Error(result.message)
    return { id: result.person.id, role }
  }
  admin = await make('chief@example.test', 'admin')
  editor = await make('desk@example.test', 'editor')
  writer = await make('reporter@example.test', 'writer')
})

/** Whether each of these sessions is still open. */
async function stillOpen(...ids: string[]): Promise<boolean[]> {
  const rows = await db.select({ id: sessions.id, endedAt: sessions.endedAt }).from(sessions)
  return ids.map((id) => rows.some((row) => row.id === id && row.endedAt === null))
}

const openSession = (userId: number) => startSession(db, { userId, client: 'test', userAgent: 'test' })

describe('managing people', () => {
  it('lists people without their password hashes', async () => {
    const listed = await listUsers(db, admin)
    if (!listed.ok) throw new Error(listed.message)
    const { people } = listed
    expect(people.map((person) => person.email)).toContain('reporter@example.test')
    expect(people[0]).not.toHaveProperty('passwordHash')
  })

  it('refuses anyone but an admin, changing nothing', async () => {
    const [before] = await db.select().from(users).where(eq(users.id, writer.id))
    expect(await createUser(db, editor, { email: 'sneaky@example.test', name: 'Sneaky', role: 'admin' })).toMatchObject({
      ok: false,
      reason: 'forbidden',
    })
    expect(await db.select().from(users).where(eq(users.email, 'sneaky@example.test'))).toEqual([])
    expect(await listUsers(db, editor)).toMatchObject({ ok: false, reason: 'forbidden', message: expect.stringMatching(/permission/) })
    expect(await changeRole(db, writer, writer.id, 'admin')).toMatchObject({
      ok: false,
      reason: 'forbidden',
      message: expect.stringMatching(/permission/),
    })
    expect(await setDisabled(db, editor, writer.id, true)).toMatchObject({
      ok: false,
      reason: 'forbidden',
      message: expect.stringMatching(/permission/),
    })
    expect(await resetPassword(db, editor, writer.id)).toMatchObject({
      ok: false,
      reason: 'forbidden',
      message: expect.stringMatching(/permission/),
    })
    const [row] = await db.select().from(users).where(eq(users.id, writer.id))
    expect(row).toEqual(before)
  })

  it('creates an account with a generated password when none is given', async () => {
    const result = await createUser(db, admin, { email: 'new@example.test', name: 'New Person', role: 'writer' })
    if (!result.ok) throw new Error(result.message)
    const [row] = await db.select().from(users).where(eq(users.email, 'new@example.test'))
    expect(await verifyPassword(row?.passwordHash ?? null, result.password)).toBe(true)
    expect(row?.slug).toBe('new-person')
  })

  it('refuses a second account with the same e-mail', async () => {
    const result = await createUser(db, admin, { email: 'new@example.test', name: 'Again', role: 'editor' })
    expect(result).toEqual({ ok: false, reason: 'conflict', message: 'Someone already has that e-mail address.' })
  })

  it('gives a second person with the same name a different slug', async () => {
    const result = await createUser(db, admin, { email: 'other@example.test', name: 'New Person', role: 'writer' })
    expect(result.ok && result.person.slug).toBe('new-person-2')
  })

  it('changes a role', async () => {
    const result = await changeRole(db, admin, writer.id, 'editor')
    expect(result.ok && result.person.role).toBe('editor')
    await changeRole(db, admin, writer.id, 'writer')
  })

  it('never leaves the newsroom without an active admin', async () => {
    expect(await changeRole(db, admin, admin.id, 'editor')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/last active admin/),
    })
    expect(await setDisabled(db, admin, admin.id, true)).toMatchObject({ ok: false, message: expect.stringMatching(/your own/) })
  })

  it('disables and enables an account', async () => {
    expect(await setDisabled(db, admin, writer.id, true)).toMatchObject({ ok: true, person: { isDisabled: true } })
    expect(await setDisabled(db, admin, writer.id, false)).toMatchObject({ ok: true, person: { isDisabled: false } })
  })

  it('offers the staff as they are now in the desk’s pickers: a new person, a new name, a disabled account', async () => {
    const names = async () => (await listStaff(db)).map((person) => person.name)
    expect(await names()).toContain('reporter')
    const added = await insertUser(db, {
      email: 'stringer@example.test',
      name: 'stringer',
      role: 'writer',
      password: 'long enough password',
    })
    if (!added.ok) throw new Error(added.message)
    expect(await names()).toContain('stringer')
    await db.update(users).set({ name: 'Stringer Two' }).where(eq(users.id, added.person.id))
    expect(await names()).toEqual(expect.arrayContaining(['Stringer Two']))
    expect(await names()).not.toContain('stringer')
    await setDisabled(db, admin, added.person.id, true)
    expect(await names()).not.toContain('Stringer Two')
    await setDisabled(db, admin, added.person.id, false)
    expect(await names()).toContain('Stringer Two')
  })

  it('does not revive the sessions a disabled account had when it is enabled again', async () => {
    const before = await openSession(writer.id)

    await setDisabled(db, admin, writer.id, true)
    await setDisabled(db, admin, writer.id, false)

    expect(await stillOpen(before)).toEqual([false])
  })

  it('resets a password: the new one works, the old one does not, old sessions end', async () => {
    const before = await openSession(writer.id)
    const result = await resetPassword(db, admin, writer.id)
    if (!result.ok) throw new Error(result.message)
    const [row] = await db.select().from(users).where(eq(users.id, writer.id))
    expect(await verifyPassword(row?.passwordHash ?? null, result.password)).toBe(true)
    expect(await verifyPassword(row?.passwordHash ?? null, 'long enough password')).toBe(false)
    expect(await stillOpen(before)).toEqual([false])
  })
})
