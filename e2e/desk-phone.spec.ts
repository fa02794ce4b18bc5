import fs from 'node:fs'
import path from 'node:path'
import { type APIRequestContext, type Page, expect, test } from '@playwright/test'
import sharp from 'sharp'
import { doc, p, storyDraft, text } from '../test/story-docs'
import { ownId, signIn, signInThroughForm, signedInClient } from './fixtures'

// The desk on a phone: at 360 px wide no desk page scrolls sideways, and the desk's navigation
// folds into a "Menu" that keeps Sign out within reach. At a desk's width the links show as ever.

const phone = { width: 360, height: 740 }
const shots = path.join('test-results', 'desk-phone')

type Person = 'writer' | 'editor' | 'admin'
/** What the pages need: a story of the writer's own with everything a story can carry, its image, and its long tag. */
type Made = { storyId: number; mediaId: number; personId: number; lastRevision: number; tagId: number }
type DeskPage = { route: string; name: string; as: Person; path: (made: Made) => string; heading: RegExp }

/**
 * Every page under app/desk, each visited at 360 px as someone who may see it. A new desk page
 * must be added here: the first test fails until every page.tsx (and the preview) is listed.
 */
const deskPages: DeskPage[] = [
  // The desk's lists (deskQueues in lib/desk-queues.ts), as an editor, and a writer's landing list.
  ...['drafts', 'review', 'sentBack', 'scheduled', 'published', 'all', 'trash'].map((queue) => ({
    route: '/desk',
    name: `desk-${queue}`,
    as: 'editor' as const,
    path: () => `/desk?queue=${queue}`,
    heading: /^Desk$/,
  })),
  { route: '/desk', name: 'desk-writer', as: 'writer', path: () => '/desk', heading: /^Desk$/ },
  { route: '/desk/articles/new', name: 'new-story', as: 'writer', path: () => '/desk/articles/new', heading: /^New story$/ },
  { route: '/desk/articles/[id]', name: 'story-form', as: 'writer', path: (m) => `/desk/articles/${m.storyId}`, heading: /^Edit story$/ },
  {
    route: '/desk/articles/[id]/history',
    name: 'history',
    as: 'writer',
    path: (m) => `/desk/articles/${m.storyId}/history`,
    heading: /^History/,
  },
  {
    route: '/desk/articles/[id]/history',
    name: 'comparison',
    as: 'writer',
    path: (m) => `/desk/articles/${m.storyId}/history?from=1&to=${m.lastRevision}`,
    heading: /^History/,
  },
  {
    route: '/desk/articles/[id]/preview',
    name: 'preview',
    as: 'writer',
    path: (m) => `/desk/articles/${m.storyId}/preview`,
    heading: /Harbour/,
  },
  { route: '/desk/front', name: 'front-page', as: 'editor', path: () => '/desk/front', heading: /^Front page$/ },
  { route: '/desk/media', name: 'media', as: 'writer', path: () => '/desk/media', heading: /^Media library$/ },
  { route: '/desk/media/[id]', name: 'media-item', as: 'writer', path: (m) => `/desk/media/${m.mediaId}`, heading: /^Image details/ },
  { route: '/desk/notifications', name: 'notifications', as: 'editor', path: () => '/desk/notifications', heading: /^Notifications$/ },
  { route: '/desk/profile', name: 'profile', as: 'writer', path: () => '/desk/profile', heading: /^Your account$/ },
  { route: '/desk/admin/users', name: 'people', as: 'admin', path: () => '/desk/admin/users', heading: /^People$/ },
  { route: '/desk/admin/users/[id]', name: 'person', as: 'admin', path: (m) => `/desk/admin/users/${m.personId}`, heading: /\S/ },
  { route: '/desk/admin/audit', name: 'audit', as: 'admin', path: () => '/desk/admin/audit', heading: /^Audit log$/ },
  { route: '/desk/admin/settings', name: 'settings', as: 'admin', path: () => '/desk/admin/settings', heading: /^Newsroom settings$/ },
  { route: '/desk/admin/pages', name: 'site-pages', as: 'admin', path: () => '/desk/admin/pages', heading: /^Site pages$/ },
  { route: '/desk/admin/pages/[slug]', name: 'site-page', as: 'admin', path: () => '/desk/admin/pages/about', heading: /\S/ },
  { route: '/desk/admin/tags', name: 'tags', as: 'editor', path: () => `/desk/admin/tags?q=${longTag.slice(0, 20)}`, heading: /^Tags$/ },
  { route: '/desk/admin/tags/[id]', name: 'tag', as: 'editor', path: (m) => `/desk/admin/tags/${m.tagId}`, heading: /\S/ },
  // Section 1 is the demo newsroom's first, Regions.
  { route: '/desk/admin/sections', name: 'sections', as: 'admin', path: () => '/desk/admin/sections', heading: /^Sections$/ },
  { route: '/desk/admin/sections/[id]', name: 'section', as: 'admin', path: () => '/desk/admin/sections/1', heading: /\S/ },
  { route: '/desk/front/sections/[id]', name: 'section-top', as: 'editor', path: () => '/desk/front/sections/1', heading: /^Top of / },
]

const emails: Record<Person, string> = { writer: 'writer@copydesk.test', editor: 'editor@copydesk.test', admin: 'admin@copydesk.test' }

/** The desk's pages as the file tree has them: every page.tsx, and the preview (a page from a route handler). */
function deskRoutes(dir = path.join('app', 'desk')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const inside = path.join(dir, entry.name)
    if (entry.isDirectory()) return deskRoutes(inside)
    const isPage = entry.name === 'page.tsx' || (entry.name === 'route.ts' && path.basename(dir) === 'preview')
    return isPage ? ['/' + path.relative('app', dir).split(path.sep).join('/')] : []
  })
}

test('the list of phone checks covers every desk page', () => {
  expect([...new Set(deskPages.map((page) => page.route))].sort()).toEqual(deskRoutes().sort())
})

/** A JPEG no other test uploads. */
function uniqueJpeg(): Promise<Buffer> {
  const background = { r: Math.floor(Math.random() * 256), g: 120, b: 160 }
  return sharp({ create: { width: 1200, height: 800, channels: 3, background } })
    .jpeg()
    .toBuffer()
}

// Words with no place to break: a German compound, an address with a query.
const longWord = 'Donaudampfschifffahrtsgesellschaftskapitaenswitwenrentenversicherungsanstalt'
const longTag = longWord.slice(0, 59)
const longUrl = `https://example.org/reports/${'harbourworks'.repeat(6)}.pdf?utm_source=newsletter&utm_medium=email`

/** The writer's story: a long headline, a figure, two bylines (one an outside contributor), a long link and a second revision. */
async function makeStory(writer: APIRequestContext): Promise<Omit<Made, 'tagId'>> {
  const file = { name: `${longWord}.jpg`, mimeType: 'image/jpeg', buffer: await uniqueJpeg() }
  const uploaded = await writer.post('/desk/media/upload', { multipart: { file, alt: 'The harbour wall under repair' } })
  expect(uploaded.status()).toBe(201)
  const media = ((await uploaded.json()) as { media: { id: number; src: string } }).media
  const figure = {
    type: 'figure',
    attrs: {
      kind: 'photo',
      mediaId: media.id,
      src: media.src,
      alt: 'The harbour wall',
      caption: `Works at the ${longWord}.`,
      credit: 'ANA LIMA',
    },
  }
  const draft = storyDraft({
    headline: `Harbour ${longWord} finally begins after a decade of delays and three changes of government ${Date.now()}`,
    standfirst: `The ${longWord} has a budget of $180m and a timetable nobody believes.`,
    body: doc(
      p(text('The report is at '), text(longUrl, [{ type: 'link', attrs: { href: longUrl } }]), text('.')),
      figure,
      p(text(longWord)),
    ),
    bylines: [{ userId: await ownId(writer) }, { name: 'Marguerite Delacroix-Villeneuve', outlet: 'The Northern Coastline Dispatch' }],
    tags: [longTag, 'harbour'],
    leadMediaId: media.id,
    leadCaption: `The ${longWord} site.`,
    leadCredit: 'ANA LIMA',
  })
  const created = await writer.post('/desk/articles/new/from-draft', { data: { draft } })
  expect(created.status(), await created.text()).toBe(200)
  const { articleId } = (await created.json()) as { articleId: number }
  const saved = await writer.post(`/desk/articles/${articleId}/revisions`, {
    data: { draft: { ...draft, standfirst: `${draft.standfirst} Changed.` }, baseVersion: 2, kind: 'save' },
  })
  expect(saved.status(), await saved.text()).toBe(200)
  const { revisionNumber } = (await saved.json()) as { revisionNumber: number }
  return { storyId: articleId, mediaId: media.id, personId: await ownId(writer), lastRevision: revisionNumber }
}

/** How wide the page is, and the widest elements that stick out past the screen's right edge. */
async function overflow(page: Page): Promise<{ html: number; body: number; culprits: string[] }> {
  return page.evaluate((width) => {
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .slice(-5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className} (${Math.round(element.getBoundingClientRect().right)} px)`)
    return { html: document.documentElement.scrollWidth, body: document.body.scrollWidth, culprits }
  }, phone.width)
}

test.describe('at 360 px', () => {
  test.use({ viewport: phone })

  test('no desk page scrolls sideways', async ({ browser, baseURL }) => {
    test.setTimeout(180_000)
    const writerClient = await signedInClient(baseURL ?? '', emails.writer)
    const story = await makeStory(writerClient)
    await writerClient.dispose()

    const pages = new Map<Person, Page>()
    for (const person of ['writer', 'editor', 'admin'] as const) {
      const page = await (await browser.newContext({ viewport: phone })).newPage()
      await signIn(page, emails[person])
      pages.set(person, page)
    }
    const editor = pages.get('editor') as Page
    await editor.goto(`/desk/admin/tags?q=${longTag}`)
    const tagLink = editor.getByRole('link', { name: longTag, exact: true })
    const made: Made = { ...story, tagId: Number((await tagLink.getAttribute('href'))?.split('/').pop()) }
    const writer = pages.get('writer') as Page
    // A note with a long word, so the Notes panel is checked with a thread in it.
    await writer.goto(`/desk/articles/${made.storyId}`)
    const notes = writer.getByRole('region', { name: 'Notes' })
    await notes.getByLabel('New note').fill(`Check the ${longWord} figures against ${longUrl}`)
    await notes.getByRole('button', { name: 'Add note' }).click()
    await expect(notes.getByText(`Check the ${longWord}`)).toBeVisible()

    for (const deskPage of deskPages) {
      const page = pages.get(deskPage.as) as Page
      await page.goto(deskPage.path(made))
      await expect(page.getByRole('heading', { level: 1, name: deskPage.heading }).first()).toBeVisible()
      if (deskPage.name === 'story-form') await expect(page.getByRole('textbox', { name: 'Story body' })).toBeVisible()
      await page.screenshot({ path: path.join(shots, `${deskPage.name}.png`), fullPage: true })
      const { html, body, culprits } = await overflow(page)
      const where = `${deskPage.name} (${deskPage.path(made)}); past the right edge: ${culprits.join(', ')}`
      expect.soft(Math.max(html, body), where).toBeLessThanOrEqual(phone.width)
    }
    await Promise.all([...pages.values()].map((page) => page.context().close()))
  })

  test('the desk’s navigation is behind "Menu", opened by keyboard or touch, and Sign out in it works', async ({ page }) => {
    // A session of its own: signing out ends it, and the saved demo sessions stay in use.
    await signInThroughForm(page, 'writer2@copydesk.test')
    const desk = page.getByRole('navigation', { name: 'Desk' })
    const signOut = page.getByRole('button', { name: 'Sign out' })
    await expect(desk.getByRole('link', { name: 'Media' })).toBeHidden()
    await expect(signOut).toBeHidden()

    // From the keyboard: the next stop after the name of the desk, Enter opens it, Escape closes it.
    await page.getByRole('link', { name: 'Copydesk' }).focus()
    await page.keyboard.press('Tab')
    await expect(menu(page)).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(desk.getByRole('link', { name: 'Media' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(desk.getByRole('link', { name: 'Media' })).toBeHidden()
    await expect(menu(page)).toBeFocused()

    // A link taken from the menu opens its page and folds the menu away.
    await menu(page).click()
    await desk.getByRole('link', { name: 'Media' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Media library' })).toBeVisible()
    await expect(desk.getByRole('link', { name: 'Media' })).toBeHidden()

    await menu(page).click()
    await expect(signOut).toBeInViewport()
    await page.screenshot({ path: path.join(shots, 'menu-open.png') })
    expect((await overflow(page)).html).toBeLessThanOrEqual(phone.width)
    await signOut.click()
    await expect(page).toHaveURL(/\/login/)
  })
})

/** The disclosure that holds the desk's links on a phone (a summary: a button to assistive technology). */
const menu = (page: Page) => page.locator('summary').filter({ hasText: /^Menu$/ })

test('at a desk’s width the navigation shows without a menu', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await signIn(page, emails.writer)
  await expect(menu(page)).toBeHidden()
  const desk = page.getByRole('navigation', { name: 'Desk' })
  for (const name of ['Stories', 'Media', 'Public site']) await expect(desk.getByRole('link', { name })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await page.screenshot({ path: path.join(shots, 'desk-1280.png') })
})
