import { expect, test } from './test'
import { ownWriterPage, signedInPage } from './fixtures'
import { submitStory } from './pages/desk'
import { requestChanges, stateLine, startStory, storyBody, submitForReview } from './pages/story-form'

test('an editor’s desk shows a writer’s submission live, without a reload, and opens the story from it', async ({ browser }) => {
  test.setTimeout(90_000)
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await editor.goto('/desk/notifications')
  await expect(editor.getByRole('heading', { name: 'Notifications', level: 1 })).toBeVisible()
  const desk = editor.getByRole('navigation', { name: 'Desk' })
  await expect(desk.getByRole('link', { name: /^Notifications/ })).toBeVisible()

  const headline = `Night buses return ${Date.now()}`
  const writer = await signedInPage(browser, 'writer@copydesk.test')
  const id = await startStory(writer, headline)
  await storyBody(writer).click()
  await writer.keyboard.type('Three routes run again from Monday.')
  await submitForReview(writer)
  await expect(stateLine(writer)).toHaveText('In review')

  // No reload: the stream tells the desk bar, which refreshes the list.
  const item = editor
    .getByRole('list', { name: 'Your notifications' })
    .getByRole('button', { name: new RegExp(`submitted “${headline}” for review`) })
  await expect(item).toBeVisible({ timeout: 15_000 })
  await expect(desk.getByRole('link', { name: /unread notification/ })).toBeVisible()
  await item.click()
  await expect(editor).toHaveURL(new RegExp(`/desk/articles/${id}$`))
  await expect(editor.getByLabel('Working headline').or(editor.getByRole('textbox', { name: /headline/i }).first())).toBeVisible()
})

test('reading notifications in one tab takes the badge down in another, without a reload', async ({ browser }) => {
  test.setTimeout(90_000)
  // A writer of the test's own: other tests cannot add to their notifications meanwhile.
  const writer = await ownWriterPage(browser, 'Tomas Lindqvist')
  const headline = `Ferry timetable changes ${Date.now()}`
  const id = await submitStory(writer, headline, 'Middle East')
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await requestChanges(editor, id, 'Add the winter times.')

  const otherTab = await writer.context().newPage()
  await otherTab.goto('/desk/media')
  const badge = otherTab.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: /^Notifications/ })
  await expect(badge).toHaveAccessibleName('Notifications (1 unread notification)')

  await writer.goto('/desk/notifications')
  await writer.getByRole('button', { name: 'Mark all read' }).click()
  await expect(writer.getByRole('button', { name: 'Mark all read' })).toHaveCount(0)
  await expect(badge).toHaveAccessibleName('Notifications')
})
