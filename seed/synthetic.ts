import 'server-only'
import { inArray, max, sql } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { articleAuthors, articleTags, articles, revisions, sections, tags, users, workflowEvents } from '@/db/schema'
import { countDeskChange } from '@/lib/desk-kept'
import { seedDemo } from './demo'
import { type PlannedArticle, type SyntheticPool, planArticle } from './synthetic-plan'
import { createRandom } from './synthetic-text'

export type SyntheticOptions = {
  /** How many stories to add. */
  articles: number
  /** Called after each batch with the number of stories added so far. */
  onProgress?: (done: number) => void
  /** Stories per transaction; large batches are what make 10,000 stories quick on PGlite. */
  batchSize?: number
}

/**
 * Adds generated stories for volume testing: several revisions each, bylines, tags, workflow
 * history, mostly published over the last six months. Seeds the demo newsroom first when the
 * database has none. The text is deterministic for a given database state.
 */
export async function seedSynthetic(db: Db, options: SyntheticOptions): Promise<void> {
  await seedDemo(db)
  const pool = await loadPool(db)
  const [last] = await db.select({ id: max(articles.id) }).from(articles)
  // Slugs end in a serial above every existing article id, so a second run never repeats one.
  const firstSerial = (last?.id ?? 0) + 1
  const random = createRandom(firstSerial)
  const batchSize = options.batchSize ?? 500
  const bulk = await canLoadInBulk(db)

  for (let done = 0; done < options.articles;) {
    const count = Math.min(batchSize, options.articles - done)
    const plans = Array.from({ length: count }, (_, index) => planArticle(random, pool, firstSerial + done + index))
    await db.transaction(async (tx) => {
      if (bulk) await tx.execute(bulkLoading)
      await insertBatch(tx, plans)
      // With the triggers skipped, the desk's instances are told here (lib/desk-kept.ts).
      if (bulk) await countDeskChange(tx)
    })
    done += count
    options.onProgress?.(done)
  }
  // The embedded database has no autovacuum: without statistics the planner guesses the
  // archive's size and picks slow plans for the desk's lists, and every story's first versions
  // (each is updated once its revisions and bylines exist) stay in the way of every scan.
  await db.execute(sql`vacuum analyze`)
}

// A batch's rows refer only to rows that exist or that the same batch writes, and it sets the
// owners the triggers of migration 0012 would (the creator and staff bylines, sorted, once each)
// and the current revision's headline and words those of migration 0027 would:
// so, like pg_restore's --disable-triggers, a batch skips the triggers and foreign-key checks,
// which took about half of the seed's time on the embedded database. Only a superuser may; on a
// PostgreSQL server as someone else the seed runs them.
const bulkLoading = sql`set local session_replication_role = replica`

async function canLoadInBulk(db: Db): Promise<boolean> {
  try {
    await db.transaction((tx) => tx.execute(bulkLoading))
    return true
  } catch {
    return false
  }
}

/** What `article_owners()` (migration 0012) gives the story: its creator and staff bylines, in order, once each. */
function ownersOf(plan: PlannedArticle): number[] {
  const staff = plan.bylines.flatMap((byline) => ('userId' in byline ? [byline.userId] : []))
  return [...new Set([plan.createdBy, ...staff])].sort((a, b) => a - b)
}

async function loadPool(db: Db): Promise<SyntheticPool> {
  const staff = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(inArray(users.role, ['writer', 'editor', 'admin']))
  const allSections = await db.select({ id: sections.id, parentId: sections.parentId }).from(sections)
  const parents = new Set(allSections.map((section) => section.parentId))
  const tagRows = await db.select({ id: tags.id, name: tags.name }).from(tags)
  const writerIds = staff.filter((user) => user.role === 'writer').map((user) => user.id)
  const editorIds = staff.filter((user) => user.role !== 'writer').map((user) => user.id)
  const anyone = staff.map((user) => user.id)
  // Stories are filed in sections without subsections, as the desk does.
  const sectionIds = allSections.filter((section) => !parents.has(section.id)).map((section) => section.id)
  if (anyone.length === 0 || sectionIds.length === 0) throw new Error('Synthetic stories need at least one user and one section.')
  return {
    now: new Date(),
    writerIds: writerIds.length > 0 ? writerIds : anyone,
    editorIds: editorIds.length > 0 ? editorIds : anyone,
    sectionIds,
    tags: tagRows,
  }
}

async function insertBatch(tx: Tx, plans: PlannedArticle[]): Promise<void> {
  const inserted = await tx
    .insert(articles)
    .values(
      plans.map((plan) => ({
        sectionId: plan.sectionId,
        slug: plan.slug,
        status: plan.status,
        createdBy: plan.createdBy,
        ownerIds: ownersOf(plan),
        scheduledAt: plan.scheduledAt,
        firstPublishedAt: plan.firstPublishedAt,
        publishedAt: plan.publishedAt,
        createdAt: plan.createdAt,
        updatedAt: plan.updatedAt,
        statusChangedAt: plan.statusChangedAt,
        version: plan.revisions.length + plan.events.length,
      })),
    )
    .returning({ id: articles.id, slug: articles.slug })
  // Matched by slug (unique in the batch): RETURNING does not promise the order of VALUES.
  const idBySlug = new Map(inserted.map((row) => [row.slug, row.id]))
  const articleId = (plan: PlannedArticle): number => {
    const id = idBySlug.get(plan.slug)
    if (id === undefined) throw new Error(`No id came back for the synthetic article ${plan.slug}.`)
    return id
  }

  const revisionRows = await tx
    .insert(revisions)
    .values(plans.flatMap((plan) => plan.revisions.map((revision) => ({ ...revision, articleId: articleId(plan) }))))
    .returning({ id: revisions.id, articleId: revisions.articleId, number: revisions.number })
  const revisionIds = new Map(revisionRows.map((row) => [`${row.articleId}:${row.number}`, row.id]))
  const revisionId = (plan: PlannedArticle, number: number): number => {
    const id = revisionIds.get(`${articleId(plan)}:${number}`)
    if (id === undefined) throw new Error(`No id came back for revision ${number} of ${plan.slug}.`)
    return id
  }

  const pointers = plans.map(
    (plan) =>
      sql`(${articleId(plan)}::int, ${revisionId(plan, plan.currentNumber)}::int, ${plan.publishedNumber === null ? null : revisionId(plan, plan.publishedNumber)}::int)`,
  )
  await tx.execute(sql`
    update ${articles} set current_revision_id = v.current_id, published_revision_id = v.published_id,
      approved_revision_id = case when ${articles.status} in ('approved', 'scheduled') then v.current_id end,
      current_search_vector = current_revision.search_vector
    from (values ${sql.join(pointers, sql`, `)}) as v(id, current_id, published_id)
      join ${revisions} as current_revision on current_revision.id = v.current_id
    where ${articles.id} = v.id`)

  await tx
    .insert(articleAuthors)
    .values(plans.flatMap((plan) => plan.bylines.map((byline, position) => ({ articleId: articleId(plan), position, ...byline }))))
  const tagRows = plans.flatMap((plan) => plan.tagIds.map((tagId) => ({ articleId: articleId(plan), tagId })))
  if (tagRows.length > 0) await tx.insert(articleTags).values(tagRows)
  await tx.insert(workflowEvents).values(
    plans.flatMap((plan) =>
      plan.events.map(({ revisionNumber, ...event }) => ({
        ...event,
        articleId: articleId(plan),
        revisionId: revisionId(plan, revisionNumber),
      })),
    ),
  )
}
