import 'server-only'
import { eq } from 'drizzle-orm'
import type { Db, Tx } from '@/db'
import { users } from '@/db/schema'
import type { ArticleStatus } from '@/db/schema'
import { checkEdit } from './article-editing'
import { type Actor, type Capability, type Owned, check } from './permissions'
import { type Result, refusal } from './refusal'
import { deskOf, sectionDeskOf } from './section-desks'

const accountDisabled = 'Your account has been disabled; ask an administrator.'

/**
 * THE authorization check. Re-reads the person from the database handed in (inside a write,
 * the transaction that acts, so a demotion or a disabled account counts at once), then asks the
 * permission table. Answers the person as the database knows them now, or a `forbidden` refusal
 * (an account gone or disabled since signing in, or the table's reason). Whether anyone is
 * signed in at all is the request's question (lib/session.ts).
 */
export async function authorize(
  db: Db | Tx,
  who: { id: number },
  capability: Capability,
  resource?: Owned,
): Promise<Result<{ actor: Actor }, 'forbidden'>> {
  const [person] = await db
    .select({ id: users.id, role: users.role, isDisabled: users.isDisabled, sections: sectionDeskOf(users.id) })
    .from(users)
    .where(eq(users.id, who.id))
  if (!person || person.isDisabled) return refusal('forbidden', accountDisabled)
  return decide({ id: person.id, role: person.role, ...deskOf(person.sections) }, capability, resource)
}

/**
 * The permission table's answer as a `Result`, for a person already read from the database on
 * this request (`authorize` above; `getCurrentUser` in lib/session.ts for pages and routes).
 */
export function decide(actor: Actor, capability: Capability, resource?: Owned): Result<{ actor: Actor }, 'forbidden'> {
  const permission = check(actor, capability, resource)
  return permission.ok ? { ok: true, actor } : refusal('forbidden', permission.message)
}

/** `authorize` for changing a story's content: the permission, then what its status allows (`checkEdit`). */
export async function authorizeEdit(
  db: Db | Tx,
  who: { id: number },
  story: Owned & { status: ArticleStatus; trashedAt?: Date | null },
): Promise<Result<{ actor: Actor }, 'forbidden'>> {
  const allowed = await authorize(db, who, 'article.edit', story)
  if (!allowed.ok) return allowed
  const permission = checkEdit(allowed.actor, story)
  return permission.ok ? allowed : refusal('forbidden', permission.message)
}
