/** What stories are found under besides their section: tags, and the old addresses of tags, sections and stories. */
import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns'
import { articles, sections } from './stories'

/** A tag as the newsroom manages it (lib/tags.ts); its slug is made from its name (lib/slug.ts). */
export const tags = pgTable('tags', {
  id: id(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  /** Plain text shown on the tag's page; '' for none. */
  description: text('description').notNull().default(''),
})

/**
 * Old tag slugs (a tag renamed, or merged into another) and the tag each now leads to: `/tags/<slug>`
 * answers 301 to that tag's page, whatever it is called now, in one hop.
 */
export const tagRedirects = pgTable('tag_redirects', {
  slug: text('slug').primaryKey(),
  tagId: integer('tag_id')
    .notNull()
    .references(() => tags.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
})

export const articleTags = pgTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index('article_tags_tag').on(t.tagId)],
)

/** Old public paths of sections (moved, renamed or retired), each leading to where its section is now. */
export const sectionRedirects = pgTable('section_redirects', {
  path: text('path').primaryKey(),
  sectionId: integer('section_id')
    .notNull()
    .references(() => sections.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
})

/** Old public paths of an article that must redirect to its current one. */
export const slugHistory = pgTable('slug_history', {
  id: id(),
  articleId: integer('article_id')
    .notNull()
    .references(() => articles.id, { onDelete: 'cascade' }),
  path: text('path').notNull().unique(),
  createdAt: createdAt(),
})
