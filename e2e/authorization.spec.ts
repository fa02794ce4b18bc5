import { type APIRequestContext, request as playwrightRequest } from '@playwright/test'
import { expect, test } from './test'
import { doorsInBuild } from '../test/app-doors'
import { serverActions } from '../test/authorization-actions'
import { routeHandlers } from '../test/authorization-cases'
import { storyDraft } from '../test/story-docs'
import { fromSite, ownId, signedInClient } from './fixtures'

// What the desk's route handlers answer to each kind of refusal, over HTTP (lib/refusal.ts has
// the table): 401 signed out, 403 not allowed, 404 no such story, 409 stale, 422 a bad request.
// Never a 500, and never the work done. test/authorization-cases.ts cites these tests.

/** A draft with only a contributor's byline: the person who creates it is its one owner. */
const draft = (headline: string) => storyDraft({ headline, bylines: [{ name: 'A Contributor', outlet: 'Wire' }] })

test('every desk route answers 401 to a session that no longer opens the desk', async ({ baseURL }) => {
  // A session cookie gets past the sign-in redirect; the server finds no one behind it.
  const client = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: 'authjs.session-token=ended-or-forged', ...fromSite(baseURL) },
  })
  const answers = await Promise.all([
    client.post('/desk/articles/1/revisions', { data: { draft: draft('x'), baseVersion: 1, kind: 'save' } }),
    client.post('/desk/articles/1/workflow', { data: { action: 'publish', baseVersion: 1 } }),
    client.post('/desk/articles/1/presence'),
    client.delete('/desk/articles/1/presence'),
    client.post('/desk/articles/1/collab-ticket'),
    client.get('/desk/articles/1/preview'),
    client.get('/desk/articles/1/events?version=1'),
    client.get('/desk/notifications/events'),
    client.post('/desk/articles/new/from-draft', { data: { draft: draft('x') } }),
    client.get('/desk/media/options?q=harbour'),
    client.post('/desk/media/upload', { multipart: { alt: 'x' } }),
  ])
  expect(answers.map((answer) => answer.status())).toEqual(answers.map(() => 401))
  await client.dispose()
})

test('a writer saving another writer’s story is refused with 403, a missing story 404, a garbled save 422', async ({ baseURL }) => {
  const owner = await signedInClient(baseURL ?? '', 'writer2@copydesk.test')
  // Its writer stays on the byline (a writer may not start a story credited to others alone).
  const bylines = [{ userId: await ownId(owner) }]
  const created = await owner.post('/desk/articles/new/from-draft', {
    data: { draft: storyDraft({ headline: 'Authorization probe', bylines }) },
  })
  expect(created.status()).toBe(200)
  const { articleId } = (await created.json()) as { articleId: number }

  const other = await signedInClient(baseURL ?? '', 'writer@copydesk.test')
  const save = (id: number, data: unknown) => other.post(`/desk/articles/${id}/revisions`, { data })
  const forbidden = await save(articleId, { draft: draft('Taken over'), baseVersion: 2, kind: 'save' })
  expect(forbidden.status()).toBe(403)
  expect(await forbidden.json()).toEqual({
    ok: false,
    reason: 'forbidden',
    message: 'Only the story’s writers and the editors can change this story.',
  })
  expect((await save(999_999, { draft: draft('Nowhere'), baseVersion: 1, kind: 'save' })).status()).toBe(404)
  expect((await save(articleId, { draft: 'not a story', baseVersion: 2, kind: 'save' })).status()).toBe(422)
  // The story is as its writer left it.
  const preview = await owner.get(`/desk/articles/${articleId}/preview`)
  expect(await preview.text()).toContain('Authorization probe')
  await Promise.all([owner.dispose(), other.dispose()])
})

test('a writer asking for the events of another writer’s draft, or of no story, gets 404', async ({ baseURL }) => {
  const owner = await signedInClient(baseURL ?? '', 'writer2@copydesk.test')
  const created = await owner.post('/desk/articles/new/from-draft', {
    data: { draft: storyDraft({ headline: 'Events probe', bylines: [{ userId: await ownId(owner) }] }) },
  })
  const { articleId } = (await created.json()) as { articleId: number }
  const other = await signedInClient(baseURL ?? '', 'writer@copydesk.test')
  expect((await other.get(`/desk/articles/${articleId}/events?version=1`)).status()).toBe(404)
  expect((await other.get('/desk/articles/999999/events?version=1')).status()).toBe(404)
  await Promise.all([owner.dispose(), other.dispose()])
})

test('a writer publishing is refused with 403, a stale version 409, a bad request 422', async ({ baseURL }) => {
  const writer = await signedInClient(baseURL ?? '', 'writer@copydesk.test')
  const editor = await signedInClient(baseURL ?? '', 'editor@copydesk.test')
  const act = (client: APIRequestContext, id: number, data: unknown) => client.post(`/desk/articles/${id}/workflow`, { data })

  const refused = await act(writer, 1, { action: 'publish', baseVersion: 1 })
  expect(refused.status()).toBe(403)
  expect(await refused.json()).toEqual({ ok: false, reason: 'forbidden', message: 'Only editors can publish a story.' })
  expect((await act(editor, 1, { action: 'unpublish', baseVersion: 999_999, note: 'A stale version.' })).status()).toBe(409)
  expect((await act(editor, 1, { action: 'fly' })).status()).toBe(422)
  expect((await act(editor, 999_999, { action: 'publish', baseVersion: 1 })).status()).toBe(404)
  await Promise.all([writer.dispose(), editor.dispose()])
})

test('every server action and route file of the build has a row in the authorization table', () => {
  const built = doorsInBuild('.next-e2e')
  expect(built, 'the end-to-end tests run on the .next-e2e build').not.toBeNull()
  expect(built?.actions.filter((action) => !(action in serverActions))).toEqual([])
  const listed = new Set(Object.keys(routeHandlers).map((door) => door.slice(0, door.lastIndexOf(' '))))
  expect(built?.routeFiles.filter((file) => !listed.has(file))).toEqual([])
})
