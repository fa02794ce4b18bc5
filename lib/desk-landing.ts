import 'server-only'
import { eq } from 'drizzle-orm'
import type { Db } from '@/db'
import type { Role } from '@/db/schema'
import { users } from '@/db/schema'
import { type DeskQueue, deskQueues } from './desk-queues'

/** Where each role starts before choosing: editors at what waits for them, writers at their own work. */
export const defaultDeskQueue: Record<Role, DeskQueue> = { admin: 'review', editor: 'review', writer: 'drafts' }

const isQueue = (name: unknown): name is DeskQueue => deskQueues.some((queue) => queue === name)

/**
 * The list /desk shows this person: the one the address asks for, which is then remembered for
 * next time, else the one they last chose (`deskView`, read with their session), else their role's.
 */
export async function deskLanding(db: Db, person: { id: number; role: Role; deskView: string }, asked: unknown): Promise<DeskQueue> {
  if (isQueue(asked)) {
    if (person.deskView !== asked) await db.update(users).set({ deskView: asked }).where(eq(users.id, person.id))
    return asked
  }
  return isQueue(person.deskView) ? person.deskView : defaultDeskQueue[person.role]
}
