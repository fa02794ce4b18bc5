import { type APIRequestContext } from '@playwright/test'
import { expect, test } from './test'
import { readyToPublish, storyDraft } from '../test/story-docs'
import { act, ownId, signedInClient } from './fixtures'
import { uniquePicture } from './media-files'

// An image is public only while a published story shows it. Before that, and again after the
// story is unpublished, its address answers the newsroom people who may see it (never to be kept
// by a shared cache) and 404 to everyone else; the image optimizer never serves it.

const publicCache = 'public, max-age=3600, immutable'

async function upload(client: APIRequestContext): Promise<{ id: number; src: string }> {
  const file = { name: 'harbour.jpg', mimeType: 'image/jpeg', buffer: await uniquePicture(800, 500, 'jpeg') }
  const answer = await client.post('/desk/media/upload', { multipart: { file, alt: 'A private harbour' } })
  expect(answer.status()).toBe(201)
  return ((await answer.json()) as { media: { id: number; src: string } }).media
}

test('a draft’s image is served only to who may see it, public once published, private again once unpublished', async ({
  baseURL,
  request,
}) => {
  const signedIn = (email: string) => signedInClient(baseURL ?? '', email)
  const [writer, writer2, editor] = await Promise.all([
    signedIn('writer@copydesk.test'),
    signedIn('writer2@copydesk.test'),
    signedIn('editor@copydesk.test'),
  ])
  const image = await upload(writer)
  expect(image.src).toMatch(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{64}(-\d+)?\.\w+$/)

  const answers = async () => {
    const [signedOut, uploader, otherWriter, anEditor] = await Promise.all([
      request.get(image.src),
      writer.get(image.src),
      writer2.get(image.src),
      editor.get(image.src),
    ])
    return {
      signedOut: signedOut.status(),
      uploader: [uploader.status(), uploader.headers()['cache-control']],
      otherWriter: otherWriter.status(),
      editor: [anEditor.status(), anEditor.headers()['cache-control']],
    }
  }
  const privately = { signedOut: 404, uploader: [200, 'private, no-store'], otherWriter: 404, editor: [200, 'private, no-store'] }
  expect(await answers()).toEqual(privately)
  const refused = await request.get(image.src)
  expect(refused.headers()['cache-control']).toBe('no-store')
  expect(await refused.text()).toBe('Not found')

  const headline = `Private picture ${Date.now()}`
  const draft = storyDraft({
    headline,
    bylines: [{ userId: await ownId(writer) }],
    leadMediaId: image.id,
    leadCredit: 'HARBOUR DESK',
    ...readyToPublish,
  })
  const created = await writer.post('/desk/articles/new/from-draft', { data: { draft } })
  expect(created.status()).toBe(200)
  const { articleId } = (await created.json()) as { articleId: number }
  expect(await answers()).toEqual(privately)

  let version = await act(writer, articleId, 'submit', 2)
  version = await act(editor, articleId, 'approve', version)
  version = await act(editor, articleId, 'publish', version)
  const published = await request.get(image.src)
  expect(published.status()).toBe(200)
  expect(published.headers()['cache-control']).toBe(publicCache)
  expect((await writer2.get(image.src)).status()).toBe(200)

  await act(editor, articleId, 'unpublish', version)
  expect(await answers()).toEqual(privately)
  await Promise.all([writer.dispose(), writer2.dispose(), editor.dispose()])
})

test('the image optimizer answers neither a private image nor any other local path', async ({ baseURL, request }) => {
  const writer = await signedInClient(baseURL ?? '', 'writer@copydesk.test')
  const image = await upload(writer)
  const optimized = (url: string) => `/_next/image?url=${encodeURIComponent(url)}&w=640&q=75`
  for (const url of [image.src, '/package.json', '/desk', '/login', '/favicon.ico']) {
    for (const client of [request, writer]) {
      const status = (await client.get(optimized(url))).status()
      expect(status, url).not.toBe(200)
      expect(status, url).toBeLessThan(500)
    }
  }
  await writer.dispose()
})
