import type { Role } from '@/db/schema'

export const roles = ['admin', 'editor', 'writer'] as const satisfies readonly Role[]

/** Everything a person may be allowed to do in the newsroom. */
export const capabilities = [
  'desk.enter',
  'article.read',
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
  'suggestion.review',
  'front.arrange',
  'tag.manage',
  'section.manage',
  'media.upload',
  'media.edit',
  'media.delete',
  'profile.edit',
  'user.manage',
  'site.manage',
  'webhooks.manage',
  'token.manage',
] as const

export type Capability = (typeof capabilities)[number]

/**
 * `any`: on every record; `section`: on records filed in the person's section desk, or on every
 * record for a person without one (`Actor.sections`); `own`: only on records the person owns
 * (created or is bylined on); `ownOrPublic`: on those and on every record readers can see (a
 * published story).
 */
export type Scope = 'any' | 'section' | 'own' | 'ownOrPublic'

/**
 * THE role → capability table. A missing entry means "never". The server checks it before every
 * action; the desk reads it to decide which buttons to show.
 */
export const permissionTable: Record<Role, Partial<Record<Capability, Scope>>> = {
  admin: Object.fromEntries(capabilities.map((capability) => [capability, 'any'])),
  editor: {
    'desk.enter': 'any',
    'article.read': 'any',
    'article.create': 'any',
    'article.edit': 'any',
    'article.submit': 'any',
    'article.withdraw': 'any',
    'article.requestChanges': 'section',
    'article.approve': 'section',
    'article.publish': 'section',
    'article.schedule': 'section',
    'article.unpublish': 'section',
    'article.correct': 'section',
    'note.write': 'any',
    'suggestion.review': 'any',
    'front.arrange': 'any',
    'tag.manage': 'any',
    'media.upload': 'any',
    'media.edit': 'any',
    'media.delete': 'any',
    'profile.edit': 'own',
  },
  writer: {
    'desk.enter': 'any',
    'article.read': 'ownOrPublic',
    'article.create': 'any',
    'article.edit': 'own',
    'article.submit': 'own',
    'article.withdraw': 'own',
    'note.write': 'own',
    'media.upload': 'any',
    'media.edit': 'own',
    'media.delete': 'own',
    'profile.edit': 'own',
  },
}

/**
 * Who acts: re-read from the database for every request, never taken from the session token.
 * `sections`: the person's section desk, the ids of the sections assigned to them and of
 * everything under each (lib/section-desks.ts); absent for a person who has none, whose
 * `section` powers hold across the newsroom.
 */
export type Actor = { id: number; role: Role; sections?: readonly number[] }

/**
 * A record that some people own: the ids of its creator and bylined staff, whether readers can
 * see it (what `ownOrPublic` reads; absent means they cannot), and the sections it is filed in
 * (what `section` reads: a story's address and the one its newest revision would go live at).
 */
export type Owned = { ownerIds: readonly number[]; isPublic?: boolean; sectionIds?: readonly number[] }

/** The answer of `check`: the message says who may, for the person who may not. */
export type Permission = { ok: true } | { ok: false; message: string }

/** What each capability lets someone do, as the end of "Only … can …". */
const capabilityPhrases: Record<Capability, string> = {
  'desk.enter': 'use the desk',
  'article.read': 'open this story before it is published',
  'article.create': 'start a story',
  'article.edit': 'change this story',
  'article.submit': 'submit a story for review',
  'article.withdraw': 'withdraw a story from review',
  'article.requestChanges': 'request changes',
  'article.approve': 'approve a story',
  'article.publish': 'publish a story',
  'article.schedule': 'schedule a story',
  'article.unpublish': 'unpublish a story',
  'article.correct': 'add or withdraw corrections',
  'note.write': 'add or resolve this story’s notes',
  'suggestion.review': 'accept or reject suggested changes',
  'front.arrange': 'pin stories on the front page and section pages',
  'tag.manage': 'rename, merge and describe tags',
  'section.manage': 'create, change, reorder and retire sections',
  'media.upload': 'upload images',
  'media.edit': 'change this image',
  'media.delete': 'delete this image',
  'profile.edit': 'change this person’s profile',
  'user.manage': 'manage people’s accounts and permissions',
  'site.manage': 'change the newsroom’s settings and its standing pages',
  'webhooks.manage': 'register webhooks and read their deliveries',
  'token.manage': 'create and revoke the Content API’s tokens',
}

/** Who owns a record of the capability's kind, as "Only … can" names them. */
function ownerPhrase(capability: Capability): string {
  if (capability === 'profile.edit') return 'the person themselves'
  return capability.startsWith('media.') ? 'the person who uploaded it' : 'the story’s writers'
}

const rolePlurals: Record<Role, string> = { admin: 'administrators', editor: 'editors', writer: 'writers' }

/** "Only editors can publish a story.", read off the table. */
function refusal(capability: Capability): string {
  const anywhere = roles.filter((role) => isRoleWide(permissionTable[role][capability]))
  // Administrators may do everything; they are named only when nobody else may.
  const named = (anywhere.length > 1 ? anywhere.filter((role) => role !== 'admin') : anywhere).map((role) => rolePlurals[role])
  const isOwned = roles.some((role) => isOwnScope(permissionTable[role][capability]))
  const who = isOwned ? `${ownerPhrase(capability)} and the ${named.join(' and the ')}` : named.join(' and ')
  return `Only ${who} can ${capabilityPhrases[capability]}.`
}

/**
 * THE permission table's answer: whether this person may use this capability on this record,
 * and if not, why. The server decides through `authorize` (lib/authorize.ts), which re-reads
 * the person first; the desk uses `can` to decide which buttons to show.
 */
export function check(actor: Actor, capability: Capability, resource?: Owned): Permission {
  const scope = permissionTable[actor.role][capability]
  if (scope === 'any') return { ok: true }
  if (scope === 'section') return isInDesk(actor, resource) ? { ok: true } : { ok: false, message: outsideDesk(capability) }
  if (scope === 'ownOrPublic' && resource?.isPublic === true) return { ok: true }
  if (isOwnScope(scope) && resource !== undefined && resource.ownerIds.includes(actor.id)) return { ok: true }
  return { ok: false, message: refusal(capability) }
}

/** Whether the record is filed only in sections of the person's desk (always, for a person without one). */
function isInDesk(actor: Actor, resource: Owned | undefined): boolean {
  if (actor.sections === undefined) return true
  const desk = actor.sections
  return resource?.sectionIds !== undefined && resource.sectionIds.length > 0 && resource.sectionIds.every((id) => desk.includes(id))
}

function outsideDesk(capability: Capability): string {
  return `This story is filed outside your sections: only its section’s editors can ${capabilityPhrases[capability]}.`
}

/** A scope that lets the role in beyond its own records: everywhere, or across a section desk. */
function isRoleWide(scope: Scope | undefined): boolean {
  return scope === 'any' || scope === 'section'
}

/** A scope that lets the record's owners in. */
function isOwnScope(scope: Scope | undefined): boolean {
  return scope === 'own' || scope === 'ownOrPublic'
}

/** `check` as a yes or no, for the desk deciding which buttons and forms to show. */
export function can(actor: Actor, capability: Capability, resource?: Owned): boolean {
  return check(actor, capability, resource).ok
}
