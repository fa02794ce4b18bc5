import { and, count, isNull, sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import type { Db } from '@/db'
import { articles } from '@/db/schema'
import { createTestDatabase } from '@/db/testing'
import { seedSynthetic } from '@/seed/synthetic'
import { act, articleRow, docOf, editStory, makeStory, openTestNewsroom } from './newsroom'
import type { Actor } from '@/lib/permissions'
import { deskSearchQuery } from '@/lib/desk-queues-conditions'
import { listDeskQueue } from '@/lib/desk-queues-list'
import { restoreRevision } from '@/lib/revisions'
import { moveToTrash } from '@/lib/trash'

// The desk's search reads the current revision's headline and words as copied onto each story
// (migration 0027: triggers, and the synthetic seed's bulk load). It must find exactly the stories
// that searching every revision, then keeping those current in a story, found before.

/** What the desk's search found before migration 0027, in "All stories" (out of the trash), by id. */
async function foundInEveryRevision(db: Db, q: string): Promise<number[]> {
  const { rows } = (await db.execute(sql`
    select a.id from articles a where a.trashed_at is null and a.current_revision_id in (select r.id from revisions r
      where r.search_vector @@ ${deskSearchQuery(q)})
    order by a.id`)) as unknown as { rows: { id: number }[] }
  return rows.map((row) => row.id)
}

/** What the desk's search finds now in "All stories", every page, by id. */
async function foundOnTheDesk(db: Db, viewer: Actor, q: string): Promise<number[]> {
  const found: number[] = []
  for (let page = 1; ; page++) {
    const list = await listDeskQueue(db, viewer, 'all', { q, page, pageSize: 50 })
    if (!list) throw new Error('Not on the desk.')
    found.push(...list.items.map((item) => item.id))
    if (!list.hasNextPage) return found.sort((a, b) => a - b)
  }
}

describe('the desk search on the synthetic archive (several revisions a story, loaded in bulk)', async () => {
  const database = await createTestDatabase()
  afterAll(() => database.close())
  const { db } = database
  await seedSynthetic(db, { articles: 300 })
  const { rows } = (await db.execute(sql`select id from users where role = 'editor' order by id limit 1`)) as unknown as {
    rows: { id: number }[]
  }
  const editor: Actor = { id: rows[0]?.id ?? 0, role: 'editor' }

  it.each(['council', 'ferry operator', '"port authority"', 'Vellmar', 'budget -council', 'counc', 'Port Ar', 'nothing like it'])(
    'finds for %j what searching every revision found',
    async (q) => {
      const before = await foundInEveryRevision(db, q)
      expect(await foundOnTheDesk(db, editor, q)).toEqual(before)
    },
  )

  it.each([
    ['', 'counc'],
    ['', 'ferries'],
    ['council ', 'bud'],
    ['Port ', 'Ar'],
    ['harbour council ', 'budg'],
    ['ferry ', 'operators'],
    ['council ', 'the'],
    ['council ', 'or'],
    ['budget ', '2'],
  ])('finds for %j and %j typed what all the words or all but the last and its beginning found', async (before, word) => {
    const either = sql`(websearch_to_tsquery('english', ${before + word})
      || (websearch_to_tsquery('english', ${before}) && to_tsquery('english', ${`${word}:*`})))`
    const rows = await db
      .select({ id: articles.id })
      .from(articles)
      .where(and(isNull(articles.trashedAt), sql`${articles.currentSearchVector} @@ ${either}`))
      .orderBy(articles.id)
    expect(await foundOnTheDesk(db, editor, before + word)).toEqual(rows.map((row) => row.id))
  })

  it('has older revisions whose words are no longer in the story', async () => {
    // Otherwise the comparison above could not tell current revisions from older ones.
    const { rows: stale } = (await db.execute(sql`select count(*)::int as n from revisions r join articles a on a.id = r.article_id
      where r.id <> a.current_revision_id and r.headline <> (select headline from revisions c where c.id = a.current_revision_id)`)) as unknown as {
      rows: { n: number }[]
    }
    expect(stale[0]?.n).toBeGreaterThan(0)
  })
})

describe('the desk search as stories change', async () => {
  const { db, newsroom } = await openTestNewsroom()
  const { writer, editor } = newsroom
  const find = (q: string) => foundOnTheDesk(db, editor, q)

  it('finds a story by its current words only, through saves, autosaves, publishing, a restored version and the trash', async () => {
    const id = await makeStory(db, newsroom, { headline: 'Lighthouse keeper retires' })
    expect(await find('lighthouse')).toEqual([id])

    await editStory(db, writer, id, { headline: 'Harbourmaster retires', body: docOf('The tugboat crews gathered.') })
    expect(await find('lighthouse')).toEqual([])
    expect(await find('tugboat')).toEqual([id])
    expect(await find('harbourm')).toEqual([id])
    // A word still being typed is found in the body too, and stemmed as the story's words are.
    expect(await find('tugb')).toEqual([id])
    expect(await find('crews gathe')).toEqual([id])

    // An autosave updates the newest revision in place.
    await editStory(db, writer, id, { standfirst: 'Forty years of pilot boats.' }, { kind: 'autosave' })
    await editStory(db, writer, id, { standfirst: 'Forty years of dredgers.' }, { kind: 'autosave' })
    expect(await find('pilot')).toEqual([])
    expect(await find('dredgers')).toEqual([id])

    // A revision written in place by any other path than a save: the story follows it too.
    await db.execute(
      sql`update revisions set body_text = 'The dredgers sailed for Ostend.' where id = ${(await articleRow(db, id)).currentRevisionId}`,
    )
    expect(await find('ostend')).toEqual([id])

    await act(db, writer, id, 'submit')
    await act(db, editor, id, 'publish')
    await editStory(db, editor, id, { headline: 'Harbourmaster retires after 40 years' })
    expect(await find('"after 40 years"')).toEqual([id])

    const restored = await restoreRevision(db, editor, id, 1, (await articleRow(db, id)).version)
    expect(restored.ok).toBe(true)
    expect(await find('lighthouse')).toEqual([id])
    expect(await find('harbourmaster')).toEqual([])

    for (const q of ['lighthouse', 'harbourmaster', 'tugboat', 'dredgers', 'retires'])
      expect(await find(q)).toEqual(await foundInEveryRevision(db, q))

    const draft = await makeStory(db, newsroom, { headline: 'Lighthouse open day' })
    expect(await find('lighthouse')).toEqual([id, draft])
    const trashed = await moveToTrash(db, writer, draft)
    expect(trashed.ok).toBe(true)
    expect(await find('lighthouse')).toEqual([id])
  })

  it('writes the story once for an autosave that updates its newest revision in place, its new words found', async () => {
    const id = await makeStory(db, newsroom, { headline: 'Ferry timetable changes' })
    await editStory(db, writer, id, { standfirst: 'Winter sailings.' }, { kind: 'autosave' })
    // Every write of a story's row, counted by a trigger of the test's own (each write copies the
    // row into every index of the table).
    await db.execute(sql`create table story_writes (article_id integer)`)
    await db.execute(sql`create function count_story_write() returns trigger language plpgsql as $$
      begin insert into story_writes values (new.id); return null; end $$`)
    await db.execute(sql`create trigger story_written after update on articles for each row execute function count_story_write()`)
    try {
      await editStory(db, writer, id, { standfirst: 'Winter sailings to the islands.' }, { kind: 'autosave' })
      const [writes] = await db
        .select({ n: count() })
        .from(sql`story_writes`)
        .where(sql`article_id = ${id}`)
      expect(writes?.n).toBe(1)
      expect(await find('islands')).toEqual([id])
    } finally {
      await db.execute(sql`drop trigger story_written on articles`)
      await db.execute(sql`drop function count_story_write`)
      await db.execute(sql`drop table story_writes`)
    }
  })
})
