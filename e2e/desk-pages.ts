import fs from 'node:fs'
import path from 'node:path'

// Every desk page, who may see it, its heading and its <title>: the list the phone check
// (desk-phone.spec.ts) and the accessibility check (desk-accessibility.spec.ts) walk. The data
// the pages show is made by e2e/desk-setup.ts.

export type Person = 'writer' | 'editor' | 'admin'
/** What the pages need: a story of the writer's own with everything a story can carry, its image, and its long tag. */
export type Made = {
  storyId: number
  headline: string
  mediaId: number
  personId: number
  lastRevision: number
  tagId: number
  /** A webhook endpoint, switched off. */
  webhookId: number
}
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
  {
    route: '/desk/admin/webhooks',
    name: 'webhooks',
    as: 'admin',
    path: () => '/desk/admin/webhooks',
    heading: /^Webhooks$/,
    title: titled('Webhooks'),
  },
  {
    route: '/desk/admin/webhooks/[id]',
    name: 'webhook',
    as: 'admin',
    path: (m) => `/desk/admin/webhooks/${m.webhookId}`,
    heading: /\S/,
    title: titled('Webhook'),
  },
  {
    route: '/desk/admin/tokens',
    name: 'API tokens',
    as: 'admin',
    path: () => '/desk/admin/tokens',
    heading: /^API tokens$/,
    title: titled('API tokens'),
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

// Words with no place to break: a German compound, an address with a query.
export const longWord = 'Donaudampfschifffahrtsgesellschaftskapitaenswitwenrentenversicherungsanstalt'
export const longTag = longWord.slice(0, 59)
export const longUrl = `https://example.org/reports/${'harbourworks'.repeat(6)}.pdf?utm_source=newsletter&utm_medium=email`
