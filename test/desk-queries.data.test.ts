import { type SQL, eq, sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { isOnServer } from '@/db'
import { createTestDatabase } from '@/db/testing'
import { articles, users } from '@/db/schema'
import { seedDemo } from '@/seed/demo'
import { authorize } from '@/lib/authorize'
import { type DeskQuery, countCap, deskQueues } from '@/lib/desk-queues'
import { countDeskQueues } from '@/lib/desk-queues-counts'
import { listDeskQueue } from '@/lib/desk-queues-list'
import { getDeskNews, markDeskSeen } from '@/lib/desk-news'
import { unreadCount } from '@/lib/notification-inbox'
import { fillArchive } from './desk-archive'
import type { Actor } from '@/lib/permissions'

// The desk must stay fast with an archive of 100,000 stories (`npm run bench`): every query a
// desk page makes (app/desk/page.tsx and the desk's layout) is asked for its plan on an archive of
// `archiveSize` stories made by the database itself (test/desk-archive.ts), vacuumed and
// analyzed, so that the planner chooses as it would on a newsroom's database. A sequential scan
// of `articles` or `revisions` is a query no index serves: it reads more of the archive as it grows.

/** Large enough that the planner prefers an index wherever one serves; small enough to make in seconds. */
const archiveSize = 20_000

const captured: { text: string; params: unknown[] }[] = []
const database = await createTestDatabase({ logQuery: (text, params) => captured.push({ text, params }) })
const { db } = database
afterAll(() => database.close())
await seedDemo(db)

async function person(role: 'editor' | 'writer'): Promise<Actor> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.role, role)).limit(1)
  const allowed = row && (await authorize(db, row, 'desk.enter'))
  if (!allowed?.ok) throw new Error(`The demo newsroom has no ${role} on the desk.`)
  return allowed.actor
}

/** The query again as SQL, with its parameters bound where the text has $1, $2, …. */
function bound(text: string, params: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/)
  return sql.join(parts.map((part, index) => (index % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`)))
}

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; 'Plan Rows': number; Plans?: PlanNode[] }

/** Each node of the plan, with the Limit right above it, if any. */
function* nodes(node: PlanNode, limit?: PlanNode): Generator<[PlanNode, PlanNode | undefined]> {
  yield [node, limit]
  for (const child of node.Plans ?? []) yield* nodes(child, node['Node Type'] === 'Limit' ? node : undefined)
}

/**
 * Whether a sequential scan reads only a little of the table: right under a Limit (a count stops
 * at its cap) and expected to find ten times more than it needs, so that it stops within the
 * first tenth. A scan for what is rare, which would read the whole archive for its few rows, is not.
 */
function stopsEarly(scan: PlanNode, limit: PlanNode | undefined): boolean {
  return limit !== undefined && scan['Plan Rows'] >= 10 * limit['Plan Rows']
}

/** For each of these texts prepared by the embedded database: whether its plan served two calls or more. */
async function keptAndUsedAgain(queries: { text: string }[]): Promise<boolean[]> {
  const texts = [...new Set(queries.map((query) => query.text))]
  const kept = (await db.execute(sql`select generic_plans from pg_prepared_statements where statement in ${texts}`)) as unknown as {
    rows: { generic_plans: number }[]
  }
  return kept.rows.map((row) => row.generic_plans >= 2)
}

/** The query's plan, as the planner makes it for these parameters. */
async function planOf(text: string, params: unknown[]): Promise<PlanNode> {
  const result = (await db.execute(sql`explain (format json) ${bound(text, params)}`)) as unknown as {
    rows: { 'QUERY PLAN': string | [{ Plan: PlanNode }] }[]
  }
  const json = result.rows[0]?.['QUERY PLAN']
  const [plan] = typeof json === 'string' ? (JSON.parse(json) as [{ Plan: PlanNode }]) : (json ?? [])
  if (!plan) throw new Error(`No plan for ${text}`)
  return plan.Plan
}

/** The tables among `articles` and `revisions` that the query's plan reads whole, or may. */
async function tablesReadWhole(text: string, params: unknown[]): Promise<string[]> {
  return [...nodes(await planOf(text, params))]
    .filter(([node, limit]) => node['Node Type'] === 'Seq Scan' && !stopsEarly(node, limit))
    .map(([node]) => node['Relation Name'] ?? '')
    .filter((table) => ['articles', 'revisions'].includes(table))
}

describe('the desk at the size of an archive', async () => {
  const editor = await person('editor')
  const writer = await person('writer')
  const [section] = await db.select({ id: articles.sectionId }).from(articles).limit(1)
  const filters: DeskQuery[] = [
    {},
    { sectionId: section?.id, status: 'published' },
    { authorId: writer.id },
    { q: 'ferry' },
    { q: 'strike ferry', page: 3 },
  ]

  it(`counts up to just past ${countCap}, and still pages on past the count`, async () => {
    const [story] = await db.select().from(articles).limit(1)
    if (!story) throw new Error('The demo newsroom has no story.')
    await db.insert(articles).values(
      Array.from({ length: countCap + 10 }, (_, index) => ({
        sectionId: story.sectionId,
        slug: `archive-${index}`,
        status: 'published' as const,
        createdBy: story.createdBy,
        currentRevisionId: story.currentRevisionId,
        publishedRevisionId: story.currentRevisionId,
      })),
    )
    const counts = await countDeskQueues(db, editor)
    expect(counts?.all).toBe(countCap + 1)
    expect(counts?.review).toBeLessThan(countCap)
    const last = await listDeskQueue(db, editor, 'all', { page: countCap / 20 + 1 })
    expect(last).toMatchObject({ total: countCap + 1, pageCount: countCap / 20, hasNextPage: true })
    expect(last?.items).toHaveLength(20)
  })

  it("asks for an editor's review queue and its counts with no parameters, so that the embedded database keeps their plans", async () => {
    captured.length = 0
    for (let call = 0; call < 2; call++) {
      // A change in between, so that the counts are asked again rather than kept (lib/desk-kept.ts).
      await db.execute(sql`update desk_changes set generation = generation + 1`)
      await countDeskQueues(db, editor)
      await listDeskQueue(db, editor, 'review', {}, 5)
    }
    const asked = captured.filter((query) => !query.text.includes('desk_changes'))
    expect(asked.map((query) => query.params)).toEqual([[], [], [], []])
    if (isOnServer(db)) return
    // Each kept and used again (the count's text served the test above too).
    expect(await keptAndUsedAgain(asked)).toEqual([true, true])
  })

  it(`reads no more ${archiveSize.toLocaleString('en-GB')} stories than it shows: every list, filter, count, the news box and the notifications badge`, async () => {
    await fillArchive(db, archiveSize)
    captured.length = 0
    for (const viewer of [editor, writer]) {
      for (const queue of deskQueues) for (const query of filters) await listDeskQueue(db, viewer, queue, query)
      for (const query of filters) await countDeskQueues(db, viewer, query)
      await getDeskNews(db, viewer, { now: new Date(Date.now() + 1000) })
      await unreadCount(db, viewer)
    }
    // The news box plans with the time of the last visit: a week back for a first look (above), an hour back here.
    await markDeskSeen(db, writer, new Date(Date.now() - 60 * 60 * 1000))
    await getDeskNews(db, writer)
    // Each text with each of its parameters: a plan depends on them (whose stories, since when).
    const distinct = [...new Map(captured.map((query) => [`${query.text} ${JSON.stringify(query.params)}`, query])).values()]
    expect(distinct.length).toBeGreaterThan(10)
    const whole: string[] = []
    for (const query of distinct) {
      const tables = await tablesReadWhole(query.text, query.params)
      if (tables.length > 0) whole.push(`${tables.join(', ')}: ${query.text}`)
    }
    expect(whole).toEqual([])
  })

  it("counts a search's lists as each list counts itself: a word in thousands of stories, and a rarer search", async () => {
    for (const viewer of [editor, writer]) {
      for (const q of ['ferry', 'strike ferry', 'harb']) {
        const counts = await countDeskQueues(db, viewer, { q })
        const each = await Promise.all(deskQueues.map(async (queue) => [queue, (await listDeskQueue(db, viewer, queue, { q }))?.total]))
        expect(counts).toEqual(Object.fromEntries(each))
      }
    }
    // The word is in more stories than a search's counts read at once (twice the cap).
    expect((await countDeskQueues(db, editor, { q: 'ferry' }))?.all).toBe(countCap + 1)
  })

  it("counts a common word's smaller lists through their own indexes of words, not every match of the word again", async () => {
    for (const viewer of [editor, writer]) {
      // A change, so that the counts are asked again rather than kept.
      await db.execute(sql`update desk_changes set generation = generation + 1`)
      captured.length = 0
      await countDeskQueues(db, viewer, { q: 'ferry' })
      // The sample holds more than the cap of "All stories": the other lists are counted each, in one statement.
      const [each, ...more] = captured.filter((query) => query.text.startsWith('select (select count(*)'))
      expect(more).toEqual([])
      if (!each) throw new Error('The lists were not counted each.')
      const indexes = [...nodes(await planOf(each.text, each.params))].flatMap(([node]) => node['Index Name'] ?? [])
      const states = ['draft', 'in_review', 'changes_requested', 'scheduled', 'trash']
      expect(indexes.sort()).toEqual(states.map((state) => `articles_search_${state}`).sort())
    }
  })

  it('searches the current version of each story only: revisions are read for the headlines of the page shown, by their key', async () => {
    // A change, so that the lists and counts the test above read are asked again rather than kept.
    await db.execute(sql`update desk_changes set generation = generation + 1`)
    captured.length = 0
    for (const viewer of [editor, writer]) {
      for (const query of filters.filter((filter) => filter.q)) {
        await countDeskQueues(db, viewer, query)
        for (const queue of ['all', 'review'] as const) await listDeskQueue(db, viewer, queue, query)
      }
    }
    const read: string[] = []
    for (const { text, params } of captured.filter((query) => !query.text.includes('desk_changes'))) {
      for (const [node] of nodes(await planOf(text, params))) {
        if (node['Relation Name'] === 'revisions') read.push(`${node['Node Type']} ${node['Index Name'] ?? ''}`.trim())
      }
    }
    expect(read.length).toBeGreaterThan(0)
    expect(new Set(read)).toEqual(new Set(['Index Scan revisions_pkey']))
  })

  it("asks for a writer's news box again after a change with no parameters, once they have looked, so that its plans are kept", async () => {
    await markDeskSeen(db, writer, new Date(Date.now() - 60 * 60 * 1000))
    captured.length = 0
    for (let call = 0; call < 2; call++) {
      // A change in between, so that the news box is asked again rather than kept (lib/desk-kept.ts).
      await db.execute(sql`update desk_changes set generation = generation + 1`)
      await getDeskNews(db, writer)
    }
    const asked = captured.filter((query) => !query.text.includes('desk_changes'))
    // The last visit, then the news since: twice each.
    expect(asked.map((query) => query.params)).toEqual([[], [], [], []])
    if (isOnServer(db)) return
    expect(await keptAndUsedAgain(asked)).toEqual([true, true])
  })
})
