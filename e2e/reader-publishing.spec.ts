import { expect, test } from './test'
import { signedInPage } from './fixtures'
import { press, stateLine, submitForReview, unpublish } from './pages/story-form'
import { publicDocuments } from './reader-pages'

test('a publication is on the public site within a second; a slug change redirects; an unpublished story is gone', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000)
  const editor = await signedInPage(browser, 'editor@copydesk.test')
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
  await submitForReview(editor)
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
  await unpublish(editor, 'The family asked us to take it down.')
  await expect(stateLine(editor)).toHaveText('Unpublished')
  expect((await request.get(`${path}-moved`)).status()).toBe(410)
  expect((await request.get(path, { maxRedirects: 0 })).status()).toBe(410)
  expect(await (await request.get('/feed.xml')).text()).not.toContain(headline)
  expect(await (await request.get('/')).text()).not.toContain(headline)
  expect(await (await request.get(`/search?q=${encodeURIComponent('Salim Nasser')}`)).text()).not.toContain(headline)
})
