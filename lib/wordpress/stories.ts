import 'server-only'
import { isDeepStrictEqual } from 'node:util'
import { eq } from 'drizzle-orm'
import { articles, revisions } from '@/db/schema'
import { createArticle } from '@/lib/article-create'
import { saveArticle } from '@/lib/article-drafts'
import { articleInputSchema, articleLimits } from '@/lib/article-input'
import { cutText, isWithin } from '@/lib/clean-text'
import { storyAsShown, storyChangeKeys } from '@/lib/reader-changes'
import { sanitizeDoc } from '@/lib/rich-text'
import { slugify } from '@/lib/slug'
import { statuses } from '@/lib/workflow'
import type { ImportContext } from './context'
import { convertContent, plainWords } from './content'
import { checksumOf } from './mapping'
import type { MediaImporter } from './media'
import { bylineOf } from './people'
import { type WantedStatus, settleStatus } from './publish'
import type { WxrItem } from './records'
import { redirectPermalink } from './redirects'
import { itemLabel } from './report'
import { safeDecode, tagName } from './taxonomy'

/** What the posts are filed under and credited to: made by the steps before them. */
export type PostSetting = {
  accounts: ReadonlyMap<string, number>
  sectionOf: ReadonlyMap<string, number>
  /** The section of a post with no category the import could use. */
  fallbackSectionId: number
  media: MediaImporter
}

/** Where a post stood in WordPress, as a status here; null for posts not imported (in the trash). */
function wantedStatus(context: ImportContext, item: WxrItem, where: string): WantedStatus | null {
  const at = item.publishedAt ?? context.now
  if (item.password !== '' && (item.status === 'publish' || item.status === 'future')) {
    context.report.problem(where, 'password-protected in WordPress: it is a draft here, which readers cannot see')
    return { status: 'draft', at }
  }
  if (item.comments > 0)
    context.report.problem(
      where,
      `its ${item.comments} comment${item.comments === 1 ? ' was' : 's were'} not imported: stories have no comments`,
    )
  switch (item.status) {
    case 'publish':
      if (!item.publishedAt) context.report.problem(where, 'published without a time in the export: it is published as of now')
      return { status: 'published', at }
    case 'future':
      if (at.getTime() > context.now.getTime()) return { status: 'scheduled', at }
      context.report.problem(where, 'scheduled for a time that has passed: it is published at that time')
      return { status: 'published', at }
    case 'pending':
      context.report.problem(where, 'pending review in WordPress: it is in review here')
      return { status: 'in_review', at }
    case 'private':
      context.report.problem(where, 'private in WordPress: it is a draft here, which readers cannot see')
      return { status: 'draft', at }
    case 'draft':
      return { status: 'draft', at }
    default:
      context.report.problem(
        where,
        `its status “${item.status}” is not imported (only published, scheduled, pending, private and draft posts are)`,
      )
      return null
  }
}

/** A text cut to a story's limit; the cut is reported. */
function limited(context: ImportContext, where: string, field: string, text: string, max: number): string {
  if (isWithin(text, max)) return text
  context.report.problem(where, `the ${field} was longer than ${max} characters: it was cut`)
  return cutText(text, max).trim()
}

/**
 * A post as a story: created the first time, updated when it changed since the last import, and
 * left alone when it did not; then moved to its status, and its old address made to lead to it.
 */
export async function importPost(context: ImportContext, setting: PostSetting, item: WxrItem): Promise<void> {
  const { db, actor, map, report } = context
  const where = itemLabel('post', item.id, item.title)
  const checksum = checksumOf(item)
  const imported = await map.entry('post', item.id)
  const [kept] = imported ? await db.select({ id: articles.id }).from(articles).where(eq(articles.id, imported.targetId)) : []
  // Unchanged in WordPress since the last import: whatever the newsroom did to the story since stands.
  if (kept && imported?.checksum === checksum) {
    report.count('stories', 'unchanged')
    return
  }
  const wanted = wantedStatus(context, item, where)
  if (!wanted) {
    report.count('stories', 'skipped')
    return
  }
  const converted = convertContent(item.content)
  if (!converted.ok) {
    report.problem(where, `not imported: ${converted.problem}`)
    report.count('stories', 'skipped')
    return
  }
  for (const problem of converted.problems) report.problem(where, problem)
  await setting.media.placeFigures(converted.images, where)
  const body = sanitizeDoc(converted.doc)
  if (!body.ok) {
    report.problem(where, `not imported: ${body.message}`)
    report.count('stories', 'skipped')
    return
  }

  const thumbnail = item.meta._thumbnail_id?.trim()
  const lead = thumbnail ? await setting.media.attachment(thumbnail, where) : null
  if (thumbnail && !lead)
    report.problem(where, `its featured image (attachment ${thumbnail}) could not be had: the story has no lead image`)
  const categories = item.terms.filter((term) => term.domain === 'category')
  const sectionId = categories.map((term) => setting.sectionOf.get(term.slug)).find((id) => id !== undefined) ?? setting.fallbackSectionId
  if (categories.length > 1)
    report.problem(where, `it had ${categories.length} categories: a story has one section, the first that could be used`)
  let tags = item.terms.filter((term) => term.domain === 'post_tag').map((term) => tagName(context, term.name || term.slug, where))
  if (tags.length > articleLimits.tags) {
    report.problem(where, `it had ${tags.length} tags: the first ${articleLimits.tags} were kept`)
    tags = tags.slice(0, articleLimits.tags)
  }
  let headline = limited(context, where, 'headline', item.title.replace(/\s+/g, ' '), articleLimits.headline)
  if (headline === '') {
    report.problem(where, 'it had no title: its headline is “Untitled”')
    headline = 'Untitled'
  }
  const excerpt = plainWords(item.excerpt)
  const bylines = bylineOf(context, setting.accounts, item.creator)
  if (bylines.some((byline) => !('userId' in byline)))
    report.problem(where, `its author “${item.creator}” is not one of the export's authors: credited as an outside contributor`)
  const input = articleInputSchema.safeParse({
    headline,
    standfirst: limited(context, where, 'excerpt', excerpt, articleLimits.standfirst),
    body: body.doc,
    sectionId,
    slug: slugify(safeDecode(item.slug) || headline, articleLimits.slug),
    tags,
    bylines,
    leadMediaId: lead?.id ?? null,
    leadCaption: limited(context, where, 'lead image’s caption', lead?.caption ?? '', articleLimits.leadCaption),
    leadCredit: limited(context, where, 'lead image’s credit', lead?.credit ?? '', articleLimits.leadCredit),
  })
  if (!input.success) {
    report.problem(where, `not imported: ${input.error.issues[0]?.message ?? 'a field could not be read'}`)
    report.count('stories', 'skipped')
    return
  }
  const story = { ...input.data, body: body.doc }

  const mapped = kept?.id ?? null
  const [current] =
    mapped === null
      ? []
      : await db
          .select({ version: articles.version, revision: revisions })
          .from(articles)
          .innerJoin(revisions, eq(revisions.id, articles.currentRevisionId))
          .where(eq(articles.id, mapped))
  const before = mapped === null ? null : await storyAsShown(db, mapped)
  let articleId: number
  if (!current || mapped === null) {
    const created = await createArticle(db, actor, story, { now: wanted.at })
    if (!created.ok) {
      report.problem(where, `not imported: ${created.message}`)
      report.count('stories', 'skipped')
      return
    }
    articleId = created.articleId
    // Its digest is kept once it stands where it should (below): an import cut short finishes it next time.
    await map.set('post', item.id, articleId)
    report.count('stories', 'created')
  } else {
    articleId = mapped
    const fields = ['headline', 'standfirst', 'body', 'sectionId', 'bylines', 'tags', 'leadMediaId', 'leadCaption', 'leadCredit'] as const
    const same = fields.every((field) =>
      isDeepStrictEqual(JSON.parse(JSON.stringify(current.revision[field])), JSON.parse(JSON.stringify(story[field]))),
    )
    if (same) report.count('stories', 'unchanged')
    else {
      const saved = await saveArticle(
        db,
        actor,
        articleId,
        { ...story, slug: current.revision.slug },
        {
          baseVersion: current.version,
          kind: 'save',
          approveAgain: true,
        },
      )
      report.count('stories', saved.ok ? 'updated' : 'skipped')
      if (!saved.ok) {
        report.problem(where, `its changes were not saved: ${saved.message}`)
        return
      }
    }
  }
  const status = await settleStatus(db, actor, articleId, wanted, context.now)
  if (status !== wanted.status)
    report.problem(where, `it stays “${statuses[status].label}” here, where the newsroom moved it since the last import`)
  if (status === 'published') await redirectPermalink(context, articleId, item.link, where)
  for (const key of storyChangeKeys(articleId, before, await storyAsShown(db, articleId))) context.changedKeys.add(key)
  await map.set('post', item.id, articleId, checksum)
}
