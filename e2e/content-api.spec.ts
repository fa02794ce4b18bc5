import { expect, test } from './test'
import { readyToPublish, storyDraft } from '../test/story-docs'
import { act, ownId, signedInClient } from './fixtures'

// The Content API over HTTP, through server.mjs and its kept answers: a story published in the
// desk is there, and the moment it is unpublished it is gone, from the story and from the lists.

test('a story published in the desk is in the Content API, and gone from it the moment it is unpublished', async ({ baseURL, request }) => {
  const [writer, editor] = await Promise.all([
    signedInClient(baseURL ?? '', 'writer@copydesk.test'),
    signedInClient(baseURL ?? '', 'editor@copydesk.test'),
  ])
  const tag = `api-${Date.now()}`
  const headline = `Content API ${tag}`
  const draft = storyDraft({ headline, tags: [tag], bylines: [{ userId: await ownId(writer) }], ...readyToPublish })
  const created = await writer.post('/desk/articles/new/from-draft', { data: { draft } })
  expect(created.status()).toBe(200)
  const { articleId } = (await created.json()) as { articleId: number }
  const address = `/api/v1/stories/${articleId}`
  expect((await request.get(address)).status()).toBe(404)

  let version = await act(writer, articleId, 'submit', 2)
  version = await act(editor, articleId, 'approve', version)
  version = await act(editor, articleId, 'publish', version)

  const story = await request.get(address)
  expect(story.status()).toBe(200)
  expect(story.headers()['cache-control']).toBe('public, max-age=0, must-revalidate')
  expect(await story.json()).toMatchObject({ id: articleId, headline, tags: [{ name: tag, slug: tag }] })
  const listed = await request.get(`/api/v1/stories?tag=${tag}`)
  expect(((await listed.json()) as { data: { id: number }[] }).data.map((item) => item.id)).toEqual([articleId])

  // Asked again with its ETag: 304, also once the answer is kept and server.mjs gives it.
  const etag = story.headers().etag ?? ''
  expect(etag).not.toBe('')
  for (let asked = 0; asked < 2; asked++) expect((await request.get(address, { headers: { 'if-none-match': etag } })).status()).toBe(304)
  const ninjs = await request.get(address, { headers: { accept: 'application/ninjs+json' } })
  expect(ninjs.headers()['content-type']).toBe('application/ninjs+json; charset=utf-8')
  expect(await ninjs.json()).toMatchObject({ type: 'text', headlines: [{ role: 'main', value: headline }] })
  // Kept and given by server.mjs from memory: the same headers as when it was made.
  const kept = await request.get(address)
  expect(kept.headers()['content-type']).toBe('application/json; charset=utf-8')
  for (const answer of [story, kept]) expect(answer.headers()['x-content-type-options']).toBe('nosniff')
  expect((await request.head(address)).status()).toBe(200)

  await act(editor, articleId, 'unpublish', version)
  const gone = await request.get(address)
  expect(gone.status()).toBe(410)
  expect(await gone.json()).toMatchObject({ error: { code: 'gone' } })
  expect((await request.get(`/api/v1/stories?tag=${tag}`)).status()).toBe(404)
  const newest = (await (await request.get('/api/v1/stories?limit=100')).json()) as { data: { id: number }[] }
  expect(newest.data.map((item) => item.id)).not.toContain(articleId)
  await Promise.all([writer.dispose(), editor.dispose()])
})

test('a bad cursor, an address the API does not have, a method the address does not take, or a write without a token, gets a JSON error', async ({
  request,
}) => {
  const badCursor = await request.get('/api/v1/stories?cursor=not-a-cursor')
  expect(badCursor.status()).toBe(400)
  expect(await badCursor.json()).toEqual({ error: { code: 'bad_cursor', message: expect.any(String) } })
  for (const address of ['/api/v1', '/api/v1/', '/api/v1/nothing/here']) {
    const unknown = await request.get(address)
    expect(unknown.status(), address).toBe(404)
    expect(await unknown.json(), address).toMatchObject({ error: { code: 'not_found' } })
  }
  for (const address of ['/api/v1/stories', '/api/v1/sections']) {
    const posted = await request.post(address, { data: {} })
    expect(posted.status(), address).toBe(405)
    expect(posted.headers().allow, address).toBe('GET, HEAD')
    expect(await posted.json(), address).toMatchObject({ error: { code: 'method_not_allowed' } })
  }
  const deleted = await request.delete('/api/v1/drafts/1')
  expect(deleted.status()).toBe(405)
  expect(deleted.headers().allow).toBe('GET, HEAD, PATCH')
  // Drafts are written with a token only: without one, a JSON 401 that says how to send it.
  const untokened = await request.post('/api/v1/drafts', { data: {} })
  expect(untokened.status()).toBe(401)
  expect(untokened.headers()['www-authenticate']).toBe('Bearer realm="copydesk"')
  expect(await untokened.json()).toMatchObject({ error: { code: 'unauthorized' } })
})
