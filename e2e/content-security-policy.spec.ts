import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { type APIResponse, type Page, type Response } from '@playwright/test'
import { expect, test } from './test'
import { signIn } from './fixtures'
import { compareFrom } from './pages/history'
import { saveAndWait, startStory, storyBody, toolbarButton } from './pages/story-form'
import { marsaHalim } from './reader-pages'

// Every kind of page under its Content-Security-Policy: nothing the page needs is refused (a
// refusal shows as a `securitypolicyviolation` event and as a console error), and every response
// carries the security headers (lib/security-headers.ts).

/**
 * Collects every CSP refusal in the page and its frames, and every complaint about the
 * Permissions-Policy header (an unknown feature in it, say). The list is checked at the end.
 */
async function watchForRefusals(page: Page): Promise<string[]> {
  const refusals: string[] = []
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `CSP violation: ${event.effectiveDirective} refused ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      )
    })
  })
  page.on('console', (message) => {
    if (/Content.Security.Policy|CSP violation|Permissions-Policy/i.test(message.text())) refusals.push(`${page.url()}: ${message.text()}`)
  })
  return refusals
}

/** The headers every response carries, whatever it is. */
function expectCommonHeaders(headers: Record<string, string>, what: string): void {
  expect(headers['x-content-type-options'], what).toBe('nosniff')
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin')
  expect(headers['permissions-policy'], what).toContain('camera=()')
  expect(headers['permissions-policy'], what).toContain('microphone=()')
  expect(headers['permissions-policy'], what).toContain('geolocation=()')
  expect(headers['permissions-policy'], what).toContain('browsing-topics=()')
  // The tests' site is served over plain HTTP, where HSTS has no meaning (lib/security-headers.test.ts covers HTTPS).
  expect(headers['strict-transport-security'], what).toBeUndefined()
}

/** A reader's document: hashes for its inline code, never a nonce, frames only of the embed services. */
function expectReaderHeaders(response: Response | APIResponse | null, what: string): void {
  const headers = response?.headers() ?? {}
  expectCommonHeaders(headers, what)
  const policy = headers['content-security-policy'] ?? ''
  expect(policy, what).toContain("default-src 'none'")
  expect(policy, what).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/)
  expect(policy, what).not.toContain("'unsafe-eval'")
  expect(policy, what).not.toMatch(/script-src[^;]*'unsafe-inline'/)
  expect(policy, what).toContain(
    'frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://www.openstreetmap.org https://datawrapper.dwcdn.net;',
  )
  expect(policy, what).toContain("object-src 'none'")
  expect(policy, what).toContain("base-uri 'none'")
  expect(headers['cache-control'] ?? '', what).not.toMatch(/s-maxage|immutable/)
}

/** A desk page: a fresh nonce, 'strict-dynamic', no framing, no opener from another site. */
function expectDeskHeaders(response: Response | null, what: string): string {
  const headers = response?.headers() ?? {}
  expectCommonHeaders(headers, what)
  const policy = headers['content-security-policy'] ?? ''
  expect(policy, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'(;| )/)
  expect(policy, what).not.toContain("'unsafe-eval'")
  expect(policy, what).toContain("object-src 'none'")
  expect(policy, what).toContain("base-uri 'none'")
  expect(policy, what).toContain("frame-ancestors 'none'")
  expect(headers['cross-origin-opener-policy'], what).toBe('same-origin')
  expect(headers['x-frame-options'], what).toBe('DENY')
  return policy
}

test('every kind of reader page works under its policy, with its inline script, styles, figures and the security headers, also from memory', async ({
  page,
}) => {
  const refusals = await watchForRefusals(page)
  for (const path of [
    '/',
    '/regions',
    '/regions/middle-east',
    '/authors/hannah-lindqvist',
    '/tags/ports',
    '/search?q=harbour',
    '/corrections',
    '/no-such-page',
  ]) {
    const response = await page.goto(path)
    expectReaderHeaders(response, path)
    // The inline stylesheet applied: the masthead's search form is laid out, not in the default flow.
    await expect(page.getByRole('search')).toBeVisible()
    // The second visit is answered from the app's memory (server.mjs): the same headers.
    expectReaderHeaders(await page.request.get(path), `${path}, kept`)
  }

  const story = await page.goto(marsaHalim.path)
  expectReaderHeaders(story, marsaHalim.path)
  // The share bar's inline script ran: it shows "Copy link" only where the clipboard works.
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible()
  await expect(page.getByRole('img', { name: /Map of the coast around Marsa Halim/ })).toBeVisible()
  // The figures' focal points (style attributes) stay applied.
  const position = await page
    .getByRole('figure')
    .first()
    .getByRole('img')
    .evaluate((image) => getComputedStyle(image).objectPosition)
  expect(position).not.toBe('')
  expect(refusals).toEqual([])
})

test('feeds, sitemaps, robots.txt and moves carry the security headers and nothing a CDN would keep unpurged', async ({ request }) => {
  for (const path of [
    '/feed.xml',
    '/regions/feed.xml',
    '/sitemap.xml',
    '/news-sitemap.xml',
    '/robots.txt',
    '/regions/page/1',
    '/no-such-page',
  ]) {
    const response = await request.get(path, { maxRedirects: 0 })
    expect([200, 301, 404], path).toContain(response.status())
    expectCommonHeaders(response.headers(), path)
    const cacheControl = response.headers()['cache-control'] ?? ''
    expect(cacheControl, path).not.toMatch(/s-maxage|immutable|stale-while-revalidate/)
    expect(cacheControl, path).toMatch(/max-age=0|no-store|no-cache/)
  }
})

test('every kind of desk page works under its nonce policy: the editor, its panels, history, preview with an embed and a figure, media and people', async ({
  page,
}) => {
  test.slow()
  const refusals = await watchForRefusals(page)
  const login = await page.goto('/login')
  const loginPolicy = expectDeskHeaders(login, '/login')
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()

  await signIn(page, 'admin@copydesk.test')
  const desk = await page.goto('/desk')
  expect(expectDeskHeaders(desk, '/desk'), 'a nonce is never used twice').not.toBe(loginPolicy)

  await startStory(page, 'Harbour lights to be restored before winter')
  expectDeskHeaders(await page.reload(), 'the story editor')
  await storyBody(page).click()
  await page.keyboard.type('The lamps along the quay have been dark since the storm.')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Read the plan')
  await page.keyboard.press('Shift+Home')
  await toolbarButton(page, 'Link').click()
  await page.getByLabel('Link address').fill('https://example.org/plan')
  await page.getByRole('button', { name: 'OK' }).click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await toolbarButton(page, 'Figure').click()
  const figurePanel = page.getByRole('group', { name: 'Add figure' })
  // A demo photo with its alt text, found by search: other tests upload images without one meanwhile.
  await figurePanel.getByLabel('Search images').fill('fishing boats lighthouse')
  await figurePanel.getByRole('radio', { name: /Small fishing boats/ }).check()
  await figurePanel.getByLabel('Caption').fill('The quay before the storm.')
  await figurePanel.getByRole('button', { name: 'OK' }).click()
  await toolbarButton(page, 'Embed').click()
  const embedPanel = page.getByRole('group', { name: 'Add embed' })
  await embedPanel.getByLabel('Embed address').fill('https://www.openstreetmap.org/#map=12/31.20/29.90')
  await embedPanel.getByLabel('Caption').fill('Where the lamps stand.')
  await embedPanel.getByRole('button', { name: 'OK' }).click()
  await saveAndWait(page)
  // Into the text, not the middle of the editor, where a click could select the figure and typing replace it.
  await storyBody(page).getByText('The lamps along the quay').click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(' Work starts on Monday.')
  await saveAndWait(page)
  const articleId = /\/desk\/articles\/(\d+)/.exec(page.url())?.[1]

  await page.getByRole('link', { name: 'History' }).click()
  await compareFrom(page, 1)
  await expect(page.getByRole('region', { name: 'Body changes' }).getByRole('insertion').first()).toBeVisible()

  // The map is answered here, so the test needs no network; it proves the reader's policy lets the frame load.
  await page.route('https://www.openstreetmap.org/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Map</title><p>Stand-in map</p>' }),
  )
  const preview = await page.goto(`/desk/articles/${articleId}/preview`)
  expectReaderHeaders(preview, 'the preview')
  expect(preview?.headers()['x-frame-options']).toBe('DENY')
  const map = page.getByTitle('OpenStreetMap map: Where the lamps stand.')
  await map.scrollIntoViewIfNeeded()
  await expect(map.contentFrame().getByText('Stand-in map')).toBeVisible()
  await expect(page.getByRole('figure').filter({ hasText: 'The quay before the storm.' }).getByRole('img')).toBeVisible()

  const library = await page.goto('/desk/media')
  expectDeskHeaders(library, '/desk/media')
  await page.getByRole('list', { name: 'Images' }).getByRole('listitem').first().getByRole('link').click()
  await expect(page.getByLabel('Focal point across')).toBeVisible()

  expectDeskHeaders(await page.goto('/desk/admin/users'), '/desk/admin/users')
  await page.getByRole('table').getByRole('link').first().click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expectDeskHeaders(await page.goto('/desk/articles/new'), '/desk/articles/new')
  expect(refusals).toEqual([])
})

test('another site cannot frame the sign-in page or the desk', async ({ page, baseURL }) => {
  // A page of another origin, served on this machine (Chrome lets no public page frame a local
  // server, so a stand-in answered by the test itself would prove nothing), that frames both.
  const framer = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(
      `<!doctype html><title>Framer</title><iframe title="login" src="${baseURL}/login"></iframe><iframe title="desk" src="${baseURL}/desk"></iframe>`,
    )
  })
  await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve))
  try {
    const { port } = framer.address() as AddressInfo
    // The desk, without a session (no cookie of this site goes along into another site's frame), sends the frame on to sign in.
    const framed = Promise.all([page.waitForResponse(`${baseURL}/login`), page.waitForResponse(`${baseURL}/login?callbackUrl=%2Fdesk`)])
    await page.goto(`http://localhost:${port}/`)
    for (const response of await framed) {
      expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(response.headers()['x-frame-options']).toBe('DENY')
    }
    // The browser shows its own error page in both frames instead.
    await expect.poll(() => page.frames().filter((frame) => frame.url().startsWith('chrome-error:')).length).toBe(2)
    for (const title of ['login', 'desk']) await expect(page.getByTitle(title).contentFrame().getByLabel('Password')).toHaveCount(0)
  } finally {
    framer.close()
  }
})
