import 'server-only'
import { and, eq, ne } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '@/db'
import { authorRedirects, media, users } from '@/db/schema'
import { recordAudit } from './audit'
import { authorize } from './authorize'
import { textField } from './clean-text'
import { pageKey } from './page-keys'
import type { Actor } from './permissions'
import { announceChange } from './reader-changes'
import { type Result, invalidInput, refusal } from './refusal'
import { slugify } from './slug'

// A person's public profile: the name and byline slug readers see, a job title, a short bio, a
// photo and their pages elsewhere, shown on `/authors/<slug>` with a `Person` in its JSON-LD.
// Each person edits their own at /desk/profile; admins edit anyone's (`profile.edit`).

export const profileLimits = { name: 80, slug: 80, jobTitle: 80, bio: 600, links: 5, link: 300 } as const

const linkSchema = z
  .string()
  .max(profileLimits.link, `Keep each link under ${profileLimits.link} characters.`)
  .refine((text) => {
    try {
      const url = new URL(text)
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.')
    } catch {
      return false
    }
  }, 'Give each link as a whole web address starting with https:// (one per line).')

export const profileInputSchema = z.object({
  name: textField({ max: profileLimits.name, tooLong: `Keep the name under ${profileLimits.name} characters.`, required: 'Give a name.' }),
  slug: z
    .string()
    .transform((text) => slugify(text, profileLimits.slug))
    .refine((slug) => slug !== '', 'The byline address needs at least one letter or digit.'),
  jobTitle: textField({ max: profileLimits.jobTitle, tooLong: `Keep the job title under ${profileLimits.jobTitle} characters.` }),
  bio: textField({ max: profileLimits.bio, multiline: true, tooLong: `Keep the bio under ${profileLimits.bio} characters.` }),
  links: z
    .string()
    .transform((text) => [...new Set(text.split(/\r?\n/).map((line) => line.trim()))].filter((line) => line !== ''))
    .pipe(z.array(linkSchema).max(profileLimits.links, `Give at most ${profileLimits.links} links.`)),
  photoMediaId: z
    .union([z.literal(''), z.coerce.number().int().positive()])
    .transform((id) => (id === '' ? null : id))
    .catch(-1)
    .refine((id) => id !== -1, 'That photo is not in the media library; upload it again.'),
})
export type ProfileInput = z.infer<typeof profileInputSchema>

/** A profile as the form shows it; `photo` the image's storage key and renditions, for its thumbnail. */
export type Profile = {
  userId: number
  name: string
  slug: string
  jobTitle: string
  bio: string
  links: string[]
  photo: { mediaId: number; storageKey: string; variants: { width: number; format: string; key: string; aspect?: string }[] } | null
}

const mayEdit = (db: Db, actor: Actor, userId: number) => authorize(db, actor, 'profile.edit', { ownerIds: [userId] })

/** Someone's profile, for them or an admin. */
export async function getProfile(db: Db, actor: Actor, userId: number): Promise<Result<{ profile: Profile }>> {
  const allowed = await mayEdit(db, actor, userId)
  if (!allowed.ok) return allowed
  const [row] = await db
    .select({
      userId: users.id,
      ...{ name: users.name, slug: users.slug, jobTitle: users.jobTitle, bio: users.bio, links: users.links },
      ...{ mediaId: media.id, storageKey: media.storageKey, variants: media.variants },
    })
    .from(users)
    .leftJoin(media, eq(media.id, users.photoMediaId))
    .where(eq(users.id, userId))
  if (!row) return refusal('missing', 'There is no such person.')
  const { mediaId, storageKey, variants, ...fields } = row
  const photo = mediaId !== null && storageKey !== null && variants !== null ? { mediaId, storageKey, variants } : null
  return { ok: true, profile: { ...fields, photo } }
}

/**
 * Saves a profile. A new byline slug keeps the old one as a redirect to the person's page; a slug
 * another person has, or had, is refused. The photo must be an image in the library. An edit by
 * someone else (an admin) is in the audit log; the person's page and their bylines are made again.
 */
export async function saveProfile(db: Db, actor: Actor, userId: number, raw: unknown, client = ''): Promise<Result<{ slug: string }>> {
  const allowed = await mayEdit(db, actor, userId)
  if (!allowed.ok) return allowed
  const parsed = profileInputSchema.safeParse(raw)
  if (!parsed.success) return invalidInput(parsed.error)
  const input = parsed.data
  const saved = await db.transaction(async (tx): Promise<Result<{ slug: string; keys: string[] }>> => {
    const [before] = await tx
      .select({ slug: users.slug, name: users.name, photoMediaId: users.photoMediaId })
      .from(users)
      .where(eq(users.id, userId))
      .for('update')
    if (!before) return refusal('missing', 'There is no such person.')
    const [takenNow] = await tx
      .select({ name: users.name })
      .from(users)
      .where(and(eq(users.slug, input.slug), ne(users.id, userId)))
    if (takenNow)
      return refusal('conflict', `${takenNow.name} already has the byline address /authors/${input.slug}: choose another.`, 'slug')
    const [takenBefore] = await tx
      .select({ userId: authorRedirects.userId })
      .from(authorRedirects)
      .where(and(eq(authorRedirects.slug, input.slug), ne(authorRedirects.userId, userId)))
    if (takenBefore)
      return refusal('conflict', `/authors/${input.slug} still leads to someone else’s page: choose another address.`, 'slug')
    if (input.photoMediaId !== null) {
      const [image] = await tx.select({ mimeType: media.mimeType }).from(media).where(eq(media.id, input.photoMediaId))
      if (!image?.mimeType.startsWith('image/'))
        return refusal('invalid', 'That photo is not an image in the media library.', 'photoMediaId')
    }

    await tx.update(users).set(input).where(eq(users.id, userId))
    if (before.slug !== input.slug) {
      await tx.delete(authorRedirects).where(eq(authorRedirects.slug, input.slug))
      await tx
        .insert(authorRedirects)
        .values({ slug: before.slug, userId })
        .onConflictDoUpdate({ target: authorRedirects.slug, set: { userId } })
    }
    if (actor.id !== userId) {
      const detail = { name: input.name, slug: input.slug, formerSlug: before.slug, formerName: before.name }
      await recordAudit(tx, { action: 'profile.edit', actorId: actor.id, subjectUserId: userId, detail, client })
    }
    const photos = [before.photoMediaId, input.photoMediaId].flatMap((id) => (id === null ? [] : [pageKey.media(id)]))
    const keys = [pageKey.person(userId), pageKey.authorList(userId), ...(before.photoMediaId !== input.photoMediaId ? photos : [])]
    return { ok: true, slug: input.slug, keys }
  })
  if (!saved.ok) return saved
  await announceChange(db, saved.keys)
  return { ok: true, slug: saved.slug }
}

/** Where an old byline address leads now: the person's current slug, or null. */
export async function findAuthorMove(db: Db, slug: string): Promise<string | null> {
  const [row] = await db
    .select({ slug: users.slug })
    .from(authorRedirects)
    .innerJoin(users, eq(users.id, authorRedirects.userId))
    .where(eq(authorRedirects.slug, slug))
  return row?.slug ?? null
}
