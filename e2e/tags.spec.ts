import { expect, test } from './test'
import { signedInPage } from './fixtures'
import { press, saveAndWait, startStory, stateLine, storyBody, submitForReview } from './pages/story-form'

// The desk's tags (/desk/admin/tags, lib/tags.ts and lib/tag-changes.ts): an editor renames,
// describes and merges tags, and a reader following an old tag address lands on the live page.

test('an editor renames, describes and merges tags, and a reader following an old tag address lands on the new page', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const run = Date.now()
  const [surge, erosion, renamed] = [`Tidal surge ${run}`, `Coastal erosion ${run}`, `Storm surge ${run}`]
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  const headline = `Sea wall gives way at high tide ${run}`
  await startStory(editor, headline)
  await storyBody(editor).click()
  await editor.keyboard.type('The water reached the market square within minutes.')
  await editor.getByLabel('Tags', { exact: true }).fill(`${surge}, ${erosion}`)
  await saveAndWait(editor)
  await submitForReview(editor)
  await press(editor, 'Publish')
  await expect(stateLine(editor)).toHaveText('Published')

  await editor.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Tags' }).click()
  await expect(editor.getByRole('heading', { level: 1, name: 'Tags' })).toBeVisible()
  await editor.getByLabel('Name contains').fill(surge)
  await editor.getByRole('button', { name: 'Find' }).click()
  await expect(editor.getByRole('row').filter({ hasText: surge })).toContainText('1 published')
  await editor.getByRole('link', { name: surge }).click()
  await expect(editor.getByRole('heading', { level: 1, name: surge })).toBeVisible()

  await editor.getByLabel('Name', { exact: true }).fill(renamed)
  await editor.getByRole('button', { name: 'Rename tag' }).click()
  await expect(editor.getByRole('status').filter({ hasText: `“${renamed}” on 1 story.` })).toBeVisible()
  await expect(editor.getByRole('heading', { level: 1, name: renamed })).toBeVisible()
  await editor.getByRole('textbox', { name: 'Description' }).fill('Water driven ashore by storms, and what it costs the coast.')
  await editor.getByRole('button', { name: 'Save description' }).click()
  await expect(editor.getByRole('status').filter({ hasText: 'Saved. Readers see it' })).toBeVisible()

  // Merging a tag into itself is refused, and nothing changes.
  await editor.getByRole('textbox', { name: /^Merge into/ }).fill(renamed)
  await editor.getByRole('button', { name: 'Merge tags' }).click()
  await expect(editor.getByRole('status').filter({ hasText: 'A tag cannot be merged into itself' })).toBeVisible()
  await expect(editor.getByRole('heading', { level: 1, name: renamed })).toBeVisible()

  await editor.goto(`/desk/admin/tags?q=${encodeURIComponent(erosion)}`)
  await editor.getByRole('link', { name: erosion }).click()
  await editor.getByRole('textbox', { name: /^Merge into/ }).fill(renamed)
  await editor.getByRole('button', { name: 'Merge tags' }).click()
  await expect(editor.getByRole('heading', { level: 1, name: renamed })).toBeVisible()
  const slugOf = (name: string) => name.toLowerCase().replace(/ /g, '-')
  await expect(editor.getByText('Old addresses that lead here')).toContainText(`/tags/${slugOf(erosion)}`)
  await expect(editor.getByText('Old addresses that lead here')).toContainText(`/tags/${slugOf(surge)}`)

  const reader = await (await browser.newContext()).newPage()
  for (const old of [surge, erosion]) {
    const answer = await reader.request.get(`/tags/${slugOf(old)}`, { maxRedirects: 0 })
    expect(answer.status(), old).toBe(301)
    await reader.goto(`/tags/${slugOf(old)}`)
    await expect(reader).toHaveURL(new RegExp(`/tags/${slugOf(renamed)}$`))
    await expect(reader.getByRole('heading', { level: 1, name: renamed })).toBeVisible()
    await expect(reader.getByText('Water driven ashore by storms, and what it costs the coast.')).toBeVisible()
    await expect(reader.getByRole('link', { name: headline })).toBeVisible()
  }
  await reader.getByRole('link', { name: headline }).click()
  const storyTags = reader.getByRole('region', { name: 'Tags' }).getByRole('link')
  await expect(storyTags).toHaveText([renamed])
})

test('a writer has no Tags page: no link in the desk, and its address is not found', async ({ browser }) => {
  const writer = await signedInPage(browser, 'writer@copydesk.test')
  await expect(writer.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Stories' })).toBeVisible()
  await expect(writer.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Tags' })).toHaveCount(0)
  expect((await writer.goto('/desk/admin/tags'))?.status()).toBe(404)
})
