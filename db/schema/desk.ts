/** The desk's record around a story: the workflow's audit trail, notes, corrections and who has it open. */
import { sql } from 'drizzle-orm'
import { type AnyPgColumn, bigint, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'
import { users } from './people'
import { articleStatus, articles, revisions } from './stories'

/** The audit trail: every status change of an article. */
export const workflowEvents = pgTable(
  'workflow_events',
  {
    id: id(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    fromStatus: articleStatus('from_status'),
    toStatus: articleStatus('to_status').notNull(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    revisionId: integer('revision_id').references(() => revisions.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('workflow_events_article').on(t.articleId, t.createdAt),
    // The desk's "changed since you last looked".
    index('workflow_events_created').on(t.createdAt),
  ],
)

/** Editorial notes on an article; a reply names its parent. */
export const notes = pgTable(
  'notes',
  {
    id: id(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id').references((): AnyPgColumn => notes.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    /** A comment on the words (lib/comments.ts): the words it was written on. Null for a note on the whole story and for replies. */
    quote: text('quote'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: integer('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('notes_article').on(t.articleId)],
)

export const correctionKind = pgEnum('correction_kind', ['correction', 'update'])

/**
 * Corrections and update notes printed with a published story and on /corrections. Never
 * deleted: retracting one records who, when and why, and readers see that it was withdrawn.
 */
export const corrections = pgTable(
  'corrections',
  {
    id: id(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    kind: correctionKind('kind').notNull(),
    body: text('body').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    retractedAt: timestamp('retracted_at', { withTimezone: true }),
    retractedBy: integer('retracted_by').references(() => users.id, { onDelete: 'set null' }),
    retractionNote: text('retraction_note').notNull().default(''),
  },
  (t) => [index('corrections_article').on(t.articleId, t.createdAt), index('corrections_created').on(t.createdAt)],
)

/** Who had a story open in the editor, and when their editor last said so. */
export const articlePresence = pgTable(
  'article_presence',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] })],
)

/**
 * One row: how many transactions have changed the desk's stories, revisions, notes, events or
 * people's or sections' names, counted by the database as each commits (migration 0026's triggers). The desk
 * keeps its lists, counts and news box while it stays the same (lib/desk-kept.ts).
 */
export const deskChanges = pgTable(
  'desk_changes',
  {
    id: integer('id').primaryKey().default(1),
    generation: bigint('generation', { mode: 'number' }).notNull().default(0),
  },
  (t) => [check('desk_changes_one_row', sql`${t.id} = 1`)],
)

/**
 * How many transactions have changed each part of what the desk keeps (migration 0028's triggers):
 * `list:<status>` (or `list:trash`) the lists' lines of stories in that state, `count` what the
 * counts read of a story, `news:<user id>` what the news box of one of a story's owners reads. A
 * kept value holds while its parts and `desk_changes` (names, anything the triggers did not see)
 * stay the same (lib/desk-kept.ts).
 */
export const deskChangesByPart = pgTable('desk_changes_by_part', {
  part: text('part').primaryKey(),
  generation: bigint('generation', { mode: 'number' }).notNull().default(0),
})

export type ArticlePresence = typeof articlePresence.$inferSelect
export type Correction = typeof corrections.$inferSelect
export type CorrectionKind = (typeof correctionKind.enumValues)[number]
