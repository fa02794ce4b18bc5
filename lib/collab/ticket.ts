import { z } from 'zod'
import { isSignatureOf, signatureOf } from './signing'

// A ticket lets one signed-in person open one story's shared document over the sync server's
// WebSocket, which carries no session cookie check of its own: the desk asks for one with its
// session (POST /desk/articles/[id]/collab-ticket), and the sync server checks it on connecting
// (lib/collab/hooks.ts). Signed with a key derived from AUTH_SECRET, so nobody else can make one.

/** How long a ticket opens a connection for: the editor asks for a new one whenever it (re)connects. */
export const ticketLifetimeMs = 60_000

/** Whom a ticket lets in, where, and until when (milliseconds since 1970). */
export type CollabTicket = { userId: number; sessionId: string; articleId: number; expiresAt: number }

const ticketSchema = z.object({
  userId: z.number().int().positive(),
  sessionId: z.string().min(1).max(200),
  articleId: z.number().int().positive(),
  expiresAt: z.number().int().positive(),
})

/** The ticket's own purpose, so that a ticket can never pass for a session cookie or anything else AUTH_SECRET signs. */
const ticketPurpose = 'copydesk collab ticket v1'

/** A ticket for this person's session on this story, valid for `ticketLifetimeMs` from `now`. */
export function mintTicket(secret: string, who: Omit<CollabTicket, 'expiresAt'>, now = Date.now()): { token: string; expiresAt: number } {
  const ticket: CollabTicket = { ...who, expiresAt: now + ticketLifetimeMs }
  const payload = Buffer.from(JSON.stringify(ticket)).toString('base64url')
  return { token: `${payload}.${signatureOf(secret, ticketPurpose, payload)}`, expiresAt: ticket.expiresAt }
}

/** Why a ticket is refused: the words the person's editor shows. */
export type TicketProblem = 'malformed' | 'forged' | 'expired' | 'other-story'

/** The ticket's claims if it is genuine, unexpired and for this story; otherwise why not. */
export function verifyTicket(
  secret: string,
  token: string,
  articleId: number,
  now = Date.now(),
): { ok: true; ticket: CollabTicket } | { ok: false; problem: TicketProblem } {
  const [payload, signed, extra] = token.split('.')
  if (!payload || !signed || extra !== undefined) return { ok: false, problem: 'malformed' }
  if (!isSignatureOf(secret, ticketPurpose, payload, signed)) return { ok: false, problem: 'forged' }
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, problem: 'malformed' }
  }
  const parsed = ticketSchema.safeParse(claims)
  if (!parsed.success) return { ok: false, problem: 'malformed' }
  if (parsed.data.expiresAt <= now) return { ok: false, problem: 'expired' }
  if (parsed.data.articleId !== articleId) return { ok: false, problem: 'other-story' }
  return { ok: true, ticket: parsed.data }
}
