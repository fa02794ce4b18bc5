import { expect, test } from './test'
import { signIn } from './fixtures'
import { saveAndWait, saveStatus, startStory, stateLine, storyBody, submitForReview, workflow } from './pages/story-form'

// The form forgives: unfinished fields never block a save; only sending the story on insists,
// with one message per problem by its field.

test('an empty byline row blocks neither autosave nor Save, and is gone after a reload', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Tram line extended')
  const bylines = page.getByRole('group', { name: 'Bylines' })
  await bylines.getByRole('button', { name: 'Add outside contributor' }).click()
  await bylines.getByRole('button', { name: 'Add outside contributor' }).click()

  await storyBody(page).click()
  await page.keyboard.type('The line reaches the port in May.')
  await expect(saveStatus(page)).toHaveText(/^Saved at/)
  await saveAndWait(page)
  await expect(page.getByText('Enter the contributor’s name')).toHaveCount(0)

  await page.reload()
  await expect(storyBody(page)).toContainText('The line reaches the port in May.')
  await expect(bylines.getByLabel('Byline 2: name')).toHaveCount(0)
})

test('submitting an incomplete story shows one message per problem, next to its field, and the draft is still saved', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Bridge repairs')
  const bylines = page.getByRole('group', { name: 'Bylines' })
  await bylines.getByRole('button', { name: 'Add outside contributor' }).click()
  await bylines.getByRole('button', { name: 'Add outside contributor' }).click()
  await bylines.getByLabel('Byline 2: outlet').fill('Delta Weekly')
  await page.getByLabel('Headline', { exact: true }).fill('')
  await expect(saveStatus(page)).toHaveText(/^Saved at/)

  await workflow(page).getByRole('button', { name: 'Submit for review' }).click()
  await expect(page.getByLabel('Headline', { exact: true })).toHaveAccessibleDescription(/Write a headline before sending the story on\./)
  await expect(bylines.getByLabel('Byline 2: name')).toHaveAccessibleDescription('Enter the contributor’s name, or remove this byline.')
  await expect(page.getByText('Write a headline before sending the story on.')).toHaveCount(1)
  await expect(page.getByText('Enter the contributor’s name, or remove this byline.')).toHaveCount(1)
  await expect(bylines.getByLabel('Byline 3: name')).not.toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Headline', { exact: true })).toBeFocused()

  // Each message goes as its field is put right; then the story goes.
  await page.getByLabel('Headline', { exact: true }).fill('Bridge repairs start on Monday')
  await expect(page.getByText('Write a headline before sending the story on.')).toHaveCount(0)
  await bylines.getByLabel('Byline 2: name').fill('Rania Salem')
  await expect(page.getByText('Enter the contributor’s name, or remove this byline.')).toHaveCount(0)
  await submitForReview(page)
  await expect(stateLine(page)).toHaveText('In review')
})
