import 'server-only'
import { aliasedTable, and, asc, eq, inArray } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { articles, notes, revisions, users } from '@/db/schema'
import { checkRead } from './article-access'
import { ownerIds } from './article-attribution'
import { authorize } from './authorize'
import { mentionedSlugs } from './notification-kinds'
import { notifiedStory, notify } from './notifications'
import type { Actor } from './permissions'
import { deskOf, sectionDeskOf } from './section-desks'
import { type Result, refusal } from './refusal'
import { trashedStoryMessage } from './workflow'
import { cleanNote, noteProblem } from './workflow-input'
import { commentQuote } from './comments'

// Editorial notes: threads on a story that everyone working on it reads. A thread is a note
// without a parent; a reply to a reply joins its thread, so threads are one level deep. Threads
// are resolved and reopened; replying to a resolved thread reopens it. A thread with a quote is a
// comment on those words of the body (lib/comments.ts), shown beside them rather than under the story.

/** One note as the desk shows it. */
export type NoteView = {
  id: number
  body: string
  authorId: number | null
  /** Null when that account no longer exists. */
  authorName: string | null
  createdAt: Date
}

/** A thread: its first note, whether it is resolved, and the replies in order. */
export type NoteThread = NoteView & {
  /** For a comment on the words, the words it was written on; null for a note on the whole story. */
  quote: string | null
  isResolved: boolean
  resolvedAt: Date | null
  resolvedByName: string | null
  replies: NoteView[]
}

const missing = refusal('missing', 'This story no longer exists; it may have been deleted.')

/**
 * Adds a note to a story, or a reply to one of its threads; a new thread with a `quote` is a
 * comment on those words. Writers may write only on their own stories. Given a transaction, it
 * writes inside it (request-changes does), so that a refusal there leaves nothing behind.
 */
export async function addNote(
  db: Db | Tx,
  actor: Actor,
  articleId: number,
  input: { body: string; parentId?: number | null; quote?: string },
  options: { now?: Date } = {},
): Promise<Result<{ noteId: number; threadId: number }>> {
  const body = cleanNote(input.body)
  const problem = noteProblem(body)
  if (problem) return refusal('invalid', problem)
  if (body === '') return refusal('invalid', 'Write the note first.')
  const quote = input.quote === undefined ? null : commentQuote(input.quote)
  if (quote === '') return refusal('invalid', 'Select the words to comment on first.')
  if (quote !== null && input.parentId != null) return refusal('invalid', 'A reply answers its thread; it is not on words of its own.')
  const now = options.now ?? new Date()

  return db.transaction(async (tx) => {
    const target = await noteTarget(tx, articleId)
    if (!target.ok) return target
    const allowed = await authorize(tx, actor, 'note.write', { ownerIds: target.ownerIds })
    if (!allowed.ok) return allowed

    const mentioned = await mentionsIn(tx, articleId, body)
    if (!mentioned.ok) return mentioned

    let threadId: number | null = null
    let threadAuthorId: number | null = null
    if (input.parentId != null) {
      const [parent] = await tx
        .select({ id: notes.id, parentId: notes.parentId, authorId: notes.authorId })
        .from(notes)
        .where(and(eq(notes.id, input.parentId), eq(notes.articleId, articleId)))
      if (!parent) return refusal('missing', 'The note you are replying to no longer exists.')
      threadId = parent.parentId ?? parent.id
      threadAuthorId = parent.authorId
      await tx.update(notes).set({ resolvedAt: null, resolvedBy: null }).where(eq(notes.id, threadId))
    }
    const [note] = await tx
      .insert(notes)
      .values({ articleId, parentId: threadId, authorId: actor.id, body, quote, createdAt: now })
      .returning({ id: notes.id })
    if (!note) throw new Error('Inserting a note returned no row.')
    const event = { articleId, actorId: actor.id, detail: { note: body }, now }
    await notify(tx, { ...event, kind: 'mentioned', userIds: mentioned.userIds })
    if (threadAuthorId !== null && !mentioned.userIds.includes(threadAuthorId)) {
      await notify(tx, { ...event, kind: 'replied', userIds: [threadAuthorId] })
    }
    return { ok: true, noteId: note.id, threadId: threadId ?? note.id }
  })
}

/** A story's threads, oldest first, each with its replies in order; null when the story does not exist. */
export async function listNotes(db: Db, articleId: number): Promise<NoteThread[] | null> {
  const [article] = await db.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId))
  if (!article) return null
  const resolver = aliasedTable(users, 'resolver')
  const rows = await db
    .select({
      id: notes.id,
      parentId: notes.parentId,
      body: notes.body,
      quote: notes.quote,
      authorId: notes.authorId,
      authorName: users.name,
      createdAt: notes.createdAt,
      resolvedAt: notes.resolvedAt,
      resolvedByName: resolver.name,
    })
    .from(notes)
    .leftJoin(users, eq(users.id, notes.authorId))
    .leftJoin(resolver, eq(resolver.id, notes.resolvedBy))
    .where(eq(notes.articleId, articleId))
    .orderBy(asc(notes.createdAt), asc(notes.id))

  const threads = new Map<number, NoteThread>()
  for (const row of rows) {
    if (row.parentId !== null) continue
    threads.set(row.id, {
      ...view(row),
      quote: row.quote,
      isResolved: row.resolvedAt !== null,
      resolvedAt: row.resolvedAt,
      resolvedByName: row.resolvedAt === null ? null : row.resolvedByName,
      replies: [],
    })
  }
  for (const row of rows) {
    if (row.parentId !== null) threads.get(row.parentId)?.replies.push(view(row))
  }
  return [...threads.values()]
}

/** Resolves or reopens a thread. Replies are resolved with their thread. */
export async function setNoteResolved(
  db: Db,
  actor: Actor,
  noteId: number,
  resolved: boolean,
  options: { now?: Date } = {},
): Promise<Result<{ articleId: number }>> {
  const now = options.now ?? new Date()
  return db.transaction(async (tx) => {
    const [note] = await tx.select({ articleId: notes.articleId, parentId: notes.parentId }).from(notes).where(eq(notes.id, noteId))
    if (!note) return refusal('missing', 'This note no longer exists.')
    if (note.parentId !== null) return refusal('invalid', 'Resolve the thread this reply belongs to.')
    const target = await noteTarget(tx, note.articleId)
    if (!target.ok) return target
    const allowed = await authorize(tx, actor, 'note.write', { ownerIds: target.ownerIds })
    if (!allowed.ok) return allowed
    await tx
      .update(notes)
      .set(resolved ? { resolvedAt: now, resolvedBy: actor.id } : { resolvedAt: null, resolvedBy: null })
      .where(eq(notes.id, noteId))
    return { ok: true, articleId: note.articleId }
  })
}

/**
 * The people a note mentions (`@slug`): refused, naming them, when nobody on the staff has that
 * name or when they may not open the story (the writer of the note may; telling them so leaks nothing).
 */
async function mentionsIn(tx: Tx, articleId: number, body: string): Promise<Result<{ userIds: number[] }>> {
  const slugs = mentionedSlugs(body)
  if (slugs.length === 0) return { ok: true, userIds: [] }
  const people = await tx
    .select({ id: users.id, slug: users.slug, name: users.name, role: users.role, sections: sectionDeskOf(users.id) })
    .from(users)
    .where(and(inArray(users.slug, slugs), eq(users.isDisabled, false)))
  const unknown = slugs.filter((slug) => !people.some((person) => person.slug === slug))
  if (unknown.length > 0) {
    const names = unknown.map((slug) => `@${slug}`).join(', ')
    return refusal('invalid', `Nobody on the staff is called ${names}; mention people by the name on their profile, like @tomas-ferreira.`)
  }
  const story = await notifiedStory(tx, articleId)
  if (!story) return missing
  const outside = people.filter((person) => !checkRead({ id: person.id, role: person.role, ...deskOf(person.sections) }, story).ok)
  if (outside.length > 0) {
    const names = outside.map((person) => `${person.name} (@${person.slug})`).join(', ')
    return refusal('invalid', `${names} cannot open this story, so the note cannot mention them.`)
  }
  return { ok: true, userIds: people.map((person) => person.id) }
}

/** Who owns the story (creator and staff bylines, live or newest), or null when it does not exist. */
/** Who owns the story, for the permission table; refused when it does not exist or is in the trash. */
async function noteTarget(tx: Tx, articleId: number): Promise<Result<{ ownerIds: number[] }>> {
  const [row] = await tx
    .select({ id: articles.id, createdBy: articles.createdBy, trashedAt: articles.trashedAt, bylines: revisions.bylines })
    .from(articles)
    .leftJoin(revisions, eq(revisions.id, articles.currentRevisionId))
    .where(eq(articles.id, articleId))
  if (!row) return missing
  if (row.trashedAt) return refusal('invalid', trashedStoryMessage)
  return { ok: true, ownerIds: await ownerIds(tx, row, row.bylines ?? []) }
}

function view(row: { id: number; body: string; authorId: number | null; authorName: string | null; createdAt: Date }): NoteView {
  return { id: row.id, body: row.body, authorId: row.authorId, authorName: row.authorName, createdAt: row.createdAt }
}
