import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, type Browser, type Page, expect, test } from '@playwright/test'
import { XMLParser } from 'fast-xml-parser'
import { signIn } from './fixtures'

// The demo newsroom's stories (seed/stories).
const marsaHalim = {
  path: '/regions/middle-east/marsa-halim-harbour-reopens-a-year-after-the-storm',
  headline: 'Marsa Halim’s harbour reopens a year after the storm, but its fishermen count what was lost',
}
const coastlink = {
  path: '/business/coastlink-air-adds-four-winter-routes-as-it-bets-on-island-tourism',
  headline: 'Coastlink Air adds four winter routes as it bets on island tourism',
  // Saved after publication and never published.
  unpublishedHeadline: 'Coastlink Air adds four winter routes, but drops its Kessel service',
}
const hidden = [
  coastlink.unpublishedHeadline,
  'Bakery chain Crumb & Co to be sold to its 380 staff', // scheduled
  'Boundary review would merge two rural constituencies', // draft
  'Mountain villages ration water as the Halden glacier retreats', // in review
  'Grain shipments through the Strait of Kell rise for a third month', // unpublished
]

const xml = new XMLParser({ ignoreAttributes: false })

/** Every public address a reader, a feed reader or a crawler can reach without searching. */
async function publicDocuments(request: APIRequestContext): Promise<Map<string, string>> {
  const paths = [
    '/',
    '/regions',
    '/regions/middle-east',
    '/business',
    '/world',
    '/feed.xml',
    '/business/feed.xml',
    '/sitemap.xml',
    '/news-sitemap.xml',
    '/corrections',
  ]
  const sitemap = await (await request.get('/sitemap.xml')).text()
  for (const [, url] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) paths.push(new URL(url ?? '/').pathname)
  const documents = new Map<string, string>()
  for (const path of new Set(paths)) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(200)
    documents.set(path, await response.text())
  }
  return documents
}

async function editorPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, 'editor@copydesk.test')
  return page
}

const press = (page: Page, label: string) =>
  page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: label, exact: true }).click()
const stateLine = (page: Page) => page.locator('.story-crumbs strong')

test('the story page shows everything a reader needs, and loads no framework', async ({ page }) => {
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url())
  })
  const response = await page.goto(marsaHalim.path)
  expect(response?.status()).toBe(200)

  const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' })
  await expect(breadcrumb.getByRole('link')).toHaveText(['Home', 'Regions', 'Middle East'])
  await expect(page.getByRole('heading', { level: 1, name: marsaHalim.headline })).toBeVisible()
  await expect(page.getByText('The rebuilt breakwater is finished and the first boats are back.')).toBeVisible()
  await expect(page.locator('.byline')).toHaveText('By Nadia Karam / The Coastline Dispatch and Hannah Lindqvist')
  await expect(page.locator('.dateline time').first()).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/)

  const lead = page.getByRole('figure').first()
  await expect(lead.getByRole('img', { name: /fishing boats with lamps lit/i })).toHaveAttribute('width', '1600')
  await expect(lead.getByRole('img')).toHaveAttribute('fetchpriority', 'high')
  await expect(lead).toContainText('YOUSSEF HARB/TESSERA')
  await expect(page.getByRole('blockquote').filter({ hasText: 'The harbour of Marsa Halim reopened to fishing vessels' })).toBeVisible()
  await expect(page.getByText('Tessera News Agency')).toBeVisible()
  await expect(page.getByRole('img', { name: /Map of the coast around Marsa Halim/ })).toBeVisible()
  await expect(page.getByText('COPYDESK GRAPHICS')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Tags' }).getByRole('link', { name: 'Ports' })).toHaveAttribute('href', '/tags/ports')
  await expect(page.getByRole('region', { name: 'Related stories' }).getByRole('link').first()).toBeVisible()

  const share = page.getByRole('group', { name: 'Share this story' })
  const mailto = await share.getByRole('link', { name: 'E-mail' }).getAttribute('href')
  expect(decodeURIComponent(mailto ?? '')).toContain(marsaHalim.headline)
  expect(decodeURIComponent(mailto ?? '')).toContain(`http://127.0.0.1:3100${marsaHalim.path}`)
  await expect(share.getByRole('button', { name: 'Print' })).toBeVisible()
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await share.getByRole('button', { name: 'Copy link' }).click()
  await expect(share.getByRole('status')).toHaveText('Link copied.')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`http://127.0.0.1:3100${marsaHalim.path}`)

  // Printing drops navigation and the share bar, and shows the address.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden()
  await expect(share).toBeHidden()
  await expect(page.getByText(`http://127.0.0.1:3100${marsaHalim.path}`, { exact: true })).toBeVisible()
  await page.emulateMedia({ media: 'screen' })

  // Link previews and search engines.
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `http://127.0.0.1:3100${marsaHalim.path}`)
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', marsaHalim.headline)
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', /^http:\/\/127\.0\.0\.1:3100\//)
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image')
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as Record<string, unknown>
  expect(jsonLd).toMatchObject({
    '@type': 'NewsArticle',
    headline: marsaHalim.headline,
    description: expect.stringContaining('The rebuilt breakwater'),
    datePublished: expect.stringMatching(/^\d{4}-/),
    dateModified: expect.stringMatching(/^\d{4}-/),
    author: expect.arrayContaining([
      expect.objectContaining({ name: 'Hannah Lindqvist', url: 'http://127.0.0.1:3100/authors/hannah-lindqvist' }),
    ]),
    publisher: expect.objectContaining({ name: 'Copydesk Media' }),
    image: [expect.stringMatching(/^http:\/\/127\.0\.0\.1:3100\//)],
    articleSection: 'Regions › Middle East',
  })

  // No framework, no editor: the page's only script is the few inline lines behind "Copy link".
  expect(scripts).toEqual([])
  const html = await (await page.request.get(marsaHalim.path)).text()
  expect(html).not.toMatch(/<script[^>]+src=/)
  expect(html).not.toMatch(/tiptap|prosemirror|__next_f/i)
})

test('readers find stories from the front page, sections, authors, tags and search', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('link', { name: 'Skip to content' }).focus()
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Latest' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Regions' }).getByRole('link', { name: marsaHalim.headline })).toBeVisible()

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Regions' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Regions' })).toBeVisible()
  await page.getByRole('navigation', { name: 'In Regions' }).getByRole('link', { name: 'Middle East' }).click()
  await expect(page).toHaveURL(/\/regions\/middle-east$/)
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Regions' })).toBeVisible()
  await page.getByRole('link', { name: marsaHalim.headline }).click()

  await page.getByRole('link', { name: 'Hannah Lindqvist' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Hannah Lindqvist' })).toBeVisible()
  await expect(page.getByRole('link', { name: marsaHalim.headline })).toBeVisible()

  await page.goto('/tags/fishing')
  await expect(page.getByRole('heading', { level: 1, name: 'Fishing' })).toBeVisible()
  await expect(page.getByRole('link', { name: marsaHalim.headline })).toBeVisible()

  await page.getByRole('searchbox', { name: 'Search' }).fill('breakwater')
  await page.getByRole('button', { name: 'Go' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible()
  const hit = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: marsaHalim.headline }) })
  await expect(hit.locator('mark').first()).toHaveText(/breakwater/i)

  for (const query of ['&&&', '"', '!!!', '-', 'x'.repeat(5000)]) {
    const answer = await page.request.get(`/search?q=${encodeURIComponent(query)}&page=-3`)
    expect(answer.status(), query).toBe(200)
  }
  for (const path of [
    '/no-such-section',
    '/regions/no-such-story',
    '/regions/page/abc',
    '/regions/page/0',
    '/regions/page/99999',
    '/../../etc/passwd',
    '/a%ZZb',
    '/authors/nobody',
    '/tags/nothing-here',
  ]) {
    const answer = await page.request.get(path, { maxRedirects: 0 })
    expect(answer.status(), path).toBe(404)
  }
  const missing = await page.goto('/no-such-section/nothing')
  expect(missing?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
})

test('feeds and sitemaps are XML with absolute addresses of published stories only', async ({ request }) => {
  const feed = xml.parse(await (await request.get('/feed.xml')).text()) as { rss: { channel: { item: { title: string; link: string }[] } } }
  const titles = feed.rss.channel.item.map((item) => item.title)
  expect(titles).toContain(marsaHalim.headline)
  expect(titles).toContain(coastlink.headline)
  for (const item of feed.rss.channel.item) expect(item.link).toMatch(/^http:\/\/127\.0\.0\.1:3100\//)

  const sitemap = xml.parse(await (await request.get('/sitemap.xml')).text()) as { urlset: { url: { loc: string }[] } }
  const locations = sitemap.urlset.url.map((entry) => entry.loc)
  expect(locations).toContain(`http://127.0.0.1:3100${marsaHalim.path}`)
  expect(locations.every((location) => location.startsWith('http://127.0.0.1:3100/'))).toBe(true)
  expect(xml.parse(await (await request.get('/news-sitemap.xml')).text())).toHaveProperty('urlset')
  const robots = await (await request.get('/robots.txt')).text()
  expect(robots).toContain('Sitemap: http://127.0.0.1:3100/sitemap.xml')
  expect(robots).toContain('Disallow: /desk')

  const documents = await publicDocuments(request)
  for (const [path, text] of documents) {
    for (const headline of hidden) expect(text, `${headline} on ${path}`).not.toContain(headline.replace('&', '&amp;'))
  }
  expect((await request.get('/world/grain-shipments-through-the-strait-of-kell-rise-for-a-third-month')).status()).toBe(410)
})

test('a publication is on the public site within a second; a slug change redirects; an unpublished story is gone', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000)
  const editor = await editorPage(browser)
  const headline = `Lighthouse keeper retires after forty winters ${Date.now()}`
  await editor.goto('/desk/articles/new')
  await editor.getByLabel('Working headline').fill(headline)
  await editor.getByLabel('Section').selectOption({ label: 'Middle East' })
  await editor.getByRole('button', { name: 'Start writing' }).click()
  await editor.getByRole('textbox', { name: 'Story body' }).click()
  await editor.keyboard.type('Salim Nasser climbed the tower for the last time on Friday.')
  await editor.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(editor.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible()
  const id = Number(new URL(editor.url()).pathname.split('/').pop())

  // Before publication: nowhere public (not even in what a client-side router would ask for), and
  // a preview under the desk that robots must not index.
  for (const [path, text] of await publicDocuments(request)) {
    expect(text, path).not.toContain(headline)
    expect(text, path).not.toContain('Salim Nasser')
  }
  expect(await (await request.get('/', { headers: { RSC: '1' } })).text()).not.toContain(headline)
  expect(await (await request.get(`/search?q=${encodeURIComponent('Salim Nasser')}`)).text()).not.toContain(headline)
  const preview = await editor.request.get(`/desk/articles/${id}/preview`)
  expect(preview.headers()['x-robots-tag']).toContain('noindex')
  expect(await preview.text()).toContain('Preview: this is how readers will see the story')
  expect((await request.get(`/desk/articles/${id}/preview`, { maxRedirects: 0 })).status()).toBe(307)
  await editor.goto(`/desk/articles/${id}/preview`)
  await expect(editor.getByRole('heading', { level: 1, name: headline })).toBeVisible()
  // The preview's canonical link is the address the story will have.
  const path = new URL((await editor.locator('link[rel="canonical"]').getAttribute('href')) ?? '').pathname
  expect(path).toMatch(/^\/regions\/middle-east\/lighthouse-keeper-retires/)
  expect((await request.get(path)).status()).toBe(404)

  await editor.goto(`/desk/articles/${id}`)
  await request.get('/') // the front page is now cached without the story
  await press(editor, 'Submit for review')
  await expect(stateLine(editor)).toHaveText('In review')
  await press(editor, 'Publish')
  await expect(stateLine(editor)).toHaveText('Published')
  const published = Date.now()
  await expect(async () => {
    expect(await (await request.get(path)).text()).toContain(headline)
    expect(await (await request.get('/')).text()).toContain(headline)
    expect(await (await request.get(`/search?q=${encodeURIComponent('Salim Nasser')}`)).text()).toContain(headline)
  }).toPass({ timeout: 1000, intervals: [50] })
  expect(Date.now() - published).toBeLessThan(1000)

  // A new slug, published: the old address moves permanently to the new one.
  // (The status lines still show the first save and publication: wait for the answers themselves.)
  await editor.getByLabel('Slug').fill(`${path.split('/').pop()}-moved`)
  const saved = editor.waitForResponse(
    (answer) => answer.url().endsWith(`/desk/articles/${id}/revisions`) && answer.request().method() === 'POST',
  )
  await editor.getByRole('button', { name: 'Save', exact: true }).click()
  expect((await saved).ok()).toBe(true)
  expect(await (await request.get(path)).text()).toContain(headline)
  const updated = editor.waitForResponse((answer) => answer.url().endsWith(`/desk/articles/${id}/workflow`))
  await press(editor, 'Publish update')
  expect((await updated).ok()).toBe(true)
  const moved = await request.get(path, { maxRedirects: 0 })
  expect(moved.status()).toBe(301)
  expect(moved.headers().location).toBe(`${path}-moved`)

  await editor.reload()
  await press(editor, 'Unpublish')
  await expect(stateLine(editor)).toHaveText('Unpublished')
  expect((await request.get(`${path}-moved`)).status()).toBe(410)
  expect((await request.get(path, { maxRedirects: 0 })).status()).toBe(410)
  expect(await (await request.get('/feed.xml')).text()).not.toContain(headline)
  expect(await (await request.get('/')).text()).not.toContain(headline)
  expect(await (await request.get(`/search?q=${encodeURIComponent('Salim Nasser')}`)).text()).not.toContain(headline)
})

for (const path of [
  '/',
  '/regions',
  '/regions/middle-east',
  marsaHalim.path,
  '/authors/hannah-lindqvist',
  '/tags/ports',
  '/search?q=harbour',
  '/corrections',
  '/no-such-page',
]) {
  test(`${path} has no serious or critical accessibility problems`, async ({ page }) => {
    await page.goto(path)
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
    const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
  })
}

test('the story page fits a 360-pixel phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  for (const path of ['/', marsaHalim.path]) {
    await page.goto(path)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  }
})
