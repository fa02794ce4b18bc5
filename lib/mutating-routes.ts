/**
 * Every route handler in app/ that changes something, by method and route (the folder under app/,
 * route groups left out), with the one body type it documents. A handler starts with
 * `refuseForeignRequest(request, '<its key>')` (lib/same-origin.ts), which refuses another origin
 * (403) and any other body type (415) before the body is read; a token route (`tokenRoutes`
 * below) starts with its own check instead. test/mutating-routes.test.ts fails when a route.ts
 * exports POST, PUT, PATCH or DELETE without a row in one of the two tables or without that
 * table's call, and the cross-origin end-to-end tests (e2e/cross-origin*.spec.ts) attack every row.
 */
export const bodyTypes = ['application/json', 'multipart/form-data', 'application/x-www-form-urlencoded', 'none'] as const

/** `none`: the request carries no body, so it may not declare one either. */
export type BodyType = (typeof bodyTypes)[number]

export const mutatingRoutes = {
  'POST /desk/articles/[id]/revisions': { body: 'application/json' },
  'POST /desk/articles/[id]/workflow': { body: 'application/json' },
  'POST /desk/articles/[id]/presence': { body: 'none' },
  'DELETE /desk/articles/[id]/presence': { body: 'none' },
  'POST /desk/articles/[id]/collab-ticket': { body: 'none' },
  'POST /desk/articles/new/from-draft': { body: 'application/json' },
  'POST /desk/media/upload': { body: 'multipart/form-data' },
  // Auth.js's sign-in, sign-out and session routes: its own forms and next-auth/react post form fields.
  'POST /api/auth/[...nextauth]': { body: 'application/x-www-form-urlencoded' },
} as const satisfies Record<string, { body: BodyType }>

export type MutatingRoute = keyof typeof mutatingRoutes

/**
 * The Content API's writes: authenticated by a token in the Authorization header, never by a
 * cookie, so another origin's page cannot make a browser send one (it would need a CORS
 * preflight, which is never granted) and the same-origin check does not apply. A handler starts
 * with `authenticateTokenRequest(request, '<its key>', …)` (lib/content-api/callers.ts), which
 * refuses another body type (415), a missing, unknown, revoked or expired token (401), a token
 * over its rate (429) or without `scope` (403) before the body is read.
 */
export const tokenRoutes = {
  'POST /api/v1/drafts': { body: 'application/json', scope: 'write:drafts' },
  'PATCH /api/v1/drafts/[id]': { body: 'application/json', scope: 'write:drafts' },
} as const satisfies Record<string, { body: BodyType; scope: string }>

export type TokenRoute = keyof typeof tokenRoutes

/** `app/(site)/x/[id]/route.ts` → `/x/[id]`: the address a route file answers, with its segments' names. */
export function routeOfFile(file: string): string {
  const segments = file
    .replace(/^app\//, '')
    .replace(/\/?route\.ts$/, '')
    .split('/')
    .filter((segment) => segment !== '' && !/^\(.*\)$/.test(segment))
  return `/${segments.join('/')}`
}
