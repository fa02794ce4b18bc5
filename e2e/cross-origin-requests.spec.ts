import { type APIResponse, request as playwrightRequest } from '@playwright/test'
import { expect, test } from './test'
import { mutatingRoutes } from '../lib/mutating-routes'
import { type ProbeBody, mutatingRouteNames, openDesk, probes, sendProbe } from './cross-origin-probes'

// Over HTTP, every row of lib/mutating-routes.ts (kept complete by test/mutating-routes.test.ts)
// is sent, with the signed-in editor's session cookie and the body the desk itself sends, from
// another origin, from none, and as text/plain: each is refused (403, 415) and nothing changes,
// which the site's own requests then show. e2e/cross-origin.spec.ts does it in a real browser.

/** The same host on another port: the same site, so a SameSite=Lax cookie goes along. */
const siblingOrigin = (site: string) => {
  const other = new URL(site)
  other.port = String(Number(other.port || 80) + 1)
  return other.origin
}

const foreignSenders: { name: string; headers: (site: string) => Record<string, string> }[] = [
  { name: 'another port of the same host', headers: (site) => ({ origin: siblingOrigin(site) }) },
  { name: 'another site', headers: () => ({ origin: 'https://attacker.example' }) },
  { name: 'a page with Origin: null', headers: () => ({ origin: 'null' }) },
  { name: 'a request without an Origin', headers: () => ({}) },
  { name: 'a browser saying same-site', headers: () => ({ 'sec-fetch-site': 'same-site' }) },
  { name: 'a browser saying cross-site', headers: (site) => ({ origin: site, 'sec-fetch-site': 'cross-site' }) },
]

/** The probe's body as the text a `text/plain` (or wrongly typed) post would carry. */
function asText(body: ProbeBody): string {
  if ('json' in body) return JSON.stringify(body.json)
  if ('form' in body) return new URLSearchParams(body.form).toString()
  return 'x'
}

async function expectRefused(answer: APIResponse, status: number, what: string): Promise<void> {
  expect(answer.status(), `${what}: ${await answer.text()}`).toBe(status)
  expect(answer.headers()['set-cookie'], what).toBeUndefined()
  const refusal = (await answer.json()) as { ok: boolean; message: string }
  expect(refusal.ok, what).toBe(false)
  expect(refusal.message, what).toMatch(/refused|takes/)
}

for (const route of mutatingRouteNames) {
  test(`${route} refuses other origins, no origin with a session, and undocumented body types, changing nothing`, async ({ baseURL }) => {
    const site = baseURL ?? ''
    const desk = await openDesk(site)
    const probe = probes[route]
    await probe.before?.(desk)
    // The editor's cookies, with no Origin of their own: each attack says what it says.
    const attacker = await playwrightRequest.newContext({ baseURL: site, storageState: await desk.editor.storageState() })
    const body = await probe.body(desk)

    for (const sender of foreignSenders) {
      await expectRefused(await sendProbe(attacker, probe, desk, body, sender.headers(site)), 403, `${route} from ${sender.name}`)
    }
    const wrongTypes = [
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json',
    ]
    for (const contentType of wrongTypes.filter((type) => !type.startsWith(mutatingRoutes[route].body))) {
      const answer = await attacker.fetch(probe.path(desk), {
        method: probe.method,
        headers: { origin: site, 'content-type': contentType },
        data: asText(body),
        maxRedirects: 0,
      })
      await expectRefused(answer, 415, `${route} as ${contentType}`)
    }

    await probe.changedNothing(desk)
    await Promise.all([attacker.dispose(), desk.editor.dispose(), desk.editor2.dispose()])
  })
}

test('a request from the site’s own pages passes, by its Origin or by Sec-Fetch-Site alone', async ({ baseURL }) => {
  const desk = await openDesk(baseURL ?? '')
  const bare = await playwrightRequest.newContext({ baseURL, storageState: await desk.editor.storageState() })
  const ping = (headers: Record<string, string>) => bare.post(`/desk/articles/${desk.story.id}/presence`, { headers })
  expect((await ping({ origin: baseURL ?? '' })).status()).toBe(200)
  expect((await ping({ 'sec-fetch-site': 'same-origin' })).status()).toBe(200)
  await Promise.all([bare.dispose(), desk.editor.dispose(), desk.editor2.dispose()])
})
