import { expect, test } from './test'
import { signIn } from './fixtures'
import { press, saveAndWait, startStory, stateLine, storyBody, submitForReview } from './pages/story-form'

// A story's dateline, from the editor to the reader's page.

test('an editor gives a story a dateline, publishes it, and readers see it open the body', async ({ page }) => {
  test.setTimeout(90_000)
  await signIn(page, 'editor@copydesk.test')
  const headline = `Ferries return to the old port ${Date.now()}`
  await startStory(page, headline)
  await storyBody(page).click()
  await page.keyboard.type('The first boat docked at dawn.')

  const dateline = page.getByLabel('Dateline')
  await dateline.fill('x'.repeat(61))
  await expect(dateline).toHaveAttribute('aria-invalid', 'true')
  await expect(dateline).toHaveAccessibleDescription(/61 \/ 60 characters — over the limit of 60/)
  await dateline.fill('BEIRUT')
  await expect(dateline).not.toHaveAttribute('aria-invalid')
  await saveAndWait(page)

  await submitForReview(page)
  await press(page, 'Publish')
  await expect(stateLine(page)).toHaveText('Published')
  await page.getByRole('link', { name: 'View on the site' }).click()

  await expect(page.getByRole('heading', { level: 1, name: headline })).toBeVisible()
  const opening = page.getByRole('article').getByRole('paragraph').filter({ hasText: 'The first boat docked at dawn.' })
  await expect(opening).toHaveText('BEIRUT — The first boat docked at dawn.')
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}') as Record<
    string,
    unknown
  >
  expect(data).toMatchObject({ '@type': 'NewsArticle', dateline: 'BEIRUT' })
})
