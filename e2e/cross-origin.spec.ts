import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from './test'
import { type Desk, type ProbeBody, mutatingRouteNames, openDesk, probes } from './cross-origin-probes'
import { signInThroughForm } from './fixtures'

// The attack of issue #16 in a real browser: the editor is signed in, and opens a page on another
// port of the same host, a sibling origin of the same site, so the SameSite=Lax session cookie
// goes along. Its script posts to every row of lib/mutating-routes.ts as text/plain, as JSON, as
// the forms and uploads the desk itself sends, and submits the desk's own sign-out server action.
// The server refuses every one that reaches it, and nothing changes.

type Attack = { route: string; method: 'POST' | 'DELETE'; url: string; body: ProbeBody }

/** A page on 127.0.0.1 at a port of its own: same site as the app, another origin. */
async function elsewhere(): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end('<!doctype html><title>Elsewhere</title><h1>A page elsewhere on the same site</h1>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

test('a page on a sibling origin cannot act for the signed-in editor through any mutating endpoint', async ({ page, baseURL }) => {
  const site = new URL(baseURL ?? '').origin
  // One story per row, so that one row's attack cannot hide another's.
  const desks = new Map<string, Desk>()
  for (const route of mutatingRouteNames) {
    const desk = await openDesk(site)
    await probes[route].before?.(desk)
    desks.set(route, desk)
  }
  const attacks: Attack[] = await Promise.all(
    mutatingRouteNames.map(async (route) => {
      const probe = probes[route]
      const desk = desks.get(route) as Desk
      return { route, method: probe.method, url: `${site}${probe.path(desk)}`, body: await probe.body(desk) }
    }),
  )

  await signInThroughForm(page, 'editor@copydesk.test')
  const signOutField = await page.locator('input[type="hidden"][name^="$ACTION_ID_"]').first().getAttribute('name')
  expect(signOutField).toBeTruthy()

  const reached: { method: string; path: string; status: number }[] = []
  page.on('response', (response) => {
    const method = response.request().method()
    const url = new URL(response.url())
    if (url.origin === site && method !== 'GET' && method !== 'OPTIONS')
      reached.push({ method, path: url.pathname, status: response.status() })
  })

  const serverActionAnswered = page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.url() === `${site}/desk`,
  )
  const attacker = await elsewhere()
  await page.goto(attacker.origin)
  await page.evaluate(
    async ({ attacks, site, signOutField }) => {
      const quietly = (request: Promise<unknown>) => request.catch(() => undefined)
      /** A form submitted into a frame of its own, as a page elsewhere would. */
      const submit = (url: string, enctype: string, fields: Record<string, string>) =>
        new Promise<void>((resolve) => {
          const frame = Object.assign(document.createElement('iframe'), { name: `frame-${Math.random()}` })
          const form = Object.assign(document.createElement('form'), { method: 'POST', action: url, enctype, target: frame.name })
          for (const [name, value] of Object.entries(fields)) {
            form.append(Object.assign(document.createElement('input'), { type: 'hidden', name, value }))
          }
          document.body.append(frame, form)
          form.submit()
          // After submitting: the blank frame's own load has passed, the next is the answer's.
          frame.addEventListener('load', () => resolve(), { once: true })
        })
      for (const { method, url, body } of attacks) {
        const text = 'json' in body ? JSON.stringify(body.json) : 'form' in body ? new URLSearchParams(body.form).toString() : ''
        const send = (init: RequestInit) => quietly(fetch(url, { method, credentials: 'include', ...init }))
        // No preflight: text/plain (the attack) and the form types go straight to the server.
        await send({ mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: text })
        // A preflight the site never grants: the browser itself stops these.
        await send({ mode: 'cors', headers: { 'content-type': 'application/json' }, body: text })
        if ('json' in body) {
          // A text/plain form whose one field spells the JSON: `{…,"x":"` + `=` + `"}`.
          await submit(url, 'text/plain', { [`${text.slice(0, -1)},"x":"`]: '"}' })
        }
        if ('form' in body) {
          await send({ mode: 'no-cors', body: new URLSearchParams(body.form) })
          await submit(url, 'application/x-www-form-urlencoded', body.form)
        }
        if ('upload' in body) {
          const bytes = Uint8Array.from(atob(body.upload.image), (char) => char.charCodeAt(0))
          const form = new FormData()
          form.append('file', new Blob([bytes], { type: 'image/png' }), 'planted.png')
          form.append('alt', body.upload.alt)
          await send({ mode: 'no-cors', body: form })
        }
      }
      // The desk's own sign-out button, a server action, posted from here.
      await submit(`${site}/desk`, 'multipart/form-data', { [signOutField ?? '']: '' })
    },
    { attacks, site, signOutField },
  )
  await serverActionAnswered
  await attacker.close()

  const toRoutes = reached.filter(({ path }) => path !== '/desk')
  expect(toRoutes.length).toBeGreaterThan(0)
  expect(toRoutes.filter(({ status }) => status !== 403)).toEqual([])
  // Every row that a page elsewhere can reach without a preflight was reached, and refused.
  const simple = attacks.filter(({ method }) => method === 'POST').map(({ url }) => new URL(url).pathname)
  expect(simple.filter((path) => !toRoutes.some((request) => request.path === path))).toEqual([])
  const serverAction = reached.filter(({ path }) => path === '/desk')
  expect(serverAction.length).toBe(1)
  expect(serverAction[0]?.status).toBeGreaterThanOrEqual(400)

  for (const route of mutatingRouteNames) await probes[route].changedNothing(desks.get(route) as Desk)
  // Still signed in, in the browser that was attacked.
  await page.goto('/desk')
  await expect(page.getByRole('heading', { level: 1, name: 'Desk' })).toBeVisible()
  await Promise.all([...desks.values()].flatMap((desk) => [desk.editor.dispose(), desk.editor2.dispose()]))
})
