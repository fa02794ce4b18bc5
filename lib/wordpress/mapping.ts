import 'server-only'
import { createHash } from 'node:crypto'
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
    return (await this.entry(kind, sourceId))?.targetId ?? null
  }

  /** The record an item became, and the digest of the item as it was then imported. */
  async entry(kind: SourceKind, sourceId: string): Promise<{ targetId: number; checksum: string } | null> {
    const [row] = await this.db
      .select({ targetId: importedItems.targetId, checksum: importedItems.checksum })
      .from(importedItems)
      .where(and(eq(importedItems.source, this.source), eq(importedItems.kind, kind), eq(importedItems.sourceId, sourceId)))
    return row ?? null
  }

  async set(kind: SourceKind, sourceId: string, targetId: number, checksum = ''): Promise<void> {
    await this.db
      .insert(importedItems)
      .values({ source: this.source, kind, sourceId, targetId, checksum })
      .onConflictDoUpdate({
        target: [importedItems.source, importedItems.kind, importedItems.sourceId],
        set: { targetId, checksum, updatedAt: new Date() },
      })
  }
}

/** A digest of an item as the export gives it: another one means it changed in WordPress. */
export function checksumOf(item: unknown): string {
  return createHash('sha256').update(JSON.stringify(item)).digest('hex')
}
