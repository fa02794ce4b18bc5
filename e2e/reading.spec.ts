import { expect, test } from './test'
import { storyDraft } from '../test/story-docs'
import { ownId, signIn, signedInClient } from './fixtures'

// Reading is a permission too: a writer opens their own stories and published ones, never
// another writer's draft, whose pages answer exactly like an address with nothing behind it.

test('a writer opening another writer’s draft, its history or its preview by id gets the not-found page, with no headline anywhere', async ({
  page,
  baseURL,
}) => {
  const owner = await signedInClient(baseURL ?? '', 'writer2@copydesk.test')
  const headline = `Embargoed scoop ${Date.now()}`
  const draft = storyDraft({ headline, standfirst: 'Not for other eyes.', bylines: [{ userId: await ownId(owner) }] })
  const created = await owner.post('/desk/articles/new/from-draft', { data: { draft } })
  expect(created.status()).toBe(200)
  const { articleId } = (await created.json()) as { articleId: number }

  await signIn(page, 'writer@copydesk.test')
  for (const address of [`/desk/articles/${articleId}`, `/desk/articles/${articleId}/history`]) {
    const response = await page.goto(address)
    expect(response?.status(), address).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    const html = await page.content()
    expect(html, address).not.toContain(headline)
    expect(html, address).not.toContain('Not for other eyes.')
    expect(await page.title(), address).not.toContain('Embargoed')
  }
  const preview = await page.goto(`/desk/articles/${articleId}/preview`)
  expect(preview?.status()).toBe(404)
  expect(await preview?.text()).not.toContain(headline)

  // Nor does any desk list or search show it to the writer.
  await page.goto(`/desk?queue=all&q=${encodeURIComponent(headline)}`)
  await expect(page.getByRole('link', { name: headline })).toHaveCount(0)

  // Its writer and the editors open it as before.
  const editor = await signedInClient(baseURL ?? '', 'editor@copydesk.test')
  for (const client of [owner, editor]) {
    const shown = await client.get(`/desk/articles/${articleId}`)
    expect(shown.status()).toBe(200)
    expect(await shown.text()).toContain(headline)
  }
  await Promise.all([owner.dispose(), editor.dispose()])
})

test('a writer may not take themselves off a story’s byline: the form says why', async ({ page, baseURL }) => {
  const writer = await signedInClient(baseURL ?? '', 'writer@copydesk.test')
  const headline = `Byline kept ${Date.now()}`
  const created = await writer.post('/desk/articles/new/from-draft', {
    data: { draft: storyDraft({ headline, bylines: [{ userId: await ownId(writer) }] }) },
  })
  const { articleId } = (await created.json()) as { articleId: number }
  await writer.dispose()

  await signIn(page, 'writer@copydesk.test')
  await page.goto(`/desk/articles/${articleId}`)
  const bylines = page.getByRole('group', { name: 'Bylines' })
  await bylines.getByRole('button', { name: 'Add outside contributor' }).click()
  await bylines.getByLabel('Byline 2: name').fill('Rania Salem')
  await bylines.getByLabel('Byline 2: outlet').fill('Delta Weekly')
  await bylines.getByRole('button', { name: 'Remove byline 1' }).click()
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Keep yourself in the byline' })).toBeVisible()
})
