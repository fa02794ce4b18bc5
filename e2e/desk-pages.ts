import fs from 'node:fs'
import path from 'node:path'
import { type APIRequestContext, type Browser, type Page, expect } from '@playwright/test'
import sharp from 'sharp'
import { doc, p, storyDraft, text } from '../test/story-docs'
import { ownId, signIn, signedInClient } from './fixtures'

// Every desk page, who may see it, its heading and its <title>, and the one setup that makes the
// data they show: shared by the phone check (desk-phone.spec.ts) and the accessibility check
// (desk-accessibility.spec.ts).

export type Person = 'writer' | 'editor' | 'admin'
/** What the pages need: a story of the writer's own with everything a story can carry, its image, and its long tag. */
export type Made = { storyId: number; headline: string; mediaId: number; personId: number; lastRevision: number; tagId: number }
export type DeskPage = {
  route: string
  name: string
  as: Person
  path: (made: Made) => string
  heading: RegExp
  title: (made: Made) => string
}

/** A desk page's <title>: its own name, then the desk's (app/desk/layout.tsx). */
const titled = (name: string) => () => `${name} · Desk · Copydesk`

/**
 * Every page under app/desk, each with someone who may see it. A new desk page must be added
 * here: `deskRoutes` finds every page.tsx (and the preview), and a test compares the two.
 */
export const deskPages: DeskPage[] = [
  // The desk's lists (deskQueues in lib/desk-queues.ts), as an editor, and a writer's landing list.
  ...['drafts', 'review', 'sentBack', 'scheduled', 'published', 'all', 'trash'].map((queue) => ({
    route: '/desk',
    name: `desk-${queue}`,
    as: 'editor' as const,
    path: () => `/desk?queue=${queue}`,
    heading: /^Desk$/,
    title: () => 'Desk · Copydesk',
  })),
  { route: '/desk', name: 'desk-writer', as: 'writer', path: () => '/desk', heading: /^Desk$/, title: () => 'Desk · Copydesk' },
  {
    route: '/desk/articles/new',
    name: 'new-story',
    as: 'writer',
    path: () => '/desk/articles/new',
    heading: /^New story$/,
    title: titled('New story'),
  },
  {
    route: '/desk/articles/[id]',
    name: 'story-form',
    as: 'writer',
    path: (m) => `/desk/articles/${m.storyId}`,
    heading: /^Edit story$/,
    title: (m) => titled(m.headline)(),
  },
  {
    route: '/desk/articles/[id]/history',
    name: 'history',
    as: 'writer',
    path: (m) => `/desk/articles/${m.storyId}/history`,
    heading: /^History/,
    title: (m) => titled(`History: ${m.headline}`)(),
  },
  {
    route: '/desk/articles/[id]/history',
    name: 'comparison',
    as: 'writer',
    path: (m) => `/desk/articles/${m.storyId}/history?from=1&to=${m.lastRevision}`,
    heading: /^History/,
    title: (m) => titled(`History: ${m.headline}`)(),
  },
  {
    route: '/desk/articles/[id]/preview',
    name: 'preview',
    as: 'writer',
    path: (m) => `/desk/articles/${m.storyId}/preview`,
    heading: /Harbour/,
    title: (m) => `${m.headline} · Copydesk`,
  },
  {
    route: '/desk/front',
    name: 'front-page',
    as: 'editor',
    path: () => '/desk/front',
    heading: /^Front page$/,
    title: titled('Front page'),
  },
  {
    route: '/desk/media',
    name: 'media',
    as: 'writer',
    path: () => '/desk/media',
    heading: /^Media library$/,
    title: titled('Media library'),
  },
  {
    route: '/desk/media/[id]',
    name: 'media-item',
    as: 'writer',
    path: (m) => `/desk/media/${m.mediaId}`,
    heading: /^Image details/,
    title: titled('Image'),
  },
  {
    route: '/desk/notifications',
    name: 'notifications',
    as: 'editor',
    path: () => '/desk/notifications',
    heading: /^Notifications$/,
    title: titled('Notifications'),
  },
  {
    route: '/desk/profile',
    name: 'profile',
    as: 'writer',
    path: () => '/desk/profile',
    heading: /^Your account$/,
    title: titled('Your account'),
  },
  {
    route: '/desk/admin/users',
    name: 'people',
    as: 'admin',
    path: () => '/desk/admin/users',
    heading: /^People$/,
    title: titled('People'),
  },
  {
    route: '/desk/admin/users/[id]',
    name: 'person',
    as: 'admin',
    path: (m) => `/desk/admin/users/${m.personId}`,
    heading: /\S/,
    title: titled('Person'),
  },
  {
    route: '/desk/admin/audit',
    name: 'audit',
    as: 'admin',
    path: () => '/desk/admin/audit',
    heading: /^Audit log$/,
    title: titled('Audit log'),
  },
  {
    route: '/desk/admin/settings',
    name: 'settings',
    as: 'admin',
    path: () => '/desk/admin/settings',
    heading: /^Newsroom settings$/,
    title: titled('Settings'),
  },
  {
    route: '/desk/admin/pages',
    name: 'site-pages',
    as: 'admin',
    path: () => '/desk/admin/pages',
    heading: /^Site pages$/,
    title: titled('Site pages'),
  },
  {
    route: '/desk/admin/pages/[slug]',
    name: 'site-page',
    as: 'admin',
    path: () => '/desk/admin/pages/about',
    heading: /\S/,
    title: titled('Edit site page'),
  },
  {
    route: '/desk/admin/tags',
    name: 'tags',
    as: 'editor',
    path: () => `/desk/admin/tags?q=${longTag.slice(0, 20)}`,
    heading: /^Tags$/,
    title: titled('Tags'),
  },
  {
    route: '/desk/admin/tags/[id]',
    name: 'tag',
    as: 'editor',
    path: (m) => `/desk/admin/tags/${m.tagId}`,
    heading: /\S/,
    title: titled('Tag'),
  },
  // Section 1 is the demo newsroom's first, Regions.
  {
    route: '/desk/admin/sections',
    name: 'sections',
    as: 'admin',
    path: () => '/desk/admin/sections',
    heading: /^Sections$/,
    title: titled('Sections'),
  },
  {
    route: '/desk/admin/sections/[id]',
    name: 'section',
    as: 'admin',
    path: () => '/desk/admin/sections/1',
    heading: /\S/,
    title: titled('Section'),
  },
  {
    route: '/desk/front/sections/[id]',
    name: 'section-top',
    as: 'editor',
    path: () => '/desk/front/sections/1',
    heading: /^Top of /,
    title: titled('Top of a section'),
  },
]

export const emails: Record<Person, string> = {
  writer: 'writer@copydesk.test',
  editor: 'editor@copydesk.test',
  admin: 'admin@copydesk.test',
}

/** The desk's pages as the file tree has them: every page.tsx, and the preview (a page from a route handler). */
export function deskRoutes(dir = path.join('app', 'desk')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const inside = path.join(dir, entry.name)
    if (entry.isDirectory()) return deskRoutes(inside)
    const isPage = entry.name === 'page.tsx' || (entry.name === 'route.ts' && path.basename(dir) === 'preview')
    return isPage ? ['/' + path.relative('app', dir).split(path.sep).join('/')] : []
  })
}

/** A JPEG no other test uploads. */
function uniqueJpeg(): Promise<Buffer> {
  const background = { r: Math.floor(Math.random() * 256), g: 120, b: 160 }
  return sharp({ create: { width: 1200, height: 800, channels: 3, background } })
    .jpeg()
    .toBuffer()
}

// Words with no place to break: a German compound, an address with a query.
export const longWord = 'Donaudampfschifffahrtsgesellschaftskapitaenswitwenrentenversicherungsanstalt'
export const longTag = longWord.slice(0, 59)
export const longUrl = `https://example.org/reports/${'harbourworks'.repeat(6)}.pdf?utm_source=newsletter&utm_medium=email`

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
  return { storyId: articleId, headline: draft.headline, mediaId: media.id, personId: await ownId(writer), lastRevision: revisionNumber }
}

/**
 * The desk as its pages are checked: the writer's story, a note on it, and a signed-in page per
 * person, in browser contexts made with `contextOptions` (a phone's viewport, a dark scheme).
 */
export async function openDesk(
  browser: Browser,
  baseURL: string,
  contextOptions: Parameters<Browser['newContext']>[0] = {},
): Promise<{ made: Made; pages: Map<Person, Page>; close: () => Promise<void> }> {
  const writerClient = await signedInClient(baseURL, emails.writer)
  const story = await makeStory(writerClient)
  await writerClient.dispose()

  const pages = new Map<Person, Page>()
  for (const person of ['writer', 'editor', 'admin'] as const) {
    const page = await (await browser.newContext(contextOptions)).newPage()
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
  const close = async () => {
    await Promise.all([...pages.values()].map((page) => page.context().close()))
  }
  return { made, pages, close }
}

/** Opens a desk page as its person and waits until it has drawn what it shows. */
export async function visit(page: Page, deskPage: DeskPage, made: Made): Promise<void> {
  await page.goto(deskPage.path(made))
  await expect(page.getByRole('heading', { level: 1, name: deskPage.heading }).first()).toBeVisible()
  if (deskPage.name === 'story-form') await expect(page.getByRole('textbox', { name: 'Story body' })).toBeVisible()
}
