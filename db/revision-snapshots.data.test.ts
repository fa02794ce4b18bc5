import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { asc, eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { migrationsFolder } from './config'
import type { Db } from './index'
import { migrate } from './migrate'
import { revisions } from './schema'
import { emptyDatabaseForEachTest } from './testing'

let db: Db
emptyDatabaseForEachTest((fresh) => (db = fresh))

/** The committed migrations up to and including `tag`, as a folder of their own. */
function migrationsUpTo(tag: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-migrations-'))
  fs.cpSync(migrationsFolder, folder, { recursive: true })
  const journalPath = path.join(folder, 'meta/_journal.json')
  const journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] }
  const last = journal.entries.findIndex((entry) => entry.tag === tag)
  if (last < 0) throw new Error(`No migration ${tag}.`)
  fs.writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }))
  return folder
}

describe('migration 0001_revision_snapshots', () => {
  it('gives the revisions of an existing database their article’s routing, bylines, tags and lead caption', async () => {
    const before = migrationsUpTo('0000_init')
    await migrate(db, before)
    fs.rmSync(before, { recursive: true, force: true })
    const statements = [
      `insert into users (id, email, name, slug, password_hash) overriding system value values (1, 'w@example.test', 'W', 'w', 'x')`,
      `insert into sections (id, name, slug) overriding system value values (1, 'World', 'world')`,
      `insert into media (id, storage_key, content_hash, mime_type, byte_size, width, height, caption, credit)
        overriding system value values (1, 'a.svg', 'h', 'image/svg+xml', 1, 1, 1, 'Boats at dawn.', 'AGENCY')`,
      `insert into articles (id, section_id, slug, created_by) overriding system value values (1, 1, 'harbour', 1), (2, 1, 'quiet', 1)`,
      `insert into revisions (id, article_id, number, headline, body, lead_media_id, created_at) overriding system value values
        (1, 1, 1, 'Harbour', '{"type":"doc"}', null, '2030-01-01T00:00:00Z'),
        (2, 1, 2, 'Harbour reopens', '{"type":"doc"}', 1, '2030-01-02T00:00:00Z'),
        (3, 2, 1, 'Quiet', '{"type":"doc"}', null, '2030-01-03T00:00:00Z')`,
      `insert into article_authors (article_id, position, user_id, name, outlet) values (1, 1, null, 'Rania Salem', null), (1, 0, 1, null, null)`,
      `insert into tags (id, name, slug) overriding system value values (1, 'Shipping', 'shipping'), (2, 'Fishing', 'fishing')`,
      `insert into article_tags (article_id, tag_id) values (1, 1), (1, 2)`,
    ]
    for (const statement of statements) await db.execute(sql.raw(statement))

    await migrate(db, migrationsFolder)

    const rows = await db.select().from(revisions).orderBy(asc(revisions.id))
    const harbour = {
      sectionId: 1,
      slug: 'harbour',
      bylines: [{ userId: 1 }, { name: 'Rania Salem', outlet: '' }],
      tags: ['Fishing', 'Shipping'],
    }
    expect(rows).toMatchObject([
      { id: 1, ...harbour, leadCaption: '', leadCredit: '' },
      { id: 2, ...harbour, leadCaption: 'Boats at dawn.', leadCredit: 'AGENCY' },
      { id: 3, sectionId: 1, slug: 'quiet', bylines: [], tags: [], leadCaption: '', leadCredit: '' },
    ])
    const [first] = await db
      .select({ createdAt: revisions.createdAt, updatedAt: revisions.updatedAt })
      .from(revisions)
      .where(eq(revisions.id, 1))
    expect(first?.updatedAt).toEqual(first?.createdAt)
  })
})
