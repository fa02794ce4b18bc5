import 'server-only'
import { eq } from 'drizzle-orm'
import { syncMediaUses } from '@/lib/media/uses'
import { countWords, plainText } from '@/lib/rich-text-plain'
import { slugify } from '@/lib/slug'
import type { Tx } from '@/db'
import type { ArticleStatus, Byline } from '@/db/schema'
import { articleAuthors, articleTags, articles, notes, revisions, workflowEvents } from '@/db/schema'
import { type SeededMedia, withMediaIds } from './builders'
import { type ImageKey, demoImages } from './images'
import type { SectionSlug, StaffKey } from './newsroom'
import type { DemoStory } from './story-types'

/** The ids the demo's rows received, and the moment the demo's relative times count back from. */
export type SeedContext = {
  now: Date
  userIds: Record<StaffKey, number>
  sectionIds: Record<SectionSlug, number>
  tagIds: ReadonlyMap<string, number>
  mediaIds: Record<ImageKey, number>
  /** The stored images by the placeholder address the stories' figures use. */
  mediaBySrc: ReadonlyMap<string, SeededMedia>
}

const hour = 60 * 60 * 1000

/** Writes one demo story with its revisions, bylines, tags, history and notes. */
export async function insertStory(tx: Tx, story: DemoStory, context: SeedContext): Promise<number> {
  const at = (hoursAgo: number) => new Date(context.now.getTime() - hoursAgo * hour)
  const current = story.revisions[story.revisions.length - 1]
  const first = story.revisions[0]
  if (!current || !first) throw new Error('A demo story needs at least one revision.')
  const live = story.publishedRevision === undefined ? undefined : story.revisions[story.publishedRevision - 1]
  const publications = story.events.filter((event) => event.to === 'published')
  const firstPublication = publications[0]
  const lastPublication = publications.at(-1)
  const lastTouch = Math.min(current.hoursAgo, story.events.at(-1)?.hoursAgo ?? current.hoursAgo)

  const sectionId = context.sectionIds[story.section]
  // A published story keeps the address readers know, even when a newer draft retitles it.
  const slug = story.slug ?? slugify((live ?? current).headline)
  const bylines: Byline[] = story.bylines.map((byline) =>
    'staff' in byline ? { userId: context.userIds[byline.staff] } : { name: byline.name, outlet: byline.outlet },
  )

  const [article] = await tx
    .insert(articles)
    .values({
      sectionId,
      slug,
      status: story.status,
      createdBy: context.userIds[story.createdBy],
      scheduledAt: story.scheduledTomorrowAt === undefined ? null : tomorrowAt(context.now, story.scheduledTomorrowAt),
      embargoUntil: story.embargoTomorrowAt === undefined ? null : tomorrowAt(context.now, story.embargoTomorrowAt),
      firstPublishedAt: firstPublication ? at(firstPublication.hoursAgo) : null,
      // Kept after unpublishing, as the record of when it was last live; the status decides visibility.
      publishedAt: lastPublication ? at(lastPublication.hoursAgo) : null,
      createdAt: at(first.hoursAgo),
      updatedAt: at(lastTouch),
      // When it last moved to the status it is in (its creation, for a story with no such move).
      statusChangedAt: at(story.events.findLast((event) => event.to === story.status)?.hoursAgo ?? first.hoursAgo),
      version: story.revisions.length + story.events.length,
    })
    .returning({ id: articles.id })
  if (!article) throw new Error('Inserting a demo article returned no row.')

  const revisionRows = await tx
    .insert(revisions)
    .values(
      story.revisions.map((revision, index) => {
        const body = withMediaIds(revision.body, context.mediaBySrc)
        const bodyText = plainText(body)
        const leadImage = revision.leadImage ? demoImages[revision.leadImage] : undefined
        return {
          articleId: article.id,
          number: index + 1,
          kind: revision.kind,
          headline: revision.headline,
          standfirst: revision.standfirst,
          dateline: revision.dateline ?? '',
          body,
          bodyText,
          wordCount: countWords(bodyText),
          // Every demo revision shares its story's routing and attribution; only the text moves.
          sectionId,
          slug,
          bylines,
          tags: story.tags,
          leadMediaId: revision.leadImage ? context.mediaIds[revision.leadImage] : null,
          leadCaption: leadImage?.caption ?? '',
          leadCredit: leadImage?.credit ?? '',
          createdBy: context.userIds[revision.by],
          createdAt: at(revision.hoursAgo),
          updatedAt: at(revision.hoursAgo),
        }
      }),
    )
    .returning({ id: revisions.id, number: revisions.number })
  const revisionId = (number: number): number => {
    const row = revisionRows.find((candidate) => candidate.number === number)
    if (!row) throw new Error(`Demo revision ${number} was not inserted.`)
    return row.id
  }

  await tx
    .update(articles)
    .set({
      currentRevisionId: revisionId(story.revisions.length),
      publishedRevisionId: story.publishedRevision === undefined ? null : revisionId(story.publishedRevision),
      // An approved or scheduled demo story was approved as it stands.
      approvedRevisionId: story.status === 'approved' || story.status === 'scheduled' ? revisionId(story.revisions.length) : null,
    })
    .where(eq(articles.id, article.id))
  // The live revision's images are public, as publishing would have made them.
  await syncMediaUses(tx, article.id)

  await tx.insert(articleAuthors).values(bylines.map((byline, position) => ({ articleId: article.id, position, ...byline })))

  if (story.tags.length > 0) {
    await tx.insert(articleTags).values(story.tags.map((name) => ({ articleId: article.id, tagId: tagId(context, name) })))
  }

  let from: ArticleStatus | null = null
  const events = story.events.map((event) => {
    const row = {
      articleId: article.id,
      fromStatus: from,
      toStatus: event.to,
      actorId: context.userIds[event.by],
      revisionId: revisionId(event.revision),
      note: event.note ?? '',
      createdAt: at(event.hoursAgo),
    }
    from = event.to
    return row
  })
  await tx.insert(workflowEvents).values(events)

  for (const note of story.notes ?? []) {
    const [parent] = await tx
      .insert(notes)
      .values({ articleId: article.id, authorId: context.userIds[note.by], body: note.body, createdAt: at(note.hoursAgo) })
      .returning({ id: notes.id })
    if (!parent || !note.replies?.length) continue
    await tx.insert(notes).values(
      note.replies.map((reply) => ({
        articleId: article.id,
        parentId: parent.id,
        authorId: context.userIds[reply.by],
        body: reply.body,
        createdAt: at(reply.hoursAgo),
      })),
    )
  }
  return article.id
}

function tagId(context: SeedContext, name: string): number {
  const id = context.tagIds.get(name)
  if (id === undefined) throw new Error(`The demo tag "${name}" does not exist.`)
  return id
}

function tomorrowAt(now: Date, hour: number): Date {
  const date = new Date(now)
  date.setDate(date.getDate() + 1)
  date.setHours(hour, 0, 0, 0)
  return date
}
