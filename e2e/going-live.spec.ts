import { expect, test } from './test'
import { signedInPage } from './fixtures'
import { confirmAction, press, stateLine, startStory, storyBody, submitForReview, unpublish, workflow } from './pages/story-form'

test('unpublishing asks first, names the story, needs a reason and records it in the history and the audit log', async ({ browser }) => {
  test.setTimeout(90_000)
  const headline = `Harbour tolls rise ${Date.now()}`
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  const id = await startStory(editor, headline)
  await storyBody(editor).click()
  await editor.keyboard.type('Tolls rise by a fifth in March.')
  await submitForReview(editor)
  await press(editor, 'Publish')
  await expect(stateLine(editor)).toHaveText('Published')

  // Taking it down stands apart from the buttons that move it on.
  const takedown = workflow(editor).getByRole('group', { name: 'Take off the site' })
  await takedown.getByRole('button', { name: 'Unpublish' }).click()
  const confirmation = workflow(editor).getByRole('form', { name: 'Unpublish' })
  await expect(confirmation).toContainText(`Unpublish “${headline}”?`)
  await expect(confirmation).toContainText('removed (410 Gone)')
  await expect(confirmation).toContainText('the feeds and search')
  await confirmation.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirmation).toHaveCount(0)
  await editor.reload()
  await expect(stateLine(editor)).toHaveText('Published')

  await press(editor, 'Unpublish')
  await confirmAction(editor, 'Unpublish')
  await expect(workflow(editor).getByRole('status')).toHaveText(
    'Give a reason for unpublishing: it is recorded in the story’s history and in the audit log.',
  )
  await expect(stateLine(editor)).toHaveText('Published')
  await unpublish(editor, 'The toll figures were a draft.')
  await expect(stateLine(editor)).toHaveText('Unpublished')
  await expect(workflow(editor).getByRole('group', { name: 'Take off the site' })).toHaveCount(0)

  await editor.goto(`/desk/articles/${id}/history`)
  await expect(editor.getByRole('region', { name: 'Timeline' })).toContainText('Unpublished by')
  await expect(editor.getByRole('region', { name: 'Timeline' })).toContainText('“The toll figures were a draft.”')

  const admin = await signedInPage(browser, 'admin@copydesk.test')
  await admin.goto('/desk/admin/audit')
  const entry = admin.getByRole('row').filter({ hasText: 'The toll figures were a draft.' })
  await expect(entry).toContainText('Story unpublished')
  await expect(entry).toContainText(headline)

  await editor.goto(`/desk/articles/${id}`)
  await press(editor, 'Republish')
  await expect(workflow(editor).getByRole('form', { name: 'Republish' })).toContainText('back at its address')
  await confirmAction(editor, 'Republish', 'The council confirmed the figures.')
  await expect(stateLine(editor)).toHaveText('Published')
  await admin.reload()
  await expect(admin.getByRole('row').filter({ hasText: 'The council confirmed the figures.' })).toContainText('Story republished')
})

test('a republish reason is required too', async ({ browser }) => {
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await startStory(editor, `Ferry fares ${Date.now()}`)
  await storyBody(editor).click()
  await editor.keyboard.type('Fares fall.')
  await submitForReview(editor)
  await press(editor, 'Publish')
  await unpublish(editor, 'Wrong fares.')
  await expect(stateLine(editor)).toHaveText('Unpublished')
  await press(editor, 'Republish')
  await confirmAction(editor, 'Republish')
  await expect(workflow(editor).getByRole('status')).toContainText('Give a reason for republishing')
  await confirmAction(editor, 'Republish', 'Fares corrected.')
  await expect(stateLine(editor)).toHaveText('Published')
})
