import { type Browser, type Page, expect, test } from '@playwright/test'
import { signIn, signedInPage } from './fixtures'
import { recoveredChanges, saveAndWait, saveStatus, startStory, storyBody } from './pages/story-form'

// When two people, a lost connection or a deleted story get in the way of a save: no text is lost.

/** The same story open at an editor's desk, in a browser of its own. */
async function openAsEditor(browser: Browser, storyUrl: string): Promise<Page> {
  const editorPage = await signedInPage(browser, 'editor@copydesk.test')
  await editorPage.goto(storyUrl)
  await expect(storyBody(editorPage)).toBeVisible()
  return editorPage
}

/** The writer types and saves; then the editor, whose screen still has the older version, types and presses Save. */
async function bothSave(writerPage: Page, editorPage: Page): Promise<void> {
  await storyBody(writerPage).click()
  await writerPage.keyboard.type('Text the writer typed.')
  await saveAndWait(writerPage)
  await storyBody(editorPage).click()
  await editorPage.keyboard.type('Text the editor typed.')
  await editorPage.getByRole('button', { name: 'Save', exact: true }).click()
}

test('two people editing one story: the later save is refused, shown, and neither text is lost', async ({ page, browser }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Harbour fees to double')
  const storyUrl = page.url()

  const editorPage = await openAsEditor(browser, storyUrl)
  await expect(editorPage.getByText('Also editing: Tomás Ferreira')).toBeVisible()

  await bothSave(page, editorPage)
  await expect(editorPage.getByRole('heading', { name: 'Someone else saved this story' })).toBeVisible()
  const bodyChanges = editorPage.getByRole('region', { name: 'Body changes' })
  await expect(bodyChanges.getByRole('insertion')).toHaveText('editor')
  await expect(bodyChanges.getByRole('deletion')).toHaveText('writer')

  await editorPage.getByRole('button', { name: 'Keep my version' }).click()
  await expect(editorPage.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible()
  await editorPage.context().close()

  await page.reload()
  await expect(storyBody(page)).toContainText('Text the editor typed.')
  await page.getByRole('link', { name: 'History' }).click()
  await page.getByRole('radio', { name: 'from' }).nth(1).check()
  await page.getByRole('radio', { name: 'to' }).nth(0).check()
  await page.getByRole('button', { name: 'Compare' }).click()
  await expect(page.getByRole('region', { name: 'Body changes' }).getByRole('deletion')).toContainText('writer')
})

test('with the network cut, typing goes on; after a reload the kept text is offered and saved', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Storm warning for the coast')

  await page.route('**/revisions', (route) => route.abort('internetdisconnected'))
  await storyBody(page).click()
  await page.keyboard.type('Typed while offline.')
  await expect(page.getByRole('status').filter({ hasText: 'Offline — your changes are kept on this device' })).toBeVisible()
  await page.keyboard.type(' Still typing.')

  await page.reload()
  await page.unroute('**/revisions')
  await expect(page.getByRole('region', { name: 'Recovered changes' })).toBeVisible()
  await expect(storyBody(page)).not.toContainText('Typed while offline.')
  await page.getByRole('button', { name: 'Restore my unsaved changes' }).click()
  await expect(storyBody(page)).toContainText('Typed while offline. Still typing.')
  await expect(page.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible()

  await page.reload()
  await expect(storyBody(page)).toContainText('Typed while offline. Still typing.')
  await expect(page.getByRole('region', { name: 'Recovered changes' })).toHaveCount(0)
})

test('restoring text kept offline does not overwrite a newer save by someone else: the conflict is shown', async ({ page, browser }) => {
  // Two people sign in and the story is opened four times.
  test.slow()
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Bridge closes for repairs')
  const storyUrl = page.url()

  await page.route('**/revisions', (route) => route.abort('internetdisconnected'))
  await storyBody(page).click()
  await page.keyboard.type('Ships wait outside.')
  await expect(saveStatus(page)).toHaveText('Offline — your changes are kept on this device')

  const editorPage = await signedInPage(browser, 'editor@copydesk.test')
  await editorPage.goto(storyUrl)
  await storyBody(editorPage).click()
  await editorPage.keyboard.type('Traffic diverted north.')
  await saveAndWait(editorPage)
  await editorPage.context().close()

  await page.unroute('**/revisions')
  await page.reload()
  await expect(storyBody(page)).toContainText('Traffic diverted north.')
  await page.getByRole('button', { name: 'Restore my unsaved changes' }).click()
  await expect(page.getByRole('heading', { name: 'Someone else saved this story' })).toBeVisible()
  const bodyChanges = page.getByRole('region', { name: 'Body changes' })
  await expect(bodyChanges.getByRole('insertion').filter({ hasText: 'Ships' })).toBeVisible()
  await expect(bodyChanges.getByRole('deletion').filter({ hasText: 'Traffic' })).toBeVisible()
  await expect(storyBody(page)).toContainText('Ships wait outside.')

  await page.getByRole('button', { name: 'Keep my version' }).click()
  await expect(saveStatus(page)).toHaveText(/Saved at/)
  await page.getByRole('link', { name: 'History' }).click()
  await expect(page.getByRole('region', { name: 'Body changes' }).getByRole('deletion').filter({ hasText: 'Traffic' })).toBeVisible()
})

test('taking the other person’s version after a conflict keeps one’s own text in the history', async ({ page, browser }) => {
  test.slow()
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Market moves to the square')
  const storyUrl = page.url()

  const editorPage = await openAsEditor(browser, storyUrl)

  await bothSave(page, editorPage)
  await editorPage.getByRole('button', { name: 'Use their version' }).click()
  await expect(editorPage.getByRole('heading', { name: 'Someone else saved this story' })).toHaveCount(0)
  await expect(storyBody(editorPage)).toContainText('Text the writer typed.')
  await expect(saveStatus(editorPage)).toHaveText(/Saved at/)

  await editorPage.getByRole('link', { name: 'History' }).click()
  const bodyChanges = editorPage.getByRole('region', { name: 'Body changes' })
  await expect(bodyChanges.getByRole('deletion')).toContainText('editor')
  await expect(bodyChanges.getByRole('insertion')).toContainText('writer')
  await editorPage.context().close()
})

test('a story deleted while it is open can be saved as a new story, with all its text', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Pier reopens after storm')
  const storyUrl = page.url()

  // Nothing on the desk deletes a story yet: the server's answer for a deleted one stands in.
  await page.route('**/revisions', (route) =>
    route.fulfill({
      status: 404,
      json: { ok: false, reason: 'missing', message: 'This story no longer exists; it may have been deleted.' },
    }),
  )
  await storyBody(page).click()
  await page.keyboard.type('Crowds walked the length of the pier.')
  await expect(saveStatus(page)).toHaveText(
    'Not saved: This story no longer exists; it may have been deleted. Your changes are kept on this device.',
  )
  await page.unroute('**/revisions')

  await page.getByRole('region', { name: 'Story deleted' }).getByRole('button', { name: 'Save as a new story' }).click()
  await expect(page).not.toHaveURL(storyUrl)
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/)
  await expect(page.getByLabel('Headline')).toHaveValue('Pier reopens after storm')
  await expect(storyBody(page)).toContainText('Crowds walked the length of the pier.')
  await expect(recoveredChanges(page)).toHaveCount(0)
})
