import crypto from 'node:crypto'
import { type APIRequestContext, type APIResponse, expect, request as playwrightRequest } from '@playwright/test'
import sharp from 'sharp'
import { type MutatingRoute, mutatingRoutes } from '../lib/mutating-routes'
import { readyToPublish, storyDraft } from '../test/story-docs'
import { demoPassword, fromSite } from './fixtures'

// For each row of lib/mutating-routes.ts: a request the desk really makes, and a way to tell that
// an attacker's copy of it changed nothing, asked through the site's own routes. Typed by the
// table, so a new row does not compile until it has its probe (e2e/cross-origin*.spec.ts use them).

/** What a probe sends: as JSON, as form fields, as a multipart upload, or nothing. */
export type ProbeBody = { json: unknown } | { form: Record<string, string> } | { upload: { alt: string; image: string } } | { none: true }

/** A story of the test's own, made by the editor through the site, at the version it was made. */
export type Story = { id: number; version: number; headline: string }

/** The person the attacks act for, signed in through the site, and a second editor to watch presence. */
export type Desk = { editor: APIRequestContext; editor2: APIRequestContext; story: Story; csrfToken: string; marker: string }

export type Probe = {
  method: 'POST' | 'DELETE'
  /** Puts the story in the state the attack would change, through the site. */
  before?: (desk: Desk) => Promise<void>
  path: (desk: Desk) => string
  body: (desk: Desk) => Promise<ProbeBody>
  /** Passes only when none of the attacker's copies was acted on. */
  changedNothing: (desk: Desk) => Promise<void>
}

export const editorName = 'Daniel Achterberg'

/** A story with only a contributor's byline (the editor who saves it stays its one owner), ready to publish. */
const draft = (headline: string) => storyDraft({ headline, bylines: [{ name: 'A Contributor', outlet: 'Wire' }], ...readyToPublish })

/** A unique small PNG, as base64 (the library takes no duplicate twice). */
async function uniqueImage(): Promise<string> {
  const png = await sharp(crypto.randomBytes(24 * 24 * 3), { raw: { width: 24, height: 24, channels: 3 } })
    .png()
    .toBuffer()
  return png.toString('base64')
}

/** Who else `client`'s presence ping on the story reports. */
async function othersSeenBy(client: APIRequestContext, story: Story): Promise<string[]> {
  const answer = await client.post(`/desk/articles/${story.id}/presence`)
  expect(answer.status()).toBe(200)
  return ((await answer.json()) as { others: string[] }).others
}

export const probes: Record<MutatingRoute, Probe> = {
  'POST /desk/articles/[id]/revisions': {
    method: 'POST',
    path: ({ story }) => `/desk/articles/${story.id}/revisions`,
    body: async ({ story, marker }) => ({
      json: { draft: draft(`Rewritten ${marker}`), baseVersion: story.version, kind: 'save' },
    }),
    // A save that landed would have moved the version on: this one would then be a conflict.
    changedNothing: async ({ editor, story }) => {
      const save = await editor.post(`/desk/articles/${story.id}/revisions`, {
        data: { draft: draft(`Kept ${story.headline}`), baseVersion: story.version, kind: 'save' },
      })
      expect(save.status(), await save.text()).toBe(200)
    },
  },
  'POST /desk/articles/[id]/workflow': {
    method: 'POST',
    path: ({ story }) => `/desk/articles/${story.id}/workflow`,
    // In review, where an editor may publish it.
    before: async ({ editor, story }) => {
      const submitted = await editor.post(`/desk/articles/${story.id}/workflow`, { data: { action: 'submit', baseVersion: story.version } })
      expect(submitted.status(), await submitted.text()).toBe(200)
      story.version = ((await submitted.json()) as { version: number }).version
    },
    body: async ({ story }) => ({ json: { action: 'publish', baseVersion: story.version } }),
    changedNothing: async ({ editor, story }) => {
      const publish = await editor.post(`/desk/articles/${story.id}/workflow`, { data: { action: 'publish', baseVersion: story.version } })
      expect(publish.status(), await publish.text()).toBe(200)
    },
  },
  'POST /desk/articles/[id]/presence': {
    method: 'POST',
    path: ({ story }) => `/desk/articles/${story.id}/presence`,
    body: async () => ({ none: true }),
    changedNothing: async ({ editor, editor2, story }) => {
      expect(await othersSeenBy(editor2, story)).not.toContain(editorName)
      await othersSeenBy(editor, story)
      expect(await othersSeenBy(editor2, story)).toContain(editorName)
    },
  },
  'DELETE /desk/articles/[id]/presence': {
    method: 'DELETE',
    path: ({ story }) => `/desk/articles/${story.id}/presence`,
    before: async ({ editor, story }) => void (await othersSeenBy(editor, story)),
    body: async () => ({ none: true }),
    // The editor has the story open; a leave that landed would hide them from the others.
    changedNothing: async ({ editor, editor2, story }) => {
      expect(await othersSeenBy(editor2, story)).toContain(editorName)
      expect((await editor.delete(`/desk/articles/${story.id}/presence`)).status()).toBe(204)
      expect(await othersSeenBy(editor2, story)).not.toContain(editorName)
    },
  },
  'POST /desk/articles/[id]/collab-ticket': {
    method: 'POST',
    path: ({ story }) => `/desk/articles/${story.id}/collab-ticket`,
    body: async () => ({ none: true }),
    // A ticket stores nothing, and a foreign page could not read one; still it is refused before one is made.
    changedNothing: async ({ editor, story }) => {
      const own = await editor.post(`/desk/articles/${story.id}/collab-ticket`)
      expect(own.status(), await own.text()).toBe(200)
    },
  },
  'POST /desk/articles/new/from-draft': {
    method: 'POST',
    path: () => '/desk/articles/new/from-draft',
    body: async ({ marker }) => ({ json: { draft: draft(`Planted ${marker}`) } }),
    changedNothing: async ({ editor, marker }) => {
      const found = await editor.get(`/desk?q=${encodeURIComponent(`Planted ${marker}`)}`)
      expect(await found.text()).toContain('No stories here.')
      const created = await editor.post('/desk/articles/new/from-draft', { data: { draft: draft(`Own ${marker}`) } })
      expect(created.status(), await created.text()).toBe(200)
    },
  },
  'POST /desk/media/upload': {
    method: 'POST',
    path: () => '/desk/media/upload',
    body: async ({ marker }) => ({ upload: { alt: `Planted ${marker}`, image: await uniqueImage() } }),
    changedNothing: async ({ editor, marker }) => {
      const found = await editor.get(`/desk/media/options?q=${encodeURIComponent(`Planted ${marker}`)}`)
      expect(((await found.json()) as { options: unknown[] }).options).toEqual([])
      const image = Buffer.from(await uniqueImage(), 'base64')
      const own = await editor.post('/desk/media/upload', {
        multipart: { file: { name: 'own.png', mimeType: 'image/png', buffer: image }, alt: `Own ${marker}` },
      })
      expect(own.status(), await own.text()).toBe(201)
    },
  },
  // Signing out: a sign-out that landed would have ended the editor's session.
  'POST /api/auth/[...nextauth]': {
    method: 'POST',
    path: () => '/api/auth/signout',
    body: async ({ csrfToken }) => ({ form: { csrfToken } }),
    changedNothing: async ({ editor }) => {
      const desk = await editor.get('/desk', { maxRedirects: 0 })
      expect(desk.status()).toBe(200)
      expect(await desk.text()).toContain('editor@copydesk.test')
    },
  },
}

export const mutatingRouteNames = Object.keys(mutatingRoutes) as MutatingRoute[]

/** An API client signed in through Auth.js's routes, sending the site's Origin as the desk's pages do. */
export async function signedInClient(baseURL: string, email: string): Promise<{ client: APIRequestContext; csrfToken: string }> {
  const client = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: fromSite(baseURL) })
  const { csrfToken } = (await (await client.get('/api/auth/csrf')).json()) as { csrfToken: string }
  const signIn = await client.post('/api/auth/callback/credentials', { form: { csrfToken, email, password: demoPassword } })
  expect(signIn.ok()).toBe(true)
  return { client, csrfToken }
}

/** The editor and editor2 signed in, and a fresh story of the editor's. */
export async function openDesk(baseURL: string): Promise<Desk> {
  const [{ client: editor, csrfToken }, { client: editor2 }] = await Promise.all([
    signedInClient(baseURL, 'editor@copydesk.test'),
    signedInClient(baseURL, 'editor2@copydesk.test'),
  ])
  const marker = `${Date.now()}${crypto.randomInt(1e6)}`
  const headline = `Cross-origin target ${marker}`
  const created = await editor.post('/desk/articles/new/from-draft', { data: { draft: draft(headline) } })
  expect(created.status(), await created.text()).toBe(200)
  const { articleId } = (await created.json()) as { articleId: number }
  // A story made from a draft is created, then saved once: version 2 (see e2e/authorization.spec.ts).
  return { editor, editor2, story: { id: articleId, version: 2, headline }, csrfToken, marker }
}

/** Sends `body` with Playwright's request client, adding `headers`. */
export function sendProbe(
  client: APIRequestContext,
  probe: Probe,
  desk: Desk,
  body: ProbeBody,
  headers: Record<string, string>,
): Promise<APIResponse> {
  const options = { method: probe.method, headers, maxRedirects: 0 }
  const url = probe.path(desk)
  if ('json' in body)
    return client.fetch(url, { ...options, data: JSON.stringify(body.json), headers: { 'content-type': 'application/json', ...headers } })
  if ('form' in body) return client.fetch(url, { ...options, form: body.form })
  if ('upload' in body) {
    const file = { name: 'planted.png', mimeType: 'image/png', buffer: Buffer.from(body.upload.image, 'base64') }
    return client.fetch(url, { ...options, multipart: { file, alt: body.upload.alt } })
  }
  return client.fetch(url, options)
}
