/**
 * Every route handler in app/ that changes something, by method and route (the folder under app/,
 * route groups left out), with the one body type it documents. A handler starts with
 * `refuseForeignRequest(request, '<its key>')` (lib/same-origin.ts), which refuses another origin
 * (403) and any other body type (415) before the body is read. test/mutating-routes.test.ts
 * fails when a route.ts exports POST, PUT, PATCH or DELETE without a row here or without that
 * call, and the cross-origin end-to-end tests (e2e/cross-origin*.spec.ts) attack every row.
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

/** `app/(site)/x/[id]/route.ts` → `/x/[id]`: the address a route file answers, with its segments' names. */
export function routeOfFile(file: string): string {
  const segments = file
    .replace(/^app\//, '')
    .replace(/\/?route\.ts$/, '')
    .split('/')
    .filter((segment) => segment !== '' && !/^\(.*\)$/.test(segment))
  return `/${segments.join('/')}`
}
