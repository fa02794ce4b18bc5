import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, authorRedirects, media, signInFailures, users } from '@/db/schema'
import { openReaderSite } from '@/test/reader-site'
import { changeOwnPassword } from './account'
import { deleteMedia } from './media/library'
import { LocalMediaStorage } from './media/storage'
import { isPublicMedia } from './media/access'
import { getProfile, profileInputSchema, saveProfile } from './profiles'
import { hashPassword } from './passwords'
import { throttle } from './sign-in'

const { db, newsroom, get, page, publishedStory } = await openReaderSite()
const { writer, writer2, editor, admin } = newsroom

const form = (fields: Record<string, string> = {}) => ({
  name: 'Writer Person',
  slug: 'writer',
  jobTitle: '',
  bio: '',
  links: '',
  photoMediaId: '',
  ...fields,
})

async function photo(mimeType = 'image/jpeg'): Promise<number> {
  const hash = `profile-${Math.random().toString(36).slice(2)}`
  const widths = [320, 640]
  const [row] = await db
    .insert(media)
    .values({
      ...{ storageKey: `pp/${hash}.jpg`, contentHash: hash, mimeType, byteSize: 1000, width: 640, height: 640 },
      variants: widths.map((width) => ({ width, format: 'webp', key: `pp/${hash}-${width}.webp` })),
    })
    .returning({ id: media.id })
  if (!row) throw new Error('no photo')
  return row.id
}

/** What a refused save could have changed. */
async function snapshot() {
  return {
    people: await db.select().from(users).orderBy(users.id),
    redirects: await db.select().from(authorRedirects),
    audit: await db.select().from(auditEvents).where(eq(auditEvents.action, 'profile.edit')),
  }
}

beforeAll(async () => {
  await publishedStory('Harbour cranes return')
})

describe('profiles', () => {
  it('lets people edit only their own profile, and admins anyone’s, changing nothing on a refusal', async () => {
    const before = await snapshot()
    const refused = await saveProfile(db, writer2, writer.id, form({ name: 'Someone Else' }))
    expect(refused).toMatchObject({
      ok: false,
      reason: 'forbidden',
      message: 'Only the person themselves and the administrators can change this person’s profile.',
    })
    expect(await saveProfile(db, editor, writer.id, form({ name: 'Someone Else' }))).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await getProfile(db, writer2, writer.id)).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await snapshot()).toEqual(before)

    expect(await saveProfile(db, writer2, writer2.id, form({ name: 'Writer Two', slug: 'writer2' }))).toMatchObject({ ok: true })
    expect(await saveProfile(db, admin, writer2.id, form({ name: 'Writer 2', slug: 'writer2' }), '10.0.0.9')).toMatchObject({ ok: true })
    const entries = await db.select().from(auditEvents).where(eq(auditEvents.action, 'profile.edit'))
    // An admin's edit of someone else is an account change in the audit log; one's own is not.
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        subjectUserId: writer2.id,
        client: '10.0.0.9',
        detail: expect.objectContaining({ name: 'Writer 2', formerName: 'Writer Two' }),
      }),
    ])
  })

  it('shows the photo, job title, bio and links on the author page, with a Person for search engines', async () => {
    const portrait = await photo()
    const saved = await saveProfile(
      db,
      writer,
      writer.id,
      form({
        jobTitle: 'Ports correspondent',
        bio: 'Covers shipping.\n\nBased on the coast.',
        links: 'https://social.example/@writer\n\nhttps://writer.example/',
        photoMediaId: String(portrait),
      }),
    )
    expect(saved).toEqual({ ok: true, slug: 'writer' })
    const body = await page('/authors/writer')
    expect(body).toContain('<p class="job-title">Ports correspondent</p>')
    expect(body).toContain('<p>Covers shipping.</p><p>Based on the coast.</p>')
    expect(body).toContain('href="https://social.example/@writer"')
    expect(body).toMatch(/<img src="[^"]*pp\/profile-[a-z0-9]+-320\.webp"/)
    const [block] = [...body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) =>
      JSON.parse(match[1] ?? '{}'),
    )
    expect(block.mainEntity).toMatchObject({
      '@type': 'Person',
      name: 'Writer Person',
      jobTitle: 'Ports correspondent',
      sameAs: ['https://social.example/@writer', 'https://writer.example/'],
      image: { '@type': 'ImageObject', width: 320, height: 320 },
    })
    // The photo is public while it is someone's, and cannot be deleted from under them.
    expect(await isPublicMedia(db, portrait)).toBe(true)
    const deleted = await deleteMedia(db, new LocalMediaStorage('/nonexistent'), admin, portrait)
    expect(deleted).toMatchObject({ ok: false, reason: 'conflict' })
  })

  it('keeps an old byline address leading to the new one, and refuses an address someone else has or had', async () => {
    expect(await saveProfile(db, writer, writer.id, form({ slug: 'Writer Person' }))).toEqual({ ok: true, slug: 'writer-person' })
    expect(await get('/authors/writer')).toMatchObject({ status: 301, location: '/authors/writer-person' })
    expect(await get('/authors/writer/page/2')).toMatchObject({ status: 301, location: '/authors/writer-person/page/2' })
    await page('/authors/writer-person')

    const before = await snapshot()
    expect(await saveProfile(db, writer2, writer2.id, form({ name: 'Writer 2', slug: 'writer-person' }))).toMatchObject({
      ok: false,
      field: 'slug',
      message: 'Writer Person already has the byline address /authors/writer-person: choose another.',
    })
    expect(await saveProfile(db, writer2, writer2.id, form({ name: 'Writer 2', slug: 'writer' }))).toMatchObject({
      ok: false,
      field: 'slug',
    })
    expect(await snapshot()).toEqual(before)
    // Taking one's own old address back is fine.
    expect(await saveProfile(db, writer, writer.id, form({ slug: 'writer' }))).toEqual({ ok: true, slug: 'writer' })
    expect(await get('/authors/writer-person')).toMatchObject({ status: 301, location: '/authors/writer' })
  })

  it('refuses a photo that is not an image, links that are not web addresses, and overlong text, changing nothing', async () => {
    const before = await snapshot()
    const notImage = await photo('application/pdf')
    expect(await saveProfile(db, writer, writer.id, form({ photoMediaId: String(notImage) }))).toMatchObject({
      ok: false,
      field: 'photoMediaId',
    })
    expect(await saveProfile(db, writer, writer.id, form({ photoMediaId: '999999' }))).toMatchObject({ ok: false, field: 'photoMediaId' })
    const problems = (fields: Record<string, string>) =>
      profileInputSchema.safeParse(form(fields)).error?.issues.map((issue) => issue.path[0])
    expect(problems({ links: 'javascript:alert(1)' })).toEqual(['links'])
    expect(problems({ links: 'ftp://files.example/x' })).toEqual(['links'])
    expect(problems({ links: Array.from({ length: 6 }, (_, index) => `https://site${index}.example/`).join('\n') })).toEqual(['links'])
    expect(problems({ name: ' ' })).toEqual(['name'])
    expect(problems({ slug: '***' })).toEqual(['slug'])
    expect(problems({ bio: 'x'.repeat(601) })).toEqual(['bio'])
    expect(problems({ photoMediaId: 'a photo' })).toEqual(['photoMediaId'])
    expect(await snapshot()).toEqual({ ...before, people: before.people })
  })

  it('counts a wrong current password against the sign-in limits, and then refuses even the right one', async () => {
    await db
      .update(users)
      .set({ passwordHash: await hashPassword('the right password') })
      .where(eq(users.id, editor.id))
    const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, editor.id))
    const own = { actor: editor, sessionId: 'no-session', client: '10.0.0.7' }
    const change = (currentPassword: string) =>
      changeOwnPassword(db, own, { currentPassword, newPassword: 'a new long password', confirmPassword: 'a new long password' })
    for (let attempt = 1; attempt <= throttle.maxPerEmail; attempt++) {
      expect(await change('wrong guess')).toMatchObject({
        ok: false,
        field: 'currentPassword',
        message: 'That is not your current password.',
      })
    }
    const [failures] = await db
      .select()
      .from(signInFailures)
      .where(eq(signInFailures.key, `email:${row?.email}`))
    expect(failures).toMatchObject({ failures: throttle.maxPerEmail })
    expect(await change('the right password')).toMatchObject({
      ok: false,
      message: 'Too many wrong passwords: wait 15 minutes, then try again.',
    })
  })
})
