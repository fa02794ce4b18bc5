/** The media library: uploaded images and what is printed with them. */
import { integer, jsonb, pgTable, real, text } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'
import { users } from './people'

export const media = pgTable('media', {
  id: id(),
  /** Where the original lives in storage (a path under public/ for the demo's drawn images). */
  storageKey: text('storage_key').notNull().unique(),
  contentHash: text('content_hash').notNull().unique(),
  mimeType: text('mime_type').notNull(),
  byteSize: integer('byte_size').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  /** Responsive renditions `{ width, format, key }[]`, and the crops for search engines, which have an `aspect` (lib/media/crop-region.ts). */
  variants: jsonb('variants').$type<{ width: number; format: string; key: string; aspect?: string }[]>().notNull().default([]),
  alt: text('alt').notNull().default(''),
  caption: text('caption').notNull().default(''),
  credit: text('credit').notNull().default(''),
  focalX: real('focal_x').notNull().default(0.5),
  focalY: real('focal_y').notNull().default(0.5),
  uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
})
