import { expect, test } from './test'
import { XMLParser } from 'fast-xml-parser'
import { coastlink, hidden, marsaHalim, publicDocuments, siteAddress } from './reader-pages'

const xml = new XMLParser({ ignoreAttributes: false })

test('the story page shows everything a reader needs, and loads no framework', async ({ page, baseURL }) => {
  const site = String(baseURL)
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
  expect(decodeURIComponent(mailto ?? '')).toContain(`${site}${marsaHalim.path}`)
  await expect(share.getByRole('button', { name: 'Print' })).toBeVisible()
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await share.getByRole('button', { name: 'Copy link' }).click()
  await expect(share.getByRole('status')).toHaveText('Link copied.')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site}${marsaHalim.path}`)

  // Printing drops navigation and the share bar, and shows the address.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden()
  await expect(share).toBeHidden()
  await expect(page.getByText(`${site}${marsaHalim.path}`, { exact: true })).toBeVisible()
  await page.emulateMedia({ media: 'screen' })

  // Link previews and search engines.
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${site}${marsaHalim.path}`)
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', marsaHalim.headline)
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', siteAddress(site))
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image')
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}') as Record<
    string,
    unknown
  >
  expect(jsonLd).toMatchObject({
    '@type': 'NewsArticle',
    headline: marsaHalim.headline,
    description: expect.stringContaining('The rebuilt breakwater'),
    datePublished: expect.stringMatching(/^\d{4}-/),
    dateModified: expect.stringMatching(/^\d{4}-/),
    author: expect.arrayContaining([expect.objectContaining({ name: 'Hannah Lindqvist', url: `${site}/authors/hannah-lindqvist` })]),
    publisher: expect.objectContaining({ name: 'Copydesk Media' }),
    // The lead photo in the three shapes search engines ask for.
    image: ['16x9', '4x3', '1x1'].map((shape) =>
      expect.objectContaining({
        '@type': 'ImageObject',
        url: expect.stringMatching(new RegExp(`${siteAddress(site).source}media/.*-${shape}-f`)),
      }),
    ),
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
  await expect(page.getByRole('region', { name: 'Top stories' })).toBeVisible()
  // The rail holds the newest stories of the Regions tree; tests running alongside publish there too,
  // so which stories it shows depends on them, but every one of them lives in Regions or a section under it.
  const railStories = page.getByRole('region', { name: 'Regions' }).getByRole('listitem').getByRole('link')
  await expect(railStories.first()).toBeVisible()
  for (const href of await railStories.evaluateAll((links) => links.map((link) => link.getAttribute('href')))) {
    expect(href).toMatch(/^\/regions\/[a-z0-9-]+(\/[a-z0-9-]+)*$/)
  }

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

test('feeds and sitemaps are XML with absolute addresses of published stories only', async ({ request, baseURL }) => {
  const site = String(baseURL)
  const feed = xml.parse(await (await request.get('/feed.xml')).text()) as { rss: { channel: { item: { title: string; link: string }[] } } }
  const titles = feed.rss.channel.item.map((item) => item.title)
  expect(titles).toContain(marsaHalim.headline)
  expect(titles).toContain(coastlink.headline)
  for (const item of feed.rss.channel.item) expect(item.link).toMatch(siteAddress(site))

  const sitemap = xml.parse(await (await request.get('/sitemap.xml')).text()) as { urlset: { url: { loc: string }[] } }
  const locations = sitemap.urlset.url.map((entry) => entry.loc)
  expect(locations).toContain(`${site}${marsaHalim.path}`)
  expect(locations.every((location) => location.startsWith(`${site}/`))).toBe(true)
  expect(xml.parse(await (await request.get('/news-sitemap.xml')).text())).toHaveProperty('urlset')
  const robots = await (await request.get('/robots.txt')).text()
  expect(robots).toContain(`Sitemap: ${site}/sitemap.xml`)
  expect(robots).toContain('Disallow: /desk')

  const documents = await publicDocuments(request)
  for (const [path, text] of documents) {
    for (const headline of hidden) expect(text, `${headline} on ${path}`).not.toContain(headline.replace('&', '&amp;'))
  }
  expect((await request.get('/world/grain-shipments-through-the-strait-of-kell-rise-for-a-third-month')).status()).toBe(410)
})
