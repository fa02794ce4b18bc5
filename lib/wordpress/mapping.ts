import 'server-only'
import { and, eq } from 'drizzle-orm'
import type { Db } from '@/db'
import { importedItems } from '@/db/schema'

/** What a WordPress item is: the kinds of `imported_items`. */
export type SourceKind = 'author' | 'category' | 'tag' | 'attachment' | 'post'

/**
 * Which record each item of one WordPress site became here (`imported_items`), so that importing
 * the same site again finds what it made the first time.
 */
export class ImportMap {
  constructor(
    private readonly db: Db,
    /** The site the export came from (its address), so two sites' ids never meet. */
    readonly source: string,
  ) {}

  async get(kind: SourceKind, sourceId: string): Promise<number | null> {
    const [row] = await this.db
      .select({ targetId: importedItems.targetId })
      .from(importedItems)
      .where(and(eq(importedItems.source, this.source), eq(importedItems.kind, kind), eq(importedItems.sourceId, sourceId)))
    return row?.targetId ?? null
  }

  async set(kind: SourceKind, sourceId: string, targetId: number): Promise<void> {
    await this.db
      .insert(importedItems)
      .values({ source: this.source, kind, sourceId, targetId })
      .onConflictDoUpdate({
        target: [importedItems.source, importedItems.kind, importedItems.sourceId],
        set: { targetId, updatedAt: new Date() },
      })
  }
}
