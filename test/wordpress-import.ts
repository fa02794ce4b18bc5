import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { and, count, eq } from 'drizzle-orm'
import { afterAll } from 'vitest'
import { articles, importedItems, media, revisions, sections, slugHistory, tags, users } from '@/db/schema'
import { LocalMediaStorage } from '@/lib/media/storage'
import { type ImportOptions, importWordPress } from '@/lib/wordpress/run'
import { openTestNewsroom } from './newsroom'

/** The made-up WordPress exports and their uploads (test/fixtures/wordpress/). */
export const wordpressFixtures = path.join(import.meta.dirname, 'fixtures', 'wordpress')

/**
 * A test newsroom to import WordPress exports into, with a media library on a throwaway directory
 * (removed when the file's tests end), and what the import tests look at.
 */
export async function openImportTest() {
  const { db, newsroom } = await openTestNewsroom()
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'copydesk-wordpress-test-'))
  const storage = new LocalMediaStorage(root)
  afterAll(() => fs.rm(root, { recursive: true, force: true }))

  /** Imports `file` (the fixture export by default) from the fixture uploads; throws on a refusal. */
  async function run(options: Partial<ImportOptions> = {}) {
    const result = await importWordPress(db, {
      file: path.join(wordpressFixtures, 'export.xml'),
      mediaFolder: path.join(wordpressFixtures, 'uploads'),
      storage,
      now: new Date('2026-12-01T12:00:00Z'),
      ...options,
    })
    if (!result.ok) throw new Error(result.message)
    return result.report
  }

  /** Every row count the import could change, to compare before and after. */
  async function tableCounts() {
    const tables = { articles, revisions, sections, tags, users, media, slugHistory, importedItems }
    const entries = await Promise.all(
      Object.entries(tables).map(async ([name, table]) => {
        const [row] = await db.select({ total: count() }).from(table)
        return [name, row?.total ?? 0] as const
      }),
    )
    return Object.fromEntries(entries)
  }

  /** The story a post became, with its current revision. */
  async function storyOf(postId: string) {
    const [item] = await db
      .select()
      .from(importedItems)
      .where(and(eq(importedItems.kind, 'post'), eq(importedItems.sourceId, postId)))
    if (!item) throw new Error(`post ${postId} was not imported`)
    const [row] = await db
      .select({ article: articles, revision: revisions })
      .from(articles)
      .innerJoin(revisions, eq(revisions.id, articles.currentRevisionId))
      .where(eq(articles.id, item.targetId))
    if (!row) throw new Error(`no story for post ${postId}`)
    return row
  }

  return { db, newsroom, root, storage, run, tableCounts, storyOf }
}
