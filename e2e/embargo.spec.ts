import { expect, test } from './test'
import { deskFieldTime, signedInPage } from './fixtures'
import { press, saveAndWait, startStory, stateLine, storyBody, submitForReview, workflow } from './pages/story-form'

// Embargoes (lib/embargo.ts): a time before which nobody publishes the story, whoever asks.

test('an editor embargoes a story: publishing is refused until the embargo is lifted with a reason, and the desk lists it with its time', async ({
  browser,
}) => {
  test.setTimeout(90_000)
  const headline = `Central bank rate decision ${Date.now()}`
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  const id = await startStory(editor, headline, 'Business')
  await storyBody(editor).click()
  await editor.keyboard.type('The bank holds its rate.')
  await saveAndWait(editor)
  await submitForReview(editor)

  const embargo = editor.getByRole('region', { name: 'Embargo' })
  await embargo.getByLabel('Embargo until (time in Beirut)').fill(deskFieldTime(new Date(Date.now() + 30 * 60 * 1000)))
  await embargo.getByRole('button', { name: 'Set embargo' }).click()
  // The panel is made again: it shows the embargo, and in its last hour a countdown.
  await expect(embargo).toContainText(/Under embargo until .* Beirut lifts in \d+ minutes/)
  const checklist = editor.getByRole('list', { name: 'Pre-publish checklist' })
  await expect(checklist).toContainText(/Embargo respected: under embargo until .*; publishing waits until then\./)

  await press(editor, 'Publish')
  await expect(workflow(editor).getByRole('status')).toContainText('This story is under embargo until')
  await expect(stateLine(editor)).toHaveText('In review')

  await editor.goto('/desk?queue=review')
  await expect(editor.getByRole('row', { name: new RegExp(headline) })).toContainText('Embargoed until')

  await editor.goto(`/desk/articles/${id}`)
  await embargo.getByRole('button', { name: 'Lift the embargo' }).click()
  await expect(embargo.getByText('Say why the embargo is lifted early: it is recorded in the audit log.').first()).toBeVisible()
  await embargo.getByLabel('Why lift it early').fill('The bank announced it an hour early.')
  await embargo.getByRole('button', { name: 'Lift the embargo' }).click()
  await expect(embargo.getByRole('button', { name: 'Set embargo' })).toBeVisible()
  await expect(checklist).toContainText('Embargo respected: no embargo.')
  await press(editor, 'Publish')
  await expect(stateLine(editor)).toHaveText('Published')
})
