import { expect, test } from './test'
import { signedInPage } from './fixtures'
import { press, saveAndWait, startStory, stateLine, storyBody, submitForReview } from './pages/story-form'

// The desk's sections (/desk/admin/sections, lib/section-changes.ts) and the top of a section
// (/desk/front/sections/<id>, lib/section-pins.ts): an admin creates a section under Regions,
// renames and moves it; a reader following a story's old address lands on the new one; an editor
// pins a story to the top of a section, and readers see it first there.

test('an admin creates, renames and moves a section, and a reader following a story’s old address lands on the new one', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const run = Date.now()
  const [name, renamed] = [`Gulf ${run}`, `Gulf States ${run}`]
  const admin = await signedInPage(browser, 'admin@copydesk.test')
  await admin.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Sections' }).click()
  await expect(admin.getByRole('heading', { level: 1, name: 'Sections' })).toBeVisible()
  const create = admin.getByRole('region', { name: 'New section' })
  await create.getByLabel('Name').fill(name)
  await create.getByLabel('Under').selectOption({ label: '/regions' })
  await create.getByRole('button', { name: 'Create section' }).click()
  await expect(admin.getByRole('status').filter({ hasText: `Created “${name}” at /regions/gulf-${run}.` })).toBeVisible()

  // A reserved address is refused, and nothing is created.
  await create.getByLabel('Name').fill('Search')
  await create.getByLabel('Under').selectOption({ label: '(the top level)' })
  await create.getByRole('button', { name: 'Create section' }).click()
  await expect(admin.getByRole('status').filter({ hasText: 'The address /search belongs to the site itself' })).toBeVisible()
  await expect(admin.getByRole('link', { name: 'Search', exact: true })).toHaveCount(0)

  const headline = `Desalination plant opens ${run}`
  await startStory(admin, headline, name)
  await storyBody(admin).click()
  await admin.keyboard.type('The plant will supply a third of the city’s water.')
  await saveAndWait(admin)
  await submitForReview(admin)
  await press(admin, 'Publish')
  await expect(stateLine(admin)).toHaveText('Published')

  await admin.goto('/desk/admin/sections')
  await admin.getByRole('link', { name, exact: true }).click()
  await expect(admin.getByRole('heading', { level: 1, name })).toBeVisible()
  const change = admin.getByRole('region', { name: 'Name, address and description' })
  await change.getByLabel('Name').fill(renamed)
  await change.getByLabel('Address').fill(`gulf-states-${run}`)
  await change.getByLabel('Under').selectOption({ label: '/world' })
  await change.getByRole('button', { name: 'Save section' }).click()
  await expect(admin.getByRole('status').filter({ hasText: `Its address is now /world/gulf-states-${run}` })).toBeVisible()
  await admin.reload()
  await expect(admin.getByText('Old addresses that lead here')).toContainText(`/regions/gulf-${run}`)

  const reader = await (await browser.newContext()).newPage()
  const storySlug = `desalination-plant-opens-${run}`
  const oldAddress = `/regions/gulf-${run}/${storySlug}`
  const answer = await reader.request.get(oldAddress, { maxRedirects: 0 })
  expect(answer.status()).toBe(301)
  expect(answer.headers().location).toBe(`/world/gulf-states-${run}/${storySlug}`)
  await reader.goto(oldAddress)
  await expect(reader).toHaveURL(new RegExp(`/world/gulf-states-${run}/${storySlug}$`))
  await expect(reader.getByRole('heading', { level: 1, name: headline })).toBeVisible()
  await reader.goto(`/regions/gulf-${run}`)
  await expect(reader.getByRole('heading', { level: 1, name: renamed })).toBeVisible()
})

test('an editor pins a story to the top of a section, and readers see it first there', async ({ browser }) => {
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await editor.goto('/desk/front')
  await editor.getByRole('link', { name: 'Regions', exact: true }).click()
  await expect(editor.getByRole('heading', { level: 1, name: 'Top of Regions' })).toBeVisible()
  const rows = editor.getByRole('table').getByRole('row')
  // The oldest story offered: pinned, it goes first.
  const oldest = rows.last()
  const headline = (await oldest.getAttribute('aria-label')) ?? ''
  await oldest.getByRole('button', { name: 'Pin to the top' }).click()
  await expect(editor.getByRole('status').filter({ hasText: `“${headline}” is now pinned to the top of Regions.` })).toBeVisible()

  const reader = await (await browser.newContext()).newPage()
  await reader.goto('/regions')
  await expect(reader.getByRole('main').getByRole('heading', { level: 2 }).first()).toHaveText(headline)

  await editor.reload()
  await editor.getByRole('row', { name: headline }).getByRole('button', { name: 'Unpin' }).click()
  await expect(editor.getByRole('status').filter({ hasText: 'is no longer pinned' })).toBeVisible()
})

test('only admins have a Sections page: no link for an editor, and its address is not found', async ({ browser }) => {
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await expect(editor.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Tags' })).toBeVisible()
  await expect(editor.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Sections' })).toHaveCount(0)
  expect((await editor.goto('/desk/admin/sections'))?.status()).toBe(404)
})
