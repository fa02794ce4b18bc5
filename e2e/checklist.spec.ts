import { expect, test } from './test'
import { signedInPage } from './fixtures'
import { pressOnly, saveAndWait, startStory, stateLine, storyBody, submitForReview, workflow } from './pages/story-form'

test('the pre-publish checklist: a warning is confirmed with “Publish anyway”, a block says what to fix until it is fixed', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  const checklist = workflow(editor).getByRole('list', { name: 'Pre-publish checklist' })

  // A story without a standfirst: a warning, which the editor confirms.
  await startStory(editor, `Night ferry returns ${Date.now()}`)
  await storyBody(editor).click()
  await editor.keyboard.type('The night ferry runs again from Monday.')
  await saveAndWait(editor)
  await submitForReview(editor)
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Warning: The story has no standfirst.' })).toBeVisible()
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Passed: Links well formed' })).toBeVisible()
  await pressOnly(editor, 'Publish')
  const confirmation = workflow(editor).getByRole('form', { name: 'Publish' })
  await expect(confirmation).toContainText('The story has no standfirst.')
  await confirmation.getByRole('button', { name: 'Publish anyway' }).click()
  await expect(stateLine(editor)).toHaveText('Published')

  // A lead image without a credit: blocked, whatever the editor presses, until the credit is written.
  await startStory(editor, `Harbour lamps relit ${Date.now()}`)
  await editor.getByLabel('Standfirst').fill('The old lamps shine again along the breakwater.')
  await storyBody(editor).click()
  await editor.keyboard.type('Volunteers relit the lamps on Friday.')
  const lead = editor.getByRole('group', { name: 'Lead image', exact: true })
  await lead.getByLabel('Search images').fill('breakwater lighthouse')
  await lead.getByRole('radio', { name: /Small fishing boats with lamps lit/ }).check()
  await lead.getByLabel('Credit').fill('')
  await saveAndWait(editor)
  await submitForReview(editor)
  await expect(checklist.getByRole('listitem').filter({ hasText: 'Blocking: The lead image has no credit.' })).toBeVisible()
  await pressOnly(editor, 'Publish')
  await expect(workflow(editor).getByRole('status')).toContainText(
    'Publish is not possible yet. Fix this first: The lead image has no credit.',
  )
  await expect(workflow(editor).getByRole('button', { name: 'Publish anyway' })).toHaveCount(0)
  await expect(stateLine(editor)).toHaveText('In review')

  await lead.getByLabel('Credit').fill('HARBOUR TRUST')
  await expect(workflow(editor).getByText('Pre-publish checklist: every check passed')).toBeVisible()
  await pressOnly(editor, 'Publish')
  await expect(stateLine(editor)).toHaveText('Published')
})
