import 'server-only'
import type { Db } from '@/db'
import type { Actor } from '../permissions'
import { type Result, refusal } from '../refusal'
import { type CollabAccess, type CollabVisitor, collabAccess } from './access'
import { documentNameOf } from './storage'
import { mintTicket } from './ticket'

/** What the editor needs to connect: where, to which document, with which ticket, and what it may do there. */
export type IssuedTicket = {
  ticket: string
  expiresAt: number
  documentName: string
  path: string
  access: CollabAccess
  /** The person's name, shown to the others beside their caret. */
  name: string
  /** Who they are to the permission table: their editor holds back a change the sync server would refuse. */
  actor: Actor
}

/**
 * A ticket to this story's shared document for this person's session, when they may open the
 * story (read-only when they may not change it); a story they may not read answers as missing.
 */
export async function issueCollabTicket(
  db: Db,
  secret: string,
  visitor: CollabVisitor,
  articleId: number,
  path: string,
): Promise<Result<IssuedTicket>> {
  const allowed = await collabAccess(db, visitor, articleId)
  if (!allowed.ok) return allowed.reason === 'missing' ? refusal('missing', 'This story no longer exists.') : allowed
  const { token, expiresAt } = mintTicket(secret, { ...visitor, articleId })
  return {
    ok: true,
    ticket: token,
    expiresAt,
    documentName: documentNameOf(articleId),
    path,
    access: allowed.access,
    name: allowed.name,
    actor: allowed.actor,
  }
}
