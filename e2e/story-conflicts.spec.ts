import { type Browser, type Page } from '@playwright/test'
import { expect, test } from './test'
import { signIn, signedInPage } from './fixtures'
import {
  holdSaves,
  overlapOfFirstParagraph,
  overlapPanel,
  recoveredChanges,
  saveAndWait,
  saveStatus,
  startStory,
  storyBody,
  typeInParagraph,
} from './pages/story-form'

// When two people, a lost connection or a deleted story get in the way of a save: no text is lost.

/** The same story open at an editor's desk, in a browser of its own. */
async function openAsEditor(browser: Browser, storyUrl: string): Promise<Page> {
  const editorPage = await signedInPage(browser, 'editor@copydesk.test')
  await editorPage.goto(storyUrl)
  await expect(storyBody(editorPage)).toBeVisible()
  return editorPage
}

/** The writer's story with one paragraph per text, saved. */
async function storyWith(page: Page, headline: string, paragraphs: string[]): Promise<void> {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, headline)
  await storyBody(page).click()
  for (const [index, text] of paragraphs.entries()) {
    if (index > 0) await page.keyboard.press('Enter')
    await page.keyboard.type(text)
  }
  await saveAndWait(page)
}

/** The editor changes paragraph `mine`, and saves; the writer changes paragraph `theirs` and saves first. */
async function collide(writer: Page, editor: Page, edits: { editor: [number, string]; writer: [number, string] }): Promise<void> {
  const release = await holdSaves(editor)
  await typeInParagraph(editor, ...edits.editor)
  await editor.getByRole('button', { name: 'Save', exact: true }).click()
  await typeInParagraph(writer, ...edits.writer)
  await saveAndWait(writer)
  release()
}

test('two people change different paragraphs: both saves merge, the editor is told what merged, nothing is lost', async ({
  page,
  browser,
}) => {
  test.slow()
  await storyWith(page, 'Harbour fees to double', ['Fees rise in May.', 'Shipowners object.', 'The council votes today.'])
  const editorPage = await openAsEditor(browser, page.url())

  await collide(page, editorPage, { editor: [3, ' The vote is public.'], writer: [1, ' Cruise lines pay double.'] })
  await expect(editorPage.getByText('Merged Tomás Ferreira’s change to paragraph 1.')).toBeVisible()
  await expect(saveStatus(editorPage)).toHaveText(/Saved at/)
  await expect(overlapPanel(editorPage)).toHaveCount(0)
  for (const shown of [editorPage, page]) {
    await expect(storyBody(shown)).toContainText('Fees rise in May. Cruise lines pay double.')
    await expect(storyBody(shown)).toContainText('The council votes today. The vote is public.')
  }
  await editorPage.context().close()

  await page.reload()
  await expect(storyBody(page)).toContainText('Fees rise in May. Cruise lines pay double.')
  await expect(storyBody(page)).toContainText('The council votes today. The vote is public.')
})

test('two people change the same paragraph: both texts are shown with who wrote them, and “Keep both” keeps both', async ({
  page,
  browser,
}) => {
  test.slow()
  await storyWith(page, 'Market moves to the square', ['The market moves.'])
  const editorPage = await openAsEditor(browser, page.url())

  await collide(page, editorPage, { editor: [1, ' It opens on Friday.'], writer: [1, ' It opens on Monday.'] })
  const panel = await overlapOfFirstParagraph(editorPage, 'Tomás Ferreira', {
    mine: 'The market moves. It opens on Friday.',
    theirs: 'The market moves. It opens on Monday.',
  })
  await expect(panel.getByRole('button', { name: 'Keep mine, discard Tomás Ferreira’s' })).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Keep Tomás Ferreira’s, discard mine' })).toBeVisible()

  await panel.getByRole('button', { name: 'Keep both' }).click()
  await expect(panel).toHaveCount(0)
  await expect(saveStatus(editorPage)).toHaveText(/Saved at/)
  await expect(storyBody(editorPage).locator('p')).toHaveText([
    'The market moves. It opens on Monday.',
    'The market moves. It opens on Friday.',
  ])
  await editorPage.context().close()
  await page.reload()
  await expect(storyBody(page).locator('p')).toHaveText(['The market moves. It opens on Monday.', 'The market moves. It opens on Friday.'])
})

test('an editor with nothing unsaved sees the writer’s save within two seconds, and each sees the other there', async ({
  page,
  browser,
}) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Ferry timetable changes')
  const editorPage = await openAsEditor(browser, page.url())
  await expect(page.getByText('Also editing: Daniel Achterberg')).toBeVisible({ timeout: 2000 })
  await expect(editorPage.getByText('Also editing: Tomás Ferreira')).toBeVisible({ timeout: 2000 })

  await storyBody(page).click()
  await page.keyboard.type('The first ferry sails at noon.')
  await saveAndWait(page)
  await expect(storyBody(editorPage)).toContainText('The first ferry sails at noon.', { timeout: 2000 })
  await expect(editorPage.getByText(/^Showing Tomás Ferreira’s save/)).toBeVisible()
  await expect(saveStatus(editorPage)).not.toHaveText(/Unsaved|Not saved/)

  // The editor's caret stays at the end of the paragraph while the writer's next save changes its start.
  await typeInParagraph(editorPage, 1, '')
  await storyBody(page).getByText('The first ferry sails at noon.').click()
  await page.keyboard.press('Home')
  await page.keyboard.type('Update: ')
  await saveAndWait(page)
  await expect(storyBody(editorPage)).toContainText('Update: The first ferry', { timeout: 2000 })
  await editorPage.keyboard.type(' Boats wait for the last train.')
  await expect(storyBody(editorPage).locator('p').first()).toHaveText(
    'Update: The first ferry sails at noon. Boats wait for the last train.',
  )

  // Closing the tab as a person does: the page is unloaded (Chromium's headless shell does not
  // unload the pages of a context closed under them).
  await editorPage.close({ runBeforeUnload: true })
  await expect(page.getByText('Also editing: Daniel Achterberg')).toHaveCount(0, { timeout: 2000 })
})

test('with the network cut, typing goes on; after a reload the kept text is offered and saved', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Storm warning for the coast')

  await page.route('**/revisions', (route) => route.abort('internetdisconnected'))
  await storyBody(page).click()
  await page.keyboard.type('Typed while offline.')
  await expect(page.getByRole('status').filter({ hasText: 'Offline — your changes are kept on this device' })).toBeVisible()
  await page.keyboard.type(' Still typing.')

  // Chromium sends the save of a closing page (keepalive) past Playwright's routing, and the open
  // story would then show it as soon as it is saved: the page's own requests fail instead, as
  // they would with the network cut.
  await page.evaluate(() => {
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'))
  })
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

test('restoring text kept offline does not overwrite a newer save by someone else: the overlap is shown', async ({ page, browser }) => {
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
  const panel = overlapPanel(page)
  await expect(panel).toContainText('You and Daniel Achterberg changed the same place')
  await expect(panel.getByRole('figure', { name: 'Your text' })).toContainText('Ships wait outside.')
  await expect(panel.getByRole('figure', { name: 'Daniel Achterberg’s text' })).toContainText('Traffic diverted north.')
  await expect(storyBody(page)).toContainText('Ships wait outside.')

  await panel.getByRole('button', { name: 'Keep mine, discard Daniel Achterberg’s' }).click()
  await expect(saveStatus(page)).toHaveText(/Saved at/)
  await page.getByRole('link', { name: 'History' }).click()
  await expect(page.getByRole('region', { name: 'Body changes' }).getByRole('deletion').filter({ hasText: 'Traffic' })).toBeVisible()
})

test('keeping the other person’s text after an overlap keeps one’s own in the history, marked “Not kept”', async ({ page, browser }) => {
  test.slow()
  await storyWith(page, 'Market hours extended', ['Stalls open at dawn.'])
  const editorPage = await openAsEditor(browser, page.url())

  await collide(page, editorPage, { editor: [1, ' Text the editor typed.'], writer: [1, ' Text the writer typed.'] })
  await overlapPanel(editorPage).getByRole('button', { name: 'Keep Tomás Ferreira’s, discard mine' }).click()
  await expect(overlapPanel(editorPage)).toHaveCount(0)
  await expect(storyBody(editorPage)).toContainText('Text the writer typed.')
  await expect(storyBody(editorPage)).not.toContainText('Text the editor typed.')
  await expect(saveStatus(editorPage)).toHaveText(/Saved at/)

  await editorPage.getByRole('link', { name: 'History' }).click()
  const setAside = editorPage.getByRole('row').filter({ hasText: 'Not kept' })
  await expect(setAside).toHaveCount(1)
  await expect(setAside).toContainText('Daniel Achterberg')
  await expect(setAside).not.toContainText('current')
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
  await expect(page.getByLabel('Headline', { exact: true })).toHaveValue('Pier reopens after storm')
  await expect(storyBody(page)).toContainText('Crowds walked the length of the pier.')
  await expect(recoveredChanges(page)).toHaveCount(0)
})
