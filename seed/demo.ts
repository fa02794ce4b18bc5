import 'server-only'
import { sql } from 'drizzle-orm'
import { hashPassword } from '@/lib/passwords'
import { addSearchWordsOfPublicStories } from '@/lib/search-words'
import { insertSitePages } from '@/lib/site-pages'
import { slugify } from '@/lib/slug'
import type { Db, Tx } from '@/db'
import { media, sections, settings, tags, users } from '@/db/schema'
import { displayKey } from '@/lib/media/srcset'
import { type MediaStorage, getMediaStorage } from '@/lib/media/storage'
import { writeMediaFiles } from '@/lib/media/plan'
import { type DrawnImage, type ImageKey, demoImageSrc, demoImages, drawDemoImage } from './images'
import { type SeedContext, insertStory } from './insert-story'
import {
  type DemoSection,
  type SectionSlug,
  type StaffKey,
  demoPassword,
  demoSections,
  demoTags,
  demoTimeZone,
  demoUsers,
} from './newsroom'
import { demoSitePages } from './site-pages'
import { demoStories } from './stories'
import { storyProblem } from './story-types'

// Distinct from the migration lock: seeding runs after migrating, in its own transaction.
const demoSeedLockKey = 727275

/**
 * Gives an empty database the demo newsroom: five accounts (password `copydesk-demo`), the
 * section tree, tags, drawn images, a dozen stories in every workflow status, the words "did you
 * mean" suggests from them, and the standing pages (About, Contact, policies). Does nothing
 * when the database has any user, so that it is safe at every start; the rows go in all or
 * nothing, in one transaction. The images' files are written to `storage` first, as an upload's
 * would be (a few seconds of processing); named by their content, they are simply rewritten by
 * a seed that has to start again.
 */
export async function seedDemo(db: Db, storage: MediaStorage = getMediaStorage()): Promise<{ created: boolean }> {
  if (await hasUsers(db)) return { created: false }

  for (const story of demoStories) {
    const problem = storyProblem(story)
    if (problem) throw new Error(`The demo story “${story.revisions.at(-1)?.headline}” is inconsistent: ${problem}.`)
  }
  // Drawn and stored before any row is written, so that a missing drawing fails without leaving half a newsroom.
  const images = await Promise.all(
    Object.entries(demoImages).map(async ([key, image]) => ({ key: key as ImageKey, image, drawn: await drawDemoImage(image) })),
  )
  for (const { drawn } of images) await writeMediaFiles(storage, drawn.files)
  // Hashing is slow on purpose: done once, outside the transaction, and shared by the accounts.
  const passwordHash = await hashPassword(demoPassword)

  return db.transaction(async (tx) => {
    // Two instances starting together both saw no users; the second waits here, then finds them.
    await tx.execute(sql`select pg_advisory_xact_lock(${demoSeedLockKey})`)
    if (await hasUsers(tx)) return { created: false }

    const userIds = await insertUsers(tx, passwordHash)
    await tx.insert(settings).values({ key: 'timeZone', value: demoTimeZone })
    const sectionIds = await insertSections(tx)
    const tagIds = await insertTags(tx)
    const mediaIds = await insertMedia(tx, images, userIds)
    const context: SeedContext = {
      now: new Date(),
      userIds,
      sectionIds,
      tagIds,
      mediaIds,
      mediaBySrc: new Map(
        images.map(({ key, image, drawn }) => [demoImageSrc(image), { mediaId: mediaIds[key], src: storage.url(displayKey(drawn.row)) }]),
      ),
    }
    for (const story of demoStories) await insertStory(tx, story, context)
    await addSearchWordsOfPublicStories(tx)
    await insertSitePages(tx, demoSitePages)
    return { created: true }
  })
}

async function hasUsers(db: Db | Tx): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1)
  return rows.length > 0
}

async function insertUsers(tx: Tx, passwordHash: string): Promise<Record<StaffKey, number>> {
  const entries = Object.entries(demoUsers) as [StaffKey, (typeof demoUsers)[StaffKey]][]
  const rows = await tx
    .insert(users)
    .values(entries.map(([, user]) => ({ ...user, slug: slugify(user.name), passwordHash })))
    .returning({ id: users.id, email: users.email })
  return recordOf(entries.map(([key, user]) => [key, idOf(rows, (row) => row.email === user.email, user.email)]))
}

async function insertSections(tx: Tx): Promise<Record<SectionSlug, number>> {
  const ids: [SectionSlug, number][] = []
  const insertLevel = async (level: DemoSection[], parentId: number | null) => {
    const rows = await tx
      .insert(sections)
      .values(level.map(({ name, slug, description }, position) => ({ name, slug, description, position, parentId })))
      .returning({ id: sections.id, slug: sections.slug })
    for (const section of level) {
      const id = idOf(rows, (row) => row.slug === section.slug, section.slug)
      ids.push([section.slug, id])
      if (section.children) await insertLevel(section.children, id)
    }
  }
  await insertLevel(demoSections, null)
  return recordOf(ids)
}

async function insertTags(tx: Tx): Promise<Map<string, number>> {
  const rows = await tx
    .insert(tags)
    .values(demoTags.map((name) => ({ name, slug: slugify(name) })))
    .returning({ id: tags.id, name: tags.name })
  return new Map(rows.map((row) => [row.name, row.id]))
}

type DrawnDemoImage = { key: ImageKey; image: (typeof demoImages)[ImageKey]; drawn: DrawnImage }

async function insertMedia(tx: Tx, images: DrawnDemoImage[], userIds: Record<StaffKey, number>): Promise<Record<ImageKey, number>> {
  const rows = await tx
    .insert(media)
    .values(
      images.map(({ image, drawn }) => ({
        ...drawn.row,
        alt: image.alt,
        caption: image.caption,
        credit: image.credit,
        uploadedBy: userIds[image.uploadedBy],
      })),
    )
    .returning({ id: media.id, storageKey: media.storageKey })
  return recordOf(images.map(({ key, drawn }) => [key, idOf(rows, (row) => row.storageKey === drawn.row.storageKey, drawn.row.storageKey)]))
}

function idOf<Row extends { id: number }>(rows: Row[], matches: (row: Row) => boolean, name: string): number {
  const row = rows.find(matches)
  if (!row) throw new Error(`The demo seed did not get an id back for ${name}.`)
  return row.id
}

// The keys are complete by construction: each list is built from the full set of demo keys.
function recordOf<Key extends string>(entries: [Key, number][]): Record<Key, number> {
  return Object.fromEntries(entries) as Record<Key, number>
}
