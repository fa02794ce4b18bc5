import { expect, test } from './test'
import { signedInPage } from './fixtures'
import { press, saveAndWait, startStory, stateLine, storyBody, submitForReview } from './pages/story-form'

// Approving exactly what goes live (lib/approval.ts): an edit after approval is approved too, or reviewed again.

test('an edit after approval is approved too when the editor asks, else the story goes back to review; an update is reviewed against what readers see', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const headline = `Tram line extended ${Date.now()}`
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await startStory(editor, headline)
  await storyBody(editor).click()
  await editor.keyboard.type('The line reaches the port.')
  await saveAndWait(editor)
  await submitForReview(editor)
  await press(editor, 'Approve')
  await expect(stateLine(editor)).toHaveText('Approved')

  await expect(editor.getByText(/This story is approved: publishing publishes the version that was approved/)).toBeVisible()
  await editor.getByLabel('Approve my edits too').check()
  await storyBody(editor).click()
  await editor.keyboard.press('End')
  await editor.keyboard.type(' Trams run every ten minutes.')
  await saveAndWait(editor)
  await expect(editor.getByText('Your edits are approved too: they are what will be published.')).toBeVisible()
  await editor.reload()
  await expect(stateLine(editor)).toHaveText('Approved')

  await storyBody(editor).click()
  await editor.keyboard.press('End')
  await editor.keyboard.type(' Fares stay the same.')
  await saveAndWait(editor)
  await expect(editor.getByText('Your edit sent the story back to review: it must be approved again before it is published.')).toBeVisible()
  await expect(stateLine(editor)).toHaveText('In review')

  await press(editor, 'Publish')
  await expect(stateLine(editor)).toHaveText('Published')
  await storyBody(editor).click()
  await editor.keyboard.press('End')
  await editor.keyboard.type(' Night trams start in May.')
  await saveAndWait(editor)
  await submitForReview(editor, { label: 'Submit update for review' })
  await expect(stateLine(editor)).toHaveText('In review')
  const review = editor.getByRole('region', { name: 'Changes since what readers see now' })
  await expect(review).toContainText('Night trams start in May.')
})
