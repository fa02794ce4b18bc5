import { expect, test } from './test'
import { signedInPage } from './fixtures'
import { confirmAction, press, stateLine, startStory, storyBody, submitForReview } from './pages/story-form'

test('the writer’s note goes to the editor, and the editor’s request heads the story when it comes back', async ({ browser }) => {
  test.setTimeout(90_000)
  const writer = await signedInPage(browser, 'writer@copydesk.test')
  const id = await startStory(writer, `Water prices ${Date.now()}`)
  await storyBody(writer).click()
  await writer.keyboard.type('Water will cost more from June.')
  await submitForReview(writer, { note: 'The utility’s figures are in paragraph one.' })
  await expect(stateLine(writer)).toHaveText('In review')

  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await editor.goto(`/desk/articles/${id}`)
  const submitted = editor.getByRole('region', { name: 'Note for the editor' })
  await expect(submitted).toContainText('submitted this story for review')
  await expect(submitted.getByRole('blockquote')).toHaveText('The utility’s figures are in paragraph one.')

  await press(editor, 'Request changes')
  await confirmAction(editor, 'Request changes', 'Say what a household pays a month.')
  await expect(stateLine(editor)).toHaveText('Changes requested')

  await writer.reload()
  const banner = writer.getByRole('region', { name: 'Sent back for changes' })
  await expect(banner).toContainText('sent this story back for changes')
  await expect(banner.getByRole('blockquote')).toHaveText('Say what a household pays a month.')
  await banner.getByRole('link', { name: 'Answer in the notes' }).click()
  await expect(writer).toHaveURL(/#notes-heading$/)
  await expect(writer.getByRole('heading', { name: /^Notes/ })).toBeInViewport()
  await expect(writer.getByRole('region', { name: 'Notes' }).getByText('Say what a household pays a month.')).toBeVisible()
})
