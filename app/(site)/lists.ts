import 'server-only'
import { eq } from 'drizzle-orm'
import { authorPage, correctionsPage, tagPage } from '@/components/reader/list-pages'
import type { Db } from '@/db'
import { media, users } from '@/db/schema'
import { listRecentCorrections } from '@/lib/corrections'
import { bylinedTo, listImages, pageOfPublicStories, tagSpellingsBySlug, taggedWith } from '@/lib/public-lists'
import { pageKey, shows } from '@/lib/page-keys'
import { readerChrome } from '@/lib/reader-chrome'
import { findTag, findTagMove } from '@/lib/tags'
import { findAuthorMove } from '@/lib/profiles'
import { sizedRendition } from '@/lib/media/urls'
import { movedPermanently } from '@/lib/http'
import { decodeSegments, notFound, servePaged } from './reader-response'

// The lists with an address of their own shape: `/authors/<slug>`, `/tags/<slug>` and
// `/corrections`, each with its later pages at `…/page/N`.

/** `/authors/<slug>[/page/N]`: a staff member's page. */
export async function serveAuthor(db: Db, rawSlug: string, rawTail: readonly string[]): Promise<Response> {
  const segments = decodeSegments([rawSlug, ...rawTail])
  const [slug, ...tail] = segments ?? []
  if (!slug) return notFound(db)
  const answer = await servePaged(db, `/authors/${slug}`, tail, (page) => authorList(db, slug, page))
  if (answer.status !== 404) return answer
  // A byline address the person had before leads to their page now.
  const movedTo = await findAuthorMove(db, slug)
  return movedTo === null ? answer : movedPermanently(['/authors', movedTo, ...tail].join('/'))
}

/** `/tags/<slug>[/page/N]`: every public story carrying a tag. */
export async function serveTag(db: Db, rawSlug: string, rawTail: readonly string[]): Promise<Response> {
  const segments = decodeSegments([rawSlug, ...rawTail])
  const [slug, ...tail] = segments ?? []
  if (!slug) return notFound(db)
  const answer = await servePaged(db, `/tags/${slug}`, tail, (page) => tagList(db, slug, page))
  if (answer.status !== 404) return answer
  // No story carries it now: a tag renamed or merged away leads to where it lives.
  const movedTo = await findTagMove(db, slug)
  return movedTo === null ? answer : movedPermanently(['/tags', movedTo, ...tail].join('/'))
}

/** `/corrections[/page/N]`: the public record of corrections. */
export async function serveCorrections(db: Db, rawTail: readonly string[]): Promise<Response> {
  const tail = decodeSegments(rawTail)
  if (!tail) return notFound(db)
  return servePaged(db, '/corrections', tail, (page) => correctionsList(db, page))
}

async function authorList(db: Db, slug: string, page: number): Promise<string | null> {
  const [author] = await db
    .select({
      ...{ id: users.id, name: users.name, slug: users.slug, bio: users.bio, jobTitle: users.jobTitle, links: users.links },
      ...{ photoId: media.id, storageKey: media.storageKey, variants: media.variants, width: media.width, height: media.height },
    })
    .from(users)
    .leftJoin(media, eq(media.id, users.photoMediaId))
    .where(eq(users.slug, slug))
  if (!author) return null
  shows(pageKey.person(author.id))
  const stories = await pageOfPublicStories(db, bylinedTo(author.id), page)
  // A colleague who has never had a story published has no public page.
  if (stories.total === 0 || page > stories.pageCount) return null
  const { photoId, storageKey, variants, width, height, ...profile } = author
  const photo =
    photoId !== null && storageKey !== null && variants !== null && width !== null && height !== null
      ? sizedRendition({ storageKey, variants, width, height }, 320)
      : null
  if (photoId !== null) shows(pageKey.media(photoId))
  return authorPage({ ...profile, photo, stories, images: await listImages(db, stories.stories) }, await readerChrome(db))
}

async function tagList(db: Db, slug: string, page: number): Promise<string | null> {
  const spellings = (await tagSpellingsBySlug(db)).get(slug) ?? []
  if (spellings.length === 0) return null
  const tag = await findTag(db, slug)
  const stories = await pageOfPublicStories(db, taggedWith(spellings), page)
  if (page > stories.pageCount) return null
  return tagPage(
    {
      name: tag?.name ?? spellings[0] ?? slug,
      description: tag?.description ?? '',
      slug,
      stories,
      images: await listImages(db, stories.stories),
    },
    await readerChrome(db),
  )
}

async function correctionsList(db: Db, page: number): Promise<string | null> {
  const corrections = await listRecentCorrections(db, { page })
  if (page > corrections.pageCount) return null
  return correctionsPage(corrections, await readerChrome(db))
}
