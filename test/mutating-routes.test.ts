import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { mutatingRoutes, routeOfFile, tokenRoutes } from '@/lib/mutating-routes'
import { routeHandlersInSource } from './app-doors'

// Every route handler that can change something is in lib/mutating-routes.ts and refuses other
// origins and undocumented body types first (the Content API's token routes: a missing or
// insufficient token and undocumented body types); e2e/cross-origin-requests.spec.ts and
// e2e/cross-origin.spec.ts attack every row, so a new endpoint without a row fails here and one
// with a row is attacked there.

const mutating = ['POST', 'PUT', 'PATCH', 'DELETE']

/** `POST /desk/media/upload` for `app/desk/media/upload/route.ts POST`, with the file it lives in. */
const handlers = routeHandlersInSource()
  .map((door) => {
    const [file = '', method = ''] = door.split(' ')
    return { file, method, route: `${method} ${routeOfFile(file)}` }
  })
  .filter(({ method }) => mutating.includes(method))

describe('the table of mutating endpoints', () => {
  it('lists every route handler in app/ exporting POST, PUT, PATCH or DELETE, and no other', () => {
    const listed = [...Object.keys(mutatingRoutes), ...Object.keys(tokenRoutes)]
    expect(handlers.map(({ route }) => route).sort()).toEqual(listed.sort())
  })

  it('keeps the two tables apart: a route is cookie-and-origin or token, never both', () => {
    expect(Object.keys(tokenRoutes).filter((route) => route in mutatingRoutes)).toEqual([])
    expect(Object.keys(tokenRoutes).every((route) => / \/api\/v1\//.test(route))).toBe(true)
    expect(Object.keys(mutatingRoutes).filter((route) => / \/api\/v1\//.test(route))).toEqual([])
  })

  it('is checked first thing by each of them, under its own row', () => {
    const unguarded = handlers.filter(({ file, method, route }) => {
      const source = fs.readFileSync(file, 'utf8')
      const body = source.slice(source.search(new RegExp(`export async function ${method}\\b`)))
      const expected = route in tokenRoutes ? 'authenticateTokenRequest' : 'refuseForeignRequest'
      const firstCall = body.match(/(refuseForeignRequest|authenticateTokenRequest)\(request, '([^']+)'/)
      return firstCall?.[1] !== expected || firstCall?.[2] !== route
    })
    expect(unguarded.map(({ route }) => route)).toEqual([])
  })

  it('names a route by its folder, leaving route groups out', () => {
    expect(routeOfFile('app/(site)/search/route.ts')).toBe('/search')
    expect(routeOfFile('app/desk/articles/[id]/workflow/route.ts')).toBe('/desk/articles/[id]/workflow')
  })
})
