import type { Role } from '@/db/schema'
import { ForbiddenError } from './errors'

export const roles = ['admin', 'editor', 'writer'] as const satisfies readonly Role[]

/** Everything a person may be allowed to do in the newsroom. */
export const capabilities = [
  'desk.enter',
  'article.create',
  'article.edit',
  'article.submit',
  'article.withdraw',
  'article.requestChanges',
  'article.approve',
  'article.publish',
  'article.schedule',
  'article.unpublish',
  'article.correct',
  'note.write',
  'media.upload',
  'media.edit',
  'media.delete',
  'user.manage',
  'section.manage',
  'settings.manage',
] as const

export type Capability = (typeof capabilities)[number]

/** `any`: on every record; `own`: only on records the person owns (created or is bylined on). */
export type Scope = 'any' | 'own'

/**
 * THE role → capability table. A missing entry means "never". The server checks it before every
 * action; the desk reads it to decide which buttons to show.
 */
export const permissionTable: Record<Role, Partial<Record<Capability, Scope>>> = {
  admin: Object.fromEntries(capabilities.map((capability) => [capability, 'any'])),
  editor: {
    'desk.enter': 'any',
    'article.create': 'any',
    'article.edit': 'any',
    'article.submit': 'any',
    'article.withdraw': 'any',
    'article.requestChanges': 'any',
    'article.approve': 'any',
    'article.publish': 'any',
    'article.schedule': 'any',
    'article.unpublish': 'any',
    'article.correct': 'any',
    'note.write': 'any',
    'media.upload': 'any',
    'media.edit': 'any',
    'media.delete': 'any',
  },
  writer: {
    'desk.enter': 'any',
    'article.create': 'any',
    'article.edit': 'own',
    'article.submit': 'own',
    'article.withdraw': 'own',
    'note.write': 'own',
    'media.upload': 'any',
    'media.edit': 'own',
    'media.delete': 'own',
  },
}

/** Who acts: re-read from the database for every request, never taken from the session token. */
export type Actor = { id: number; role: Role }

/** A record that some people own: the ids of its creator and bylined staff. */
export type Owned = { ownerIds: readonly number[] }

export function can(actor: Actor, capability: Capability, resource?: Owned): boolean {
  const scope = permissionTable[actor.role][capability]
  if (scope === 'any') return true
  if (scope === 'own') return resource !== undefined && resource.ownerIds.includes(actor.id)
  return false
}

/** Throws ForbiddenError unless the actor may do this; call it before every mutation. */
export function assertCan(actor: Actor, capability: Capability, resource?: Owned): void {
  if (!can(actor, capability, resource)) {
    throw new ForbiddenError(`You do not have permission to do that (${capability}).`)
  }
}
