import { expect, test } from './test'
import { signedInPage } from './fixtures'
import { commentOnLastWord, rail, thread } from './pages/comments'
import { pressOnly, saveAndWait, startStory, stateLine, storyBody, submitForReview, workflow } from './pages/story-form'

test('comments on the words: written on a selection, kept beside them, answered, resolved before publishing, never read by readers', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await startStory(editor, `Ferry fares ${Date.now()}`)
  await editor.getByLabel('Standfirst').fill('Crossings cost more from June.')
  await storyBody(editor).click()
  await editor.keyboard.type('Fares rise by half')
  await commentOnLastWord(editor, 'Source for the half?')
  await expect(storyBody(editor).locator('.comment-open')).toHaveText('half')
  await expect(thread(editor, 'half')).toContainText('Source for the half?')

  // A second comment, whose words are then deleted: the thread stays, marked.
  await storyBody(editor).press('End')
  await editor.keyboard.type(' from June')
  await commentOnLastWord(editor, 'Which day in June?')
  await expect(thread(editor, 'June')).toBeVisible()
  await storyBody(editor).press('End')
  await editor.keyboard.press('Control+Shift+ArrowLeft')
  await editor.keyboard.press('Backspace')
  await expect(thread(editor, 'June')).toContainText('The words it was on were deleted.')
  await saveAndWait(editor)

  // After a reload the comments are still on their words.
  await editor.reload()
  await expect(storyBody(editor).locator('.comment-open')).toHaveText('half')
  await thread(editor, 'half').getByRole('button', { name: 'Show in the text' }).click()
  await expect(storyBody(editor)).toBeFocused()

  await thread(editor, 'half').getByLabel('Reply').fill('The port’s statement, page 2.')
  await thread(editor, 'half').getByRole('button', { name: 'Send reply' }).click()
  await expect(thread(editor, 'half')).toContainText('The port’s statement, page 2.')

  // Open comments hold publishing until they are resolved or the editor confirms.
  await submitForReview(editor)
  await expect(stateLine(editor)).toHaveText('In review')
  await pressOnly(editor, 'Publish')
  await expect(workflow(editor).getByRole('form', { name: 'Publish' })).toContainText('2 comments on the words are still open.')
  await workflow(editor).getByRole('button', { name: 'Cancel' }).click()
  for (const quote of ['half', 'June']) await thread(editor, quote).getByRole('button', { name: 'Resolve' }).click()
  await expect(rail(editor).getByRole('heading')).toHaveText('Comments 0 open')
  await expect(storyBody(editor).locator('.comment-open')).toHaveCount(0)
  await pressOnly(editor, 'Publish')
  await expect(stateLine(editor)).toHaveText('Published')

  const reader = await browser.newPage()
  await reader.goto(await editor.getByRole('link', { name: 'View on the site' }).getAttribute('href').then(String))
  await expect(reader.getByText('Fares rise by half')).toBeVisible()
  expect(await reader.content()).not.toMatch(/data-comment|comment-mark|Source for the half/)
  await reader.close()
})
