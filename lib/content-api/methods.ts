// Which methods each address of the Content API answers: the proxy (proxy.ts) refuses any other
// with a 405 naming them in Allow, before a route runs. Only drafts are written, with a token.

const draftList = /^\/api\/v1\/drafts\/?$/
const draft = /^\/api\/v1\/drafts\/[^/]+\/?$/

/** The methods an /api/v1 address takes. */
export function allowedMethods(pathname: string): readonly string[] {
  if (draftList.test(pathname)) return ['GET', 'HEAD', 'POST']
  if (draft.test(pathname)) return ['GET', 'HEAD', 'PATCH']
  return ['GET', 'HEAD']
}
