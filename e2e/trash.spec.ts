import { expect, test } from './test'
import { signIn } from './fixtures'
import { saveAndWait, startStory, storyBody } from './pages/story-form'

test('a writer puts a draft in the trash, finds it there, restores it, and starts a follow-up from a revision', async ({ page }) => {
  test.setTimeout(90_000)
  await signIn(page, 'writer@copydesk.test')
  const headline = `Lighthouse keeper retires ${Date.now()}`
  const id = await startStory(page, headline)
  await storyBody(page).click()
  await page.keyboard.type('After forty years on the rock.')
  await saveAndWait(page)

  await page.getByRole('button', { name: 'Move to the trash' }).click()
  const notice = page.getByRole('region', { name: 'This story is in the trash' })
  await expect(notice).toContainText('Moved there by')
  await expect(notice).toContainText('deleted for good')
  await expect(storyBody(page)).toHaveCount(0)

  await page.goto('/desk?queue=trash')
  await expect(page.getByRole('link', { name: /^Trash/ })).toHaveAttribute('aria-current', 'page')
  await page.getByRole('link', { name: headline }).click()
  await notice.getByRole('button', { name: 'Restore' }).click()
  await expect(notice).toHaveCount(0)
  await expect(storyBody(page)).toContainText('After forty years on the rock.')

  await page.goto(`/desk/articles/${id}/history`)
  const timeline = page.getByRole('region', { name: 'Timeline' })
  await expect(timeline.getByText(/Moved to the trash by /)).toBeVisible()
  await expect(timeline.getByText(/Restored from the trash by /)).toBeVisible()
  await page.getByLabel('Revision', { exact: true }).selectOption('1')
  await page.getByRole('button', { name: 'Duplicate as a new draft' }).click()
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/)
  await expect(page).not.toHaveURL(new RegExp(`/desk/articles/${id}$`))
  await expect(page.getByText('Follow-up to')).toBeVisible()
  await expect(page.getByRole('link', { name: `“${headline}”` })).toHaveAttribute('href', `/desk/articles/${id}`)
  await expect(page.getByLabel('Headline', { exact: true })).toHaveValue(headline)
})
