import 'server-only'
import { type SQL, and, count, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { articles } from '@/db/schema'
import { type DeskFilters, type DeskQueue, countCap, deskQueues } from './desk-queues'
import { readableStories } from './article-access'
import { filterCondition, queueCondition, searchText } from './desk-queues-conditions'
import { wholeNumberInText } from './sql-in-text'
import { allListParts, countPart, keptUntilDeskChanges } from './desk-kept'
import type { Actor } from './permissions'

// The tab counts of the desk: how many stories each list holds with the same filters, each up to
// just past `countCap` (the desk shows "1,000+"), so that a count never reads the whole archive.

const keptCounts = keptUntilDeskChanges<Record<DeskQueue, number> | null>()

/**
 * How many stories each list holds for this person, with the same filters, each counted up to
 * just past `countCap`. Null off the desk. Kept until what a count reads of a story changes (lib/desk-kept.ts).
 */
export async function countDeskQueues(db: Db, viewer: Actor, filters: DeskFilters = {}): Promise<Record<DeskQueue, number> | null> {
  // What the counts depend on: who asks (their stories, their sections, what their role may read) and the filters.
  const key = JSON.stringify([
    viewer.id,
    viewer.role,
    viewer.sections ?? null,
    filters.sectionId,
    filters.authorId,
    filters.status,
    filters.q,
  ])
  // A search's counts read the stories' words too, so a change to a line of any list counts.
  const parts = filters.q ? [countPart, ...allListParts] : [countPart]
  return keptCounts(db, key, parts, async () => ({ value: await readDeskCounts(db, viewer, filters) }))
}

/**
 * A search is looked up in the indexes once, for a sample of its matches: twice the cap, so that
 * a common word's "All stories" and "Published" (most stories) are settled by it. When the sample
 * holds every match, every count is exact from it; otherwise only the lists the sample shows past
 * the cap are, and the others are counted each (as without a search), each smaller list through an
 * index of its own stories' words (`articles_search_<state>`, db/schema/stories.ts), not the whole
 * search's. Searching the indexes for each list took most of a search's time, and planning seven searches more.
 */
const searchSample = 2 * (countCap + 1)

async function readDeskCounts(db: Db, viewer: Actor, filters: DeskFilters): Promise<Record<DeskQueue, number> | null> {
  const where = and(filterCondition(filters), readableStories(viewer))
  const sample = searchText(filters) ? await countInSample(db, viewer, where) : null
  const settled = (queue: DeskQueue) => sample !== null && (sample.seen < searchSample || sample[queue] > countCap)
  const rest = deskQueues.filter((queue) => !settled(queue))
  const counted = rest.length > 0 ? await countEach(db, viewer, where, rest) : {}
  return Object.fromEntries(deskQueues.map((queue) => [queue, counted[queue] ?? Math.min(sample?.[queue] ?? 0, countCap + 1)])) as Record<
    DeskQueue,
    number
  >
}

/** The columns of a story that `queueCondition` reads: what the sample keeps of each match. */
const sampleColumns = [
  articles.id,
  articles.status,
  articles.ownerIds,
  articles.sectionId,
  articles.trashedAt,
  articles.publishedRevisionId,
]

/**
 * Up to `searchSample` stories matching `where`, read once, and how many of them each list holds.
 * The sample is named `articles` in the statement, so that each list's condition reads its columns.
 */
async function countInSample(db: Db, viewer: Actor, where: SQL | undefined): Promise<Record<DeskQueue | 'seen', number>> {
  const perQueue = Object.fromEntries(
    deskQueues.map((queue) => [queue, sql<number>`count(*) filter (where ${queueCondition(queue, viewer) ?? sql`true`})`.mapWith(Number)]),
  ) as Record<DeskQueue, SQL<number>>
  const sample = sql`select ${sql.join(sampleColumns, sql`, `)} from ${articles}${where ? sql` where ${where}` : sql``} limit ${wholeNumberInText(searchSample)}`
  const [row] = await db.select({ seen: count(), ...perQueue }).from(sql`(${sample}) as ${articles}`)
  // Counting without grouping answers one row, whatever it counts.
  if (!row) throw new Error('A count answered no row.')
  return row
}

/** These lists' counts in one statement: one round trip to the database instead of one each. */
async function countEach(db: Db, viewer: Actor, where: SQL | undefined, queues: DeskQueue[]): Promise<Partial<Record<DeskQueue, number>>> {
  const counts = Object.fromEntries(
    queues.map((queue) => [
      queue,
      sql<number>`(select count(*) from (${upToCap(and(queueCondition(queue, viewer), where))}) as matching)`.mapWith(Number),
    ]),
  ) as Record<DeskQueue, SQL<number>>
  const [row] = await db.select(counts).from(sql`(values (1)) as one (x)`)
  return row ?? {}
}

/** The stories matching `where`, counted up to `countCap + 1`. */
export async function countUpToCap(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ total: count() }).from(sql`(${upToCap(where)}) as matching`)
  return row?.total ?? 0
}

/**
 * The ids of the stories matching `where`, at most one past the cap: what a count reads. The cap
 * is in the statement's text: a statement with no parameters keeps its plan (db/pglite-client.ts).
 */
function upToCap(where: SQL | undefined): SQL {
  return sql`select ${articles.id} from ${articles}${where ? sql` where ${where}` : sql``} limit ${wholeNumberInText(countCap + 1)}`
}
