/** Stories and what they are filed under: sections, articles, their revisions and bylines (tags and old addresses: tags.ts). */
import { type SQL, sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'
import { users } from './people'
import { media } from './media'

export const articleStatus = pgEnum('article_status', [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'unpublished',
])

/** The states of the desk's smaller lists: each has its own index of the stories' words (`articles_search_<state>`). */
const deskSearchStates = [
  'draft',
  'in_review',
  'changes_requested',
  'scheduled',
] as const satisfies (typeof articleStatus.enumValues)[number][]

export const revisionKind = pgEnum('revision_kind', ['autosave', 'save', 'published'])

export const sections = pgTable(
  'sections',
  {
    id: id(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => sections.id, { onDelete: 'restrict' }),
    position: integer('position').notNull().default(0),
    description: text('description').notNull().default(''),
  },
  (t) => [unique('sections_parent_slug').on(t.parentId, t.slug).nullsNotDistinct()],
)

/** PostgreSQL's `tsvector`. Only the database writes it (a generated column, a trigger); the app only queries it. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

export const articles = pgTable(
  'articles',
  {
    id: id(),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'restrict' }),
    slug: text('slug').notNull(),
    status: articleStatus('status').notNull().default('draft'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    currentRevisionId: integer('current_revision_id').references((): AnyPgColumn => revisions.id),
    publishedRevisionId: integer('published_revision_id').references((): AnyPgColumn => revisions.id),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    firstPublishedAt: timestamp('first_published_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the story entered its status (lib/status-change.ts): what the review queue waits on. */
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic concurrency: every change increments it; a write names the version it read. */
    version: integer('version').notNull().default(1),
    /** In the trash since (lib/trash.ts): off every desk list but the trash's; purged after the newsroom's retention. */
    trashedAt: timestamp('trashed_at', { withTimezone: true }),
    trashedBy: integer('trashed_by').references(() => users.id, { onDelete: 'set null' }),
    /** Nothing of the story reaches readers before this instant, whoever asks (lib/embargo.ts); null: no embargo. */
    embargoUntil: timestamp('embargo_until', { withTimezone: true }),
    /** The revision an editor approved: what publishing publishes (lib/transitions.ts); null when none is. */
    approvedRevisionId: integer('approved_revision_id').references((): AnyPgColumn => revisions.id, { onDelete: 'set null' }),
    /**
     * Who owns the story: its creator and every staff member on its bylines (`article_authors`),
     * kept by database triggers (migration 0012), so that "mine" on the desk is one indexed test.
     */
    ownerIds: integer('owner_ids')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    /** The revision this story was duplicated from ("Follow-up to …"), if it was. */
    duplicatedFrom: integer('duplicated_from').references((): AnyPgColumn => revisions.id, { onDelete: 'set null' }),
    /**
     * The current revision's search vector, copied by database triggers (migrations 0027, 0030)
     * whenever the current revision changes or is updated in place: what the desk's search reads
     * (lib/desk-queues-conditions.ts), one row per story instead of every version of each.
     */
    currentSearchVector: tsvector('current_search_vector'),
  },
  (t) => [
    unique('articles_section_slug').on(t.sectionId, t.slug),
    index('articles_status_updated').on(t.status, t.updatedAt),
    // The review queue (oldest waiting first) and "Sent back to me" (newest first).
    index('articles_status_changed').on(t.status, t.statusChangedAt, t.id),
    // The story whose current revision this is (migration 0027 copies an updated revision's words to it).
    index('articles_current_revision').on(t.currentRevisionId),
    // The desk's search: the current revision's words, a word being typed by its beginning.
    index('articles_search').using('gin', t.currentSearchVector),
    // The same, per list a search's counts count each (lib/desk-queues-counts.ts): a common word's
    // count of the stories in review reads the matches in review only, not every match's; with the
    // owners, "mine" (my drafts, sent back to me) is matched in the index too, not story by story.
    ...deskSearchStates.map((state) =>
      index(`articles_search_${state}`)
        .using('gin', t.currentSearchVector, t.ownerIds)
        .where(sql`${t.trashedAt} is null and ${t.status} = ${sql.raw(`'${state}'`)}`),
    ),
    index('articles_search_trash')
      .using('gin', t.currentSearchVector)
      .where(sql`${t.trashedAt} is not null`),
    index('articles_published').on(t.publishedAt),
    // What readers can see, newest first: the desk's "Recently published" and its count.
    index('articles_live')
      .on(t.publishedAt, t.id)
      .where(sql`${t.publishedRevisionId} is not null and ${t.status} <> 'unpublished'`),
    // "Mine" on the desk: stories a person created or is bylined on.
    index('articles_created_by').on(t.createdBy),
    index('articles_owners').using('gin', t.ownerIds),
    // The desk's list of every story, most recently changed first.
    index('articles_updated').on(t.updatedAt, t.id),
    // The same, for the stories out of the trash: every list but the trash's, and their counts.
    index('articles_kept')
      .on(t.updatedAt, t.id)
      .where(sql`${t.trashedAt} is null`),
    // The desk's filter by section (and state), out of the trash: the lists and their counts.
    index('articles_section_status_updated')
      .on(t.sectionId, t.status, t.updatedAt, t.id)
      .where(sql`${t.trashedAt} is null`),
    // The desk's counts and lists of the stories in progress for one person: "mine" (`owner_ids`)
    // and what a writer may read (`published_revision_id`) tested in the index, never the table.
    index('articles_desk_owners')
      .on(t.status, t.updatedAt, t.id, t.ownerIds, t.publishedRevisionId)
      .where(sql`${t.trashedAt} is null and ${t.status} in ('draft', 'in_review', 'changes_requested', 'approved', 'scheduled')`),
    // The scheduler's question every few seconds: which scheduled stories are due?
    index('articles_scheduled_due')
      .on(t.scheduledAt)
      .where(sql`${t.status} = 'scheduled'`),
    // The trash's list, and the scheduler's purge of what has been there too long.
    index('articles_trashed')
      .on(t.trashedAt)
      .where(sql`${t.trashedAt} is not null`),
  ],
)

/** The TipTap document a revision stores. */
export type RichTextDoc = { type: 'doc'; content?: RichTextNode[] }
export type RichTextNode = {
  type: string
  attrs?: Record<string, unknown>
  content?: RichTextNode[]
  text?: string
  marks?: { type: string; attrs?: Record<string, unknown> }[]
}

/** One name on a story: a staff member, or an outside contributor and the outlet they write for. */
export type Byline = { userId: number } | { name: string; outlet: string }

/**
 * The complete editorial snapshot of an article: text, routing (section, slug), attribution
 * (bylines, tags), lead image, SEO and sharing. A published revision is never changed (but for its
 * tag names, when the newsroom renames or merges a tag: lib/tag-changes.ts); work on the next
 * version makes new revisions. Only the latest revision, when it is an autosave, is updated in
 * place (autosaves coalesce), which is why it has an `updated_at`.
 */
export const revisions = pgTable(
  'revisions',
  {
    id: id(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    kind: revisionKind('kind').notNull().default('save'),
    headline: text('headline').notNull(),
    standfirst: text('standfirst').notNull().default(''),
    /** Where the story was reported from ("BEIRUT"), printed at the start of its body; '' for none. */
    dateline: text('dateline').notNull().default(''),
    body: jsonb('body').$type<RichTextDoc>().notNull(),
    bodyText: text('body_text').notNull().default(''),
    wordCount: integer('word_count').notNull().default(0),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'restrict' }),
    slug: text('slug').notNull(),
    /** In order. Staff ids here are not foreign keys; `article_authors` mirrors the live bylines with them. */
    bylines: jsonb('bylines').$type<Byline[]>().notNull().default([]),
    /** Tag names as written; `article_tags` mirrors the live revision's. */
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    leadMediaId: integer('lead_media_id').references(() => media.id, { onDelete: 'set null' }),
    /** The caption and credit printed with this story's lead image (prefilled from the media library). */
    leadCaption: text('lead_caption').notNull().default(''),
    leadCredit: text('lead_credit').notNull().default(''),
    seoTitle: text('seo_title').notNull().default(''),
    seoDescription: text('seo_description').notNull().default(''),
    /** What link previews (Open Graph, Twitter cards) show instead of the SEO title or headline, when set. */
    socialHeadline: text('social_headline').notNull().default(''),
    /** The picture link previews show instead of the lead image, when set. */
    socialMediaId: integer('social_media_id').references(() => media.id, { onDelete: 'set null' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** A version someone set aside when two saves collided: kept in the history, marked, never current. */
    notKept: boolean('not_kept').notNull().default(false),
    /** Everyone whose typing went into this revision when it was cut from a shared document (lib/collab/); empty otherwise. */
    contributors: jsonb('contributors').$type<number[]>().notNull().default([]),
    /** Last written: later than `created_at` only for an autosave that later autosaves updated. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * What readers' search matches (lib/search.ts): headline weighted A, standfirst B, body C.
     * 'english' rather than 'simple': stemming lets "ferries" find "ferry", and stop words keep
     * "the" out of the index; the site is written in English. lib/search.ts must parse queries
     * with the same configuration.
     */
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', ${revisions.headline}), 'A') || setweight(to_tsvector('english', ${revisions.standfirst}), 'B') || setweight(to_tsvector('english', ${revisions.bodyText}), 'C')`,
    ),
  },
  (t) => [
    unique('revisions_article_number').on(t.articleId, t.number),
    index('revisions_section_slug').on(t.sectionId, t.slug),
    index('revisions_search').using('gin', t.searchVector),
  ],
)

/** Ordered bylines: a staff user, or a named outside contributor with an outlet. */
export const articleAuthors = pgTable(
  'article_authors',
  {
    id: id(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'restrict' }),
    name: text('name'),
    outlet: text('outlet'),
  },
  (t) => [
    unique('article_authors_position').on(t.articleId, t.position),
    index('article_authors_user').on(t.userId),
    check('article_authors_who', sql`${t.userId} is not null or ${t.name} is not null`),
  ],
)

export type ArticleStatus = (typeof articleStatus.enumValues)[number]
export type Section = typeof sections.$inferSelect
export type Article = typeof articles.$inferSelect
export type Revision = typeof revisions.$inferSelect
