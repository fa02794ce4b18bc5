import { asc, eq } from 'drizzle-orm'
import { afterAll } from 'vitest'
import type { Db } from '@/db'
import { createTestDatabase } from '@/db/testing'
import { type ArticleStatus, type RichTextDoc, articles, media, revisions, sections, users, workflowEvents } from '@/db/schema'
import { saveArticle } from '@/lib/article-drafts'
import { createArticle } from '@/lib/article-create'
import { type ArticleInputRaw, articleInputSchema } from '@/lib/article-input'
import type { Actor } from '@/lib/permissions'
import { type TransitionOptions, type TransitionResult, type TransitionedArticle, transition } from '@/lib/transitions'
import { checkIds } from '@/lib/prepublish-checks'
import { type WorkflowAction, workflow } from '@/lib/workflow'

/** A small newsroom for data tests: two writers, an editor, an admin, two sections, one image. */
export type Newsroom = {
  writer: Actor
  writer2: Actor
  editor: Actor
  admin: Actor
  sectionId: number
  otherSectionId: number
  mediaId: number
}

export async function makeNewsroom(db: Db): Promise<Newsroom> {
  const people = await db
    .insert(users)
    .values(
      (['writer', 'writer2', 'editor', 'admin'] as const).map((key) => ({
        email: `${key}@example.test`,
        name: `${key.charAt(0).toUpperCase()}${key.slice(1)} Person`,
        slug: key,
        role: key === 'writer2' ? ('writer' as const) : key,
        passwordHash: 'not a real hash',
      })),
    )
    .returning({ id: users.id, role: users.role, slug: users.slug })
  const actor = (slug: string): Actor => {
    const person = people.find((row) => row.slug === slug)
    if (!person) throw new Error(`no ${slug}`)
    return { id: person.id, role: person.role }
  }
  const [world, business] = await db
    .insert(sections)
    .values([
      { name: 'World', slug: 'world', position: 0 },
      { name: 'Business', slug: 'business', position: 1 },
    ])
    .returning({ id: sections.id })
  const [image] = await db
    .insert(media)
    .values({
      storageKey: 'demo/test.svg',
      contentHash: 'abc',
      mimeType: 'image/svg+xml',
      byteSize: 10,
      width: 10,
      height: 10,
      alt: 'Boats moored in a small harbour',
      caption: 'A harbour',
      credit: 'AGENCY',
    })
    .returning({ id: media.id })
  if (!world || !business || !image) throw new Error('The test newsroom was not created.')
  return {
    writer: actor('writer'),
    writer2: actor('writer2'),
    editor: actor('editor'),
    admin: actor('admin'),
    sectionId: world.id,
    otherSectionId: business.id,
    mediaId: image.id,
  }
}

/**
 * A throwaway database with a small newsroom in it, for one data-test file: call it at the top of
 * the file (`const { db, newsroom } = await openTestNewsroom()`); it is discarded when the file's
 * tests are done. In-memory PGlite, or a fresh database on PostgreSQL under `DATA_TEST_DRIVER=pg`.
 */
/** The refusal every door answers a person whose account was disabled since signing in. */
export const disabledRefusal = { ok: false, reason: 'forbidden', message: 'Your account has been disabled; ask an administrator.' }

/** A person signed in as `role` whose account has since been disabled: what the session still says of them. */
export async function disabledPerson(db: Db, role: Actor['role']): Promise<Actor> {
  const slug = `disabled-${role}-${Math.floor(Math.random() * 1e9)}`
  const [person] = await db
    .insert(users)
    .values({ email: `${slug}@example.test`, name: 'Disabled Person', slug, role, passwordHash: 'x', isDisabled: true })
    .returning({ id: users.id })
  if (!person) throw new Error('Inserting a person returned no row.')
  return { id: person.id, role }
}

export async function openTestNewsroom(): Promise<{ db: Db; newsroom: Newsroom }> {
  const db = await openTestDatabase()
  return { db, newsroom: await makeNewsroom(db) }
}

/** Like `openTestNewsroom`, with no one and nothing in the database: for tests that make their own. */
export async function openTestDatabase(): Promise<Db> {
  const database = await createTestDatabase()
  afterAll(() => database.close())
  return database.db
}

/** Runs `body` on a database and newsroom of its own, discarded afterwards: for a test that must see only its own data. */
export async function withOwnNewsroom<T>(body: (opened: { db: Db; newsroom: Newsroom }) => Promise<T>): Promise<T> {
  const database = await createTestDatabase()
  try {
    return await body({ db: database.db, newsroom: await makeNewsroom(database.db) })
  } finally {
    await database.close()
  }
}

/** A document of paragraphs, one per argument. */
export function docOf(...paragraphs: string[]): RichTextDoc {
  return { type: 'doc', content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) }
}

/** Starts a story as `by` (the newsroom's writer by default) and returns its id. */
export async function makeStory(
  db: Db,
  newsroom: Newsroom,
  options: { by?: Actor; headline?: string; sectionId?: number; now?: Date } = {},
): Promise<number> {
  const result = await createArticle(
    db,
    options.by ?? newsroom.writer,
    { headline: options.headline ?? 'Harbour reopens', sectionId: options.sectionId ?? newsroom.sectionId },
    { now: options.now },
  )
  if (!result.ok) throw new Error(result.message)
  return result.articleId
}

/** The article's row as stored. */
export async function articleRow(db: Db, articleId: number) {
  const [row] = await db.select().from(articles).where(eq(articles.id, articleId))
  if (!row) throw new Error(`no article ${articleId}`)
  return row
}

/**
 * Saves a new revision as `actor` on top of the story's newest one, changing only `fields`
 * (bylines and the lead image's credit default to the story's current ones), at the story's current version.
 */
export async function editStory(
  db: Db,
  actor: Actor,
  articleId: number,
  fields: Partial<ArticleInputRaw> = {},
  options: { kind?: 'save' | 'autosave'; now?: Date } = {},
): Promise<void> {
  const article = await articleRow(db, articleId)
  const [current] = await db
    .select()
    .from(revisions)
    .where(eq(revisions.id, article.currentRevisionId ?? -1))
  if (!current) throw new Error(`article ${articleId} has no current revision`)
  // As the form does: the lead image's credit is kept, or prefilled from the library.
  const leadMediaId = fields.leadMediaId === undefined ? current.leadMediaId : Number(fields.leadMediaId) || null
  const [lead] = leadMediaId ? await db.select({ credit: media.credit }).from(media).where(eq(media.id, leadMediaId)) : []
  const input = articleInputSchema.parse({
    headline: current.headline,
    standfirst: current.standfirst,
    dateline: current.dateline,
    body: current.body,
    sectionId: current.sectionId,
    slug: current.slug,
    tags: current.tags,
    bylines: current.bylines,
    leadMediaId: current.leadMediaId,
    leadCredit: current.leadCredit || lead?.credit || '',
    seoTitle: current.seoTitle,
    seoDescription: current.seoDescription,
    socialHeadline: current.socialHeadline,
    socialMediaId: current.socialMediaId,
    ...fields,
  })
  const result = await saveArticle(db, actor, articleId, input, {
    baseVersion: article.version,
    kind: options.kind ?? 'save',
    now: options.now,
  })
  if (!result.ok) throw new Error(result.message)
}

/** Takes a workflow action at the story's current version, and answers as the desk would be answered. */
export async function tryAct(
  db: Db,
  actor: Actor,
  articleId: number,
  action: WorkflowAction,
  options: Omit<TransitionOptions, 'baseVersion'> = {},
): Promise<TransitionResult> {
  const { version } = await articleRow(db, articleId)
  // Tests of other rules confirm the checklist's warnings, as an editor would; tests of the checklist say what they confirm.
  return transition(db, actor, articleId, action, { confirmWarnings: checkIds, ...options, baseVersion: version })
}

/**
 * Takes a workflow action at the story's current version, failing the test if it is refused. An
 * action that requires a note (a reason to unpublish…) gets one when the test gives none.
 */
export async function act(
  db: Db,
  actor: Actor,
  articleId: number,
  action: WorkflowAction,
  options: Omit<TransitionOptions, 'baseVersion'> = {},
): Promise<TransitionedArticle> {
  const note = options.note ?? (workflow[action].note === 'required' ? `A note to ${action}, for a test.` : undefined)
  const result = await tryAct(db, actor, articleId, action, { ...options, note })
  if (!result.ok) throw new Error(`${action} was refused: ${result.message}`)
  return result.article
}

/** A story's audit trail, oldest first. */
export async function auditTrail(db: Db, articleId: number) {
  return db.select().from(workflowEvents).where(eq(workflowEvents.articleId, articleId)).orderBy(asc(workflowEvents.id))
}

/** A story's revisions, oldest first. */
export async function revisionRows(db: Db, articleId: number) {
  return db.select().from(revisions).where(eq(revisions.articleId, articleId)).orderBy(asc(revisions.number))
}

/** A story by the newsroom's writer, taken through the workflow by its editor to `status`. */
export async function storyIn(
  db: Db,
  newsroom: Newsroom,
  status: ArticleStatus,
  options: { headline?: string; by?: Actor; sectionId?: number; now?: Date } = {},
): Promise<number> {
  const id = await makeStory(db, newsroom, options)
  const now = options.now
  const { editor } = newsroom
  const steps: Record<ArticleStatus, [Actor, WorkflowAction][]> = {
    draft: [],
    in_review: [[options.by ?? newsroom.writer, 'submit']],
    changes_requested: [
      [options.by ?? newsroom.writer, 'submit'],
      [editor, 'requestChanges'],
    ],
    approved: [
      [options.by ?? newsroom.writer, 'submit'],
      [editor, 'approve'],
    ],
    scheduled: [
      [options.by ?? newsroom.writer, 'submit'],
      [editor, 'schedule'],
    ],
    published: [
      [options.by ?? newsroom.writer, 'submit'],
      [editor, 'publish'],
    ],
    unpublished: [
      [options.by ?? newsroom.writer, 'submit'],
      [editor, 'publish'],
      [editor, 'unpublish'],
    ],
  }
  const base = now ?? new Date()
  for (const [actor, action] of steps[status]) {
    await act(db, actor, id, action, {
      now,
      note: action === 'requestChanges' ? 'Check the figures.' : undefined,
      scheduledAt: action === 'schedule' ? new Date(base.getTime() + 60 * 60 * 1000) : undefined,
    })
  }
  return id
}
