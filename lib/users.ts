import 'server-only'
import { and, asc, eq, inArray, ne } from 'drizzle-orm'
import { z } from 'zod'
import type { Db, Tx } from '@/db'
import { type Role, sections, userRole, userSections, users } from '@/db/schema'
import { recordAudit } from './audit'
import { keptUntilDeskChanges } from './desk-kept'
import { authorize } from './authorize'
import { cleanText, textField } from './clean-text'
import { generatePassword, hashPassword, maxPasswordLength, minPasswordLength } from './passwords'
import type { Actor } from './permissions'
import { type Result, refusal } from './refusal'
import { listSectionOptions } from './sections'
import { endSessionsOf } from './sessions'
import { slugify } from './slug'

/** What the desk may show of a person: never the password hash. */
export const personColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  slug: users.slug,
  role: users.role,
  isDisabled: users.isDisabled,
  createdAt: users.createdAt,
}
export type Person = { id: number; email: string; name: string; slug: string; role: Role; isDisabled: boolean; createdAt: Date }

/** An e-mail address as typed, the way accounts store it: cleaned to one line (lib/clean-text.ts), trimmed, in lower case. */
export function cleanEmail(typed: string): string {
  return cleanText(typed).trim().toLowerCase()
}

export const roleSchema = z.enum(userRole.enumValues, { error: `Choose one of ${userRole.enumValues.join(', ')}.` })

export const newUserSchema = z.object({
  name: textField({ max: 120, required: 'Enter a name.', tooLong: 'Keep the name under 120 characters.' }),
  email: z.string().transform(cleanEmail).pipe(z.email('Enter a valid e-mail address.')),
  role: roleSchema,
  password: z
    .string()
    .min(minPasswordLength, `Use at least ${minPasswordLength} characters.`)
    .max(maxPasswordLength, `Keep the password under ${maxPasswordLength} characters.`)
    .optional(),
})
export type NewUser = z.infer<typeof newUserSchema>

const gone = 'That account no longer exists.'

export async function listUsers(db: Db, actor: Actor): Promise<Result<{ people: Person[] }>> {
  const allowed = await authorize(db, actor, 'user.manage')
  if (!allowed.ok) return allowed
  return { ok: true, people: await db.select(personColumns).from(users).orderBy(asc(users.name)) }
}

export async function getUser(db: Db, actor: Actor, id: number): Promise<Result<{ person: Person }>> {
  const allowed = await authorize(db, actor, 'user.manage')
  if (!allowed.ok) return allowed
  const [person] = await db.select(personColumns).from(users).where(eq(users.id, id))
  return person ? { ok: true, person } : refusal('missing', gone)
}

/**
 * Adds an account without a permission check: for the first account of a deployment (the
 * `user:create` command) and for `createUser`, which checks first. Without a password one is
 * generated and returned, to be shown once.
 */
export async function insertUser(db: Db | Tx, input: NewUser): Promise<Result<{ person: Person; password: string }>> {
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email))
  if (taken) return refusal('conflict', 'Someone already has that e-mail address.')
  const password = input.password ?? generatePassword()
  const [person] = await db
    .insert(users)
    .values({
      email: input.email,
      name: input.name,
      slug: await freeSlug(db, input.name || input.email),
      role: input.role,
      passwordHash: await hashPassword(password),
    })
    .returning(personColumns)
  if (!person) throw new Error('Inserting a user returned no row.')
  return { ok: true, person, password }
}

export async function createUser(db: Db, actor: Actor, input: NewUser, client = ''): Promise<Result<{ person: Person; password: string }>> {
  return db.transaction(async (tx) => {
    const allowed = await authorize(tx, actor, 'user.manage')
    if (!allowed.ok) return allowed
    const created = await insertUser(tx, input)
    if (created.ok) {
      await recordAudit(tx, {
        action: 'user.create',
        actorId: actor.id,
        subjectUserId: created.person.id,
        detail: { role: input.role },
        client,
      })
    }
    return created
  })
}

export async function changeRole(db: Db, actor: Actor, userId: number, role: Role, client = ''): Promise<Result<{ person: Person }>> {
  return db.transaction(async (tx) => {
    const allowed = await authorize(tx, actor, 'user.manage')
    if (!allowed.ok) return allowed
    const person = await lockPerson(tx, userId)
    if (!person) return refusal('missing', gone)
    if (person.role === 'admin' && role !== 'admin' && !person.isDisabled && !(await hasOtherActiveAdmin(tx, userId))) {
      return refusal('conflict', 'This is the last active admin; make someone else an admin first.')
    }
    const [updated] = await tx.update(users).set({ role }).where(eq(users.id, userId)).returning(personColumns)
    if (!updated) return refusal('missing', gone)
    if (person.role !== role) {
      await recordAudit(tx, {
        action: 'user.role',
        actorId: actor.id,
        subjectUserId: userId,
        detail: { from: person.role, to: role },
        client,
      })
    }
    return { ok: true, person: updated }
  })
}

export async function setDisabled(
  db: Db,
  actor: Actor,
  userId: number,
  isDisabled: boolean,
  client = '',
): Promise<Result<{ person: Person }>> {
  if (isDisabled && userId === actor.id) return refusal('invalid', 'You cannot disable your own account.')
  return db.transaction(async (tx) => {
    const allowed = await authorize(tx, actor, 'user.manage')
    if (!allowed.ok) return allowed
    const person = await lockPerson(tx, userId)
    if (!person) return refusal('missing', gone)
    if (isDisabled && person.role === 'admin' && !(await hasOtherActiveAdmin(tx, userId))) {
      return refusal('conflict', 'This is the last active admin; it cannot be disabled.')
    }
    const [updated] = await tx.update(users).set({ isDisabled }).where(eq(users.id, userId)).returning(personColumns)
    if (!updated) return refusal('missing', gone)
    const by = { actorId: actor.id, client }
    await recordAudit(tx, { action: isDisabled ? 'user.disable' : 'user.enable', ...by, subjectUserId: userId })
    // Ended, not merely refused while disabled: enabling the account again does not revive them.
    if (isDisabled) await endSessionsOf(tx, userId, 'disabled', by)
    return { ok: true, person: updated }
  })
}

/** Sets a new generated password and ends every session the person had. */
export async function resetPassword(
  db: Db,
  actor: Actor,
  userId: number,
  client = '',
): Promise<Result<{ person: Person; password: string }>> {
  const password = generatePassword()
  const passwordHash = await hashPassword(password)
  return db.transaction(async (tx) => {
    const allowed = await authorize(tx, actor, 'user.manage')
    if (!allowed.ok) return allowed
    const [person] = await tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).returning(personColumns)
    if (!person) return refusal('missing', gone)
    const by = { actorId: actor.id, client }
    await recordAudit(tx, { action: 'password.reset', ...by, subjectUserId: userId })
    await endSessionsOf(tx, userId, 'password-reset', by)
    return { ok: true, person, password }
  })
}

async function lockPerson(tx: Tx, userId: number) {
  const [person] = await tx.select(personColumns).from(users).where(eq(users.id, userId)).for('update')
  return person
}

/** Locks every other active admin, so two admins cannot demote each other at the same moment. */
async function hasOtherActiveAdmin(tx: Tx, userId: number): Promise<boolean> {
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.isDisabled, false), ne(users.id, userId)))
    .for('update')
  return others.length > 0
}

async function freeSlug(db: Db | Tx, name: string): Promise<string> {
  const base = slugify(name.split('@')[0] ?? name) || 'person'
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`
    const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.slug, slug))
    if (!taken) return slug
  }
}

const keptStaff = keptUntilDeskChanges<readonly { id: number; name: string }[]>()

/**
 * Active newsroom people, for byline pickers and the desk's filter: names only, open to everyone
 * at the desk. Kept until a person comes, goes, is renamed, disabled or enabled (lib/desk-kept.ts
 * `every`); each caller gets its own copy of the list.
 */
export async function listStaff(db: Db): Promise<{ id: number; name: string }[]> {
  const staff = await keptStaff(db, 'staff', [], async () => ({
    value: await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.isDisabled, false)).orderBy(asc(users.name)),
  }))
  return staff.map((person) => ({ ...person }))
}

export const sectionDeskInputSchema = z.object({
  userId: z.coerce.number().int().positive(),
  sectionIds: z.array(
    z.coerce.number({ error: 'Choose sections from the list.' }).int().positive({ error: 'Choose sections from the list.' }),
  ),
})
export type SectionDeskInput = z.infer<typeof sectionDeskInputSchema>

/**
 * Gives an editor a section desk (admins only: `user.manage`), or the whole newsroom again with
 * no sections. Every section must exist; the change is in the audit log with the sections' names.
 */
export async function setSectionDesk(
  db: Db,
  actor: Actor,
  input: SectionDeskInput,
  client = '',
): Promise<Result<{ name: string; sections: string[] }>> {
  const wanted = [...new Set(input.sectionIds)]
  return db.transaction(async (tx): Promise<Result<{ name: string; sections: string[] }>> => {
    const allowed = await authorize(tx, actor, 'user.manage')
    if (!allowed.ok) return allowed
    const [person] = await tx.select({ name: users.name, role: users.role }).from(users).where(eq(users.id, input.userId)).for('update')
    if (!person) return refusal('missing', 'This account no longer exists.')
    if (wanted.length > 0 && person.role !== 'editor')
      return refusal('invalid', `Only an editor can have a section desk; ${person.name} is not an editor.`, 'sectionIds')
    const known = wanted.length === 0 ? [] : await tx.select({ id: sections.id }).from(sections).where(inArray(sections.id, wanted))
    if (known.length !== wanted.length)
      return refusal('invalid', 'One of those sections no longer exists: reload the page and choose again.', 'sectionIds')
    await tx.delete(userSections).where(eq(userSections.userId, input.userId))
    if (wanted.length > 0) await tx.insert(userSections).values(wanted.map((sectionId) => ({ userId: input.userId, sectionId })))
    const names = await sectionLabels(tx, wanted)
    await recordAudit(tx, {
      action: 'user.sections',
      actorId: actor.id,
      subjectUserId: input.userId,
      detail: { sections: names.length === 0 ? 'the whole newsroom' : names.join('; ') },
      client,
    })
    return { ok: true, name: person.name, sections: names }
  })
}

/** The sections' full names ("Regions › Middle East"), in the tree's order. */
async function sectionLabels(db: Tx, ids: readonly number[]): Promise<string[]> {
  const options = await listSectionOptions(db)
  return options.filter((option) => ids.includes(option.id)).map((option) => option.label)
}
