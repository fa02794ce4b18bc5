import type { Page } from '@playwright/test'
import { expect, test } from './test'
import { signIn } from './fixtures'
import { saveStatus, storyBody } from './pages/story-form'
import {
  type CuttableNetwork,
  bothTypeWhileCutOff,
  cuttableNetwork,
  expectSameText,
  paragraphsOf,
  reloadWhileCutOff,
  sharedStory,
  stormStart,
  toEndOfFirstParagraph,
  together,
  writeTogether,
  writerStartsTogether,
} from './pages/writing-together'

// Typing the sync server has not had, kept on the device (components/desk/use-kept-copy.ts): it
// survives a reload while cut off, is typed on into until the server answers, and goes into the
// shared story once.

/**
 * The writer starts a shared story whose first paragraph the sync server has stored (it cut a
 * revision of it), then types a second one cut off: kept on this device. The page then leaves the
 * story, still cut off. Returns the story's address and the network.
 */
async function secondParagraphKept(page: Page): Promise<{ story: string; network: CuttableNetwork }> {
  const network = await cuttableNetwork(page)
  await writerStartsTogether(page, 'Harbour closed', 'The harbour is closed.')
  await expect(page.getByLabel('Shared text saved')).toContainText('Shared text saved as revision', { timeout: 20_000 })
  await network.cut()
  await expect(together(page)).toContainText('Reconnecting to the shared story')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Ferries stay in port.')
  await expect(together(page)).toContainText('Your changes are kept on this device.')
  const story = page.url()
  await network.pageBack()
  return { story, network }
}

test('typing done while cut off survives a reload of the page and reaches the other person when the network is back, every word once', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000)
  const { network, editorPage } = await bothTypeWhileCutOff(page, browser, 'Storm shelters')
  await expect(together(page)).toContainText('Your changes are kept on this device.')

  // The page reloads while the sync server still cannot be reached: the typing is still there.
  await reloadWhileCutOff(page, network)
  await expect(page.getByText('Ferries stay in port.')).toBeVisible()

  await network.restore()
  await expect(together(page)).toContainText('Writing together:', { timeout: 45_000 })
  await expectSameText([page, editorPage], stormStart, [' Ferries stay in port.', ' Winds reach 90 km/h.'])
  const everyWordOnce = await paragraphsOf(page)
  await expect(together(page)).not.toContainText('kept on this device')

  // The copy went once the server had it: it never comes back.
  await page.reload()
  await expect(together(page)).toContainText('Writing together:', { timeout: 15_000 })
  await expect.poll(() => paragraphsOf(page)).toEqual(everyWordOnce)
  await editorPage.context().close()
})

test('typing on after a reload while still cut off, in the headline, standfirst and body, survives another reload and reaches the other person once', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000)
  const { network, editorPage } = await bothTypeWhileCutOff(page, browser, 'Storm shelters')
  await expect(together(page)).toContainText('Your changes are kept on this device.')
  const headline = page.getByLabel('Headline', { exact: true })
  const standfirst = page.getByLabel('Standfirst', { exact: true })

  await reloadWhileCutOff(page, network)
  await expect(storyBody(page)).toContainText('Ferries stay in port.')
  await toEndOfFirstParagraph([page])
  await page.keyboard.type(' Schools close.')
  await headline.click()
  await headline.press('End')
  await page.keyboard.type(' open')
  await standfirst.click()
  await page.keyboard.type('Families wait for the wind to drop.')
  await editorPage.keyboard.type(' Power is cut.')

  // Reloaded again, still cut off: all of it is there, and the person types on.
  await reloadWhileCutOff(page, network)
  await expect(headline).toHaveValue('Storm shelters open')
  await expect(standfirst).toHaveValue('Families wait for the wind to drop.')
  await expect(storyBody(page)).toContainText('Ferries stay in port. Schools close.')
  await toEndOfFirstParagraph([page])
  await page.keyboard.type(' Roads shut.')

  await network.restore()
  await expect(together(page)).toContainText('Writing together:', { timeout: 45_000 })
  await expectSameText([page, editorPage], stormStart, [
    ' Ferries stay in port. Schools close. Roads shut.',
    ' Winds reach 90 km/h. Power is cut.',
  ])
  await expect(editorPage.getByLabel('Headline', { exact: true })).toHaveValue('Storm shelters open')
  await expect(editorPage.getByLabel('Standfirst', { exact: true })).toHaveValue('Families wait for the wind to drop.')
  await expect(together(page)).not.toContainText('kept on this device')
  await editorPage.context().close()
})

test('typing on without a click when the shared story opens after a reload while cut off: the keys land where the caret was, in the suggestion mode the person set', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000)
  const { network, editorPage } = await bothTypeWhileCutOff(page, browser, 'Storm shelters')
  await reloadWhileCutOff(page, network)
  // Meanwhile the editor writes before the writer's words: the caret must follow the words, not an offset.
  await editorPage.keyboard.press('Control+Home')
  await editorPage.keyboard.type('UPDATE: ')
  const suggest = page.getByRole('button', { name: 'Suggest changes' })
  await suggest.click()
  await expect(suggest).toHaveAttribute('aria-pressed', 'true')
  await toEndOfFirstParagraph([page])
  await page.keyboard.type(' Schools')

  await network.restore()
  await expect(together(page)).toContainText('Writing together:', { timeout: 45_000 })
  await expect(storyBody(page)).toContainText('UPDATE: ')
  await expect(storyBody(page).getByRole('img', { name: 'Daniel Achterberg’s caret' })).toBeVisible()
  await expect(storyBody(page)).toBeFocused()
  await page.keyboard.type(' close.')
  await expect(storyBody(page).locator('p').first()).toContainText('Ferries stay in port. Schools close.')
  await expect(suggest).toHaveAttribute('aria-pressed', 'true')
  await expect(storyBody(page).locator('ins').filter({ hasText: 'close.' })).toHaveAttribute('title', /^Insertion suggested by /)
  await expect(storyBody(editorPage).locator('p').first()).toContainText('Ferries stay in port. Schools close.')
  await expect(storyBody(editorPage).locator('p').first()).toContainText(/^UPDATE: The storm/)
  await editorPage.context().close()
})

test('typing kept on this device is never shown to, nor merged by, another person signed in on the same browser', async ({ page }) => {
  test.setTimeout(120_000)
  const { story, network } = await secondParagraphKept(page)

  // The writer has left the story still cut off; the editor signs in on the same browser.
  await page.goto('/desk')
  await signIn(page, 'editor@copydesk.test')
  await writeTogether(page)
  await network.restore()
  await page.goto(story)
  await expect(together(page)).toContainText('Writing together:', { timeout: 15_000 })
  await expect.poll(() => paragraphsOf(page)).toEqual(['The harbour is closed.'])
  await expect(together(page)).not.toContainText('kept on this device')

  // Back on this browser, the writer's own copy goes into the shared story.
  await page.goto('/desk')
  await signIn(page, 'writer@copydesk.test')
  await writeTogether(page)
  await page.goto(story)
  await expect(together(page)).toContainText('Writing together:', { timeout: 15_000 })
  await expect.poll(() => paragraphsOf(page)).toEqual(['The harbour is closed.', 'Ferries stay in port.'])
})

test('turned away by the sync server before a kept copy went in, the form takes over what was typed into it and saves it into the shared story, once', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  const network = await cuttableNetwork(page)
  const editorPage = await sharedStory(page, browser, 'Harbour closed', 'The harbour is closed.')
  // The sync server has that paragraph: it cut a revision of it.
  await expect(page.getByLabel('Shared text saved')).toContainText('Shared text saved as revision', { timeout: 20_000 })
  await network.cut()
  await expect(together(page)).toContainText('Reconnecting to the shared story')
  await storyBody(page).locator('p').last().click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Ferries stay in port.')
  await expect(together(page)).toContainText('Your changes are kept on this device.')

  // Reloaded, the page's ticket for the sync server is held, then refused, while the writer types on.
  let refuse = () => {}
  const refused = new Promise<void>((resolve) => (refuse = resolve))
  await page.route(/\/collab-ticket$/, async (route) => {
    await refused
    await route.fulfill({ status: 403, json: { error: 'You may not edit this story.' } })
  })
  await reloadWhileCutOff(page, network)
  await storyBody(page).locator('p').last().click()
  await page.keyboard.press('End')
  await page.keyboard.type(' Schools close.')
  refuse()
  await expect(together(page)).toContainText('Writing together is not available')
  const typed = ['The harbour is closed.', 'Ferries stay in port. Schools close.']
  await expect.poll(() => paragraphsOf(page)).toEqual(typed)
  // The form's save goes into the shared story, open in the editor's browser.
  await expect(saveStatus(page)).toHaveText(/Saved at/, { timeout: 15_000 })
  await expect.poll(() => paragraphsOf(editorPage), { timeout: 15_000 }).toEqual(typed)

  // Written together again, the story holds it all once: the copy left the device with the form's save.
  await page.unroute(/\/collab-ticket$/)
  await network.restore()
  await page.reload()
  await expect(together(page)).toContainText('Writing together:', { timeout: 15_000 })
  await expect.poll(() => paragraphsOf(page)).toEqual(typed)
  await expect(together(page)).not.toContainText('kept on this device')
  await expect.poll(() => paragraphsOf(editorPage)).toEqual(typed)
  await editorPage.context().close()
})

test('a copy kept by an older build, which held only its text, goes into the shared story once the story opens', async ({ page }) => {
  test.setTimeout(120_000)
  const { story, network } = await secondParagraphKept(page)
  await page.goto('/desk')

  // The copy on the device becomes one an older build kept: its text, and only its changes in Yjs terms.
  await page.evaluate(async () => {
    const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
    const parts = (...texts: string[]) => ({
      headline: 'Harbour closed',
      standfirst: '',
      body: { type: 'doc', content: texts.map(paragraph) },
    })
    const older = {
      parts: parts('The harbour is closed.', 'Schools close.'),
      base: parts('The harbour is closed.'),
      sentVector: new Uint8Array([0]),
      update: new Uint8Array([0, 0]),
      vector: new Uint8Array([0]),
      keptAt: new Date().toISOString(),
    }
    for (const key of Object.keys(localStorage)) if (key.startsWith('copydesk:shared-story:')) localStorage.removeItem(key)
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('copydesk')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    const store = database.transaction('shared-copies', 'readwrite').objectStore('shared-copies')
    const keys = await new Promise<IDBValidKey[]>(
      (resolve) => (store.getAllKeys().onsuccess = (event) => resolve((event.target as IDBRequest<IDBValidKey[]>).result)),
    )
    for (const key of keys) {
      if (typeof key === 'string') store.put(older, key)
      else store.delete(key)
    }
    await new Promise((resolve) => (store.transaction.oncomplete = resolve))
  })

  await network.restore()
  await page.goto(story)
  await expect(together(page)).toContainText('Writing together:', { timeout: 15_000 })
  await expect.poll(() => paragraphsOf(page)).toEqual(['The harbour is closed.', 'Schools close.'])
  await expect(together(page)).not.toContainText('kept on this device', { timeout: 15_000 })
})
