import 'server-only'
import { and, eq } from 'drizzle-orm'
import type { Db } from '@/db'
import { sessions, users } from '@/db/schema'
import { getArticleForEditing } from '../editable-article'
import type { Actor } from '../permissions'
import { type Result, refusal } from '../refusal'
import { deskOf, sectionDeskOf } from '../section-desks'

/** What a person may do with a story's shared document: type into it, or only watch it. */
export type CollabAccess = 'edit' | 'read'

/** Who holds a connection: the person and the session their ticket was minted for. */
export type CollabVisitor = { userId: number; sessionId: string }

/**
 * What this person, in this session, may do with this story's shared document now, as the
 * database knows them: their session still open, their account enabled, their role, section
 * desk and ownership of the story read afresh, and the story's status (the same checks as
 * opening it in the editor: `getArticleForEditing`). A story they may not read answers as missing.
 */
export async function collabAccess(
  db: Db,
  visitor: CollabVisitor,
  articleId: number,
): Promise<Result<{ access: CollabAccess; name: string; actor: Actor }, 'unauthenticated' | 'missing'>> {
  const [person] = await db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      isDisabled: users.isDisabled,
      endedAt: sessions.endedAt,
      sections: sectionDeskOf(users.id),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, visitor.sessionId), eq(users.id, visitor.userId)))
  if (!person || person.endedAt !== null) return refusal('unauthenticated', 'Your session has ended; sign in again.')
  if (person.isDisabled) return refusal('unauthenticated', 'Your account has been disabled; ask an administrator.')
  const actor: Actor = { id: person.id, role: person.role, ...deskOf(person.sections) }
  const story = await getArticleForEditing(db, actor, articleId)
  if (!story) return refusal('missing', 'This story no longer exists, or you may no longer open it.')
  return { ok: true, access: story.canEdit ? 'edit' : 'read', name: person.name, actor }
}

/** What the watcher needs of a sync server connection (Hocuspocus's `Connection`). */
export type WatchedConnection = { readOnly: boolean; close: (event?: { code: number; reason: string }) => void }

/** Closed because access changed: the editor asks for a new ticket and reconnects with what it may do now. */
export const accessChangedClose = { code: 4403, reason: 'access-changed' }

type Watched = CollabVisitor & { articleId: number; access: CollabAccess }

/**
 * Re-checks every open connection's access every `intervalMs` (a few seconds), closing those
 * whose person may now do less, or more, than the connection allows: a demoted or disabled
 * person, an ended session, a story moved out of their reach. One query set per person and
 * story, however many connections they hold.
 */
export class AccessWatcher {
  private readonly watched = new Map<WatchedConnection, Watched>()
  private timer: ReturnType<typeof setInterval> | undefined
  private checking: Promise<void> | null = null

  constructor(
    private readonly db: Db,
    private readonly intervalMs: number,
    private readonly log: Pick<Console, 'error'> = console,
  ) {}

  watch(connection: WatchedConnection, visitor: Watched): void {
    this.watched.set(connection, visitor)
    this.timer ??= setInterval(() => void this.checkNow(), this.intervalMs)
    this.timer.unref?.()
  }

  forget(connection: WatchedConnection): void {
    this.watched.delete(connection)
  }

  /** Checks every connection now; resolves when the ones that lost access are closed. */
  checkNow(): Promise<void> {
    this.checking ??= this.check().finally(() => (this.checking = null))
    return this.checking
  }

  stop(): void {
    clearInterval(this.timer)
    this.timer = undefined
    this.watched.clear()
  }

  private async check(): Promise<void> {
    const answers = new Map<string, Promise<CollabAccess | null>>()
    for (const [connection, visitor] of [...this.watched]) {
      const key = `${visitor.sessionId} ${visitor.userId} ${visitor.articleId}`
      let answer = answers.get(key)
      if (!answer) {
        answer = collabAccess(this.db, visitor, visitor.articleId).then(
          (result) => (result.ok ? result.access : null),
          (error: unknown) => {
            // A database hiccup is no reason to throw everyone out; the next check decides.
            this.log.error(`Copydesk: could not re-check access to a shared story: ${String(error)}`)
            return visitor.access
          },
        )
        answers.set(key, answer)
      }
      if ((await answer) !== visitor.access && this.watched.has(connection)) {
        this.watched.delete(connection)
        connection.close(accessChangedClose)
      }
    }
  }
}
