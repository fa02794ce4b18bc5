import { type SQL, sql } from 'drizzle-orm'
import type { Db } from '@/db'
import { countDeskChange } from '@/lib/desk-kept'

// An archive of stories made by the database itself (generate_series), for asking the planner
// about the desk's queries at a realistic size in seconds: the synthetic seed (seed/synthetic.ts)
// takes minutes. The shape follows that seed: mostly published over six months, a few percent in
// each desk state, one in a hundred in the trash, the demo newsroom's staff as owners and
// bylines, a current revision each, an audit event each and an open note on one in fifty.

const words = ['council', 'budget', 'ferry', 'strike', 'harbour', 'election', 'school', 'hospital', 'river', 'market']
const wordList = sql.raw(`array[${words.map((word) => `'${word}'`).join(', ')}]`)

/** The n-th story's facts, from `g` (1…count) and the ids it starts after (`a0`, `r0`). */
const story = ({ count, a0, r0 }: { count: number; a0: number; r0: number }): SQL => sql`
  (select g, g % 100 as kind, ${a0}::int + g as article_id, ${r0}::int + g as revision_id, 'desk-archive-' || g as slug,
    now() - ((g * 7919) % 262800) * interval '1 minute' as at,
    staff.ids[1 + g % cardinality(staff.ids)] as owner, leaves.ids[1 + (g / 7) % cardinality(leaves.ids)] as section
  from generate_series(1, ${count}::int) as g,
    (select array_agg(id order by id) as ids from users where role in ('writer', 'editor', 'admin')) as staff,
    (select array_agg(s.id order by s.id) as ids from sections s where not exists (select 1 from sections c where c.parent_id = s.id)) as leaves) as story`

const status = sql`(case when kind < 85 then 'published' when kind < 90 then 'draft' when kind < 93 then 'in_review'
  when kind < 95 then 'changes_requested' when kind < 97 then 'scheduled' when kind < 99 then 'unpublished' else 'approved' end)::article_status`
const isLive = sql`(kind < 85 or kind in (97, 98))`

/** Adds `count` stories, then vacuums and analyzes, so that the planner knows the archive's size. */
export async function fillArchive(db: Db, count: number): Promise<void> {
  await db.transaction(async (tx) => {
    // Every row refers to rows that exist or that this transaction writes, and sets the owners and
    // the current headline and words the triggers of migrations 0012 and 0027 would: triggers and
    // foreign-key checks are skipped, as a restore does.
    await tx.execute(sql`set local session_replication_role = replica`)
    const { rows } = (await tx.execute(
      sql`select (select coalesce(max(id), 0) from articles)::int as a0, (select coalesce(max(id), 0) from revisions)::int as r0`,
    )) as unknown as { rows: { a0: number; r0: number }[] }
    const [last] = rows
    const stories = story({ count, a0: last?.a0 ?? 0, r0: last?.r0 ?? 0 })
    await tx.execute(sql`
      insert into revisions (id, article_id, number, kind, headline, body, body_text, section_id, slug, created_by, created_at, updated_at)
      overriding system value
      select revision_id, article_id, 1, 'save', initcap(w[1 + g % 10]) || ' ' || w[1 + (g / 10) % 10] || ' ' || g,
        '{"type":"doc"}', w[1 + (g / 100) % 10] || ' report', section, slug, owner, at - interval '1 day', at
      from ${stories}, (select ${wordList} as w) as list`)
    await tx.execute(sql`
      insert into articles (id, section_id, slug, status, created_by, owner_ids, current_revision_id, published_revision_id,
        created_at, updated_at, status_changed_at, published_at, first_published_at, scheduled_at, trashed_at,
        current_search_vector)
      overriding system value
      select article_id, section, slug, ${status}, owner, array[owner], revision_id, case when ${isLive} then revision_id end,
        at - interval '1 day', at, at, case when ${isLive} then at end, case when ${isLive} then at end,
        case when kind in (95, 96) then now() + (g % 1000) * interval '1 hour' end, case when kind = 89 then at end,
        current_revision.search_vector
      from ${stories},
        lateral (select search_vector from revisions where revisions.id = story.revision_id) as current_revision`)
    await tx.execute(sql`select setval(pg_get_serial_sequence('articles', 'id'), (select max(id) from articles))`)
    await tx.execute(sql`select setval(pg_get_serial_sequence('revisions', 'id'), (select max(id) from revisions))`)
    const archived = sql`from articles where slug like 'desk-archive-%'`
    await tx.execute(sql`insert into article_authors (article_id, position, user_id) select id, 0, created_by ${archived}`)
    await tx.execute(sql`
      insert into workflow_events (article_id, from_status, to_status, actor_id, revision_id, created_at)
      select id, 'draft', status, created_by, current_revision_id, status_changed_at ${archived}`)
    await tx.execute(sql`insert into notes (article_id, author_id, body, created_at)
      select id, created_by, 'Check the figures', updated_at ${archived} and id % 50 = 0`)
    await countDeskChange(tx)
  })
  await db.execute(sql`vacuum analyze`)
}
