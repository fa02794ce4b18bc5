import { type Browser, type Page } from '@playwright/test'
import { expect, test } from './test'
import { signIn, signedInPage } from './fixtures'
import { saveStatus, startStory, storyBody } from './pages/story-form'

// The desk's editor writing together through the sync server: two people in one story, each
// seeing the other's typing, caret and name. (The other specs edit alone: playwright.config.ts.)

const writeTogetherCookie = 'copydesk-write-together'
const together = (page: Page) => page.getByRole('status', { name: 'Writing together' })

/** This browser writes together again (the test project edits alone by default). */
async function writeTogether(page: Page): Promise<void> {
  await page.context().clearCookies({ name: writeTogetherCookie })
}

/** The writer's new story, shared, with one paragraph; and the editor in it too, seeing that paragraph. */
async function sharedStory(page: Page, browser: Browser, headline: string, paragraph: string): Promise<Page> {
  await signIn(page, 'writer@copydesk.test')
  await writeTogether(page)
  await startStory(page, headline)
  await expect(together(page)).toContainText('Writing together:')
  await storyBody(page).click()
  await page.keyboard.type(paragraph)
  const editorPage = await signedInPage(browser, 'editor@copydesk.test')
  await writeTogether(editorPage)
  await editorPage.goto(page.url())
  await expect(together(editorPage)).toContainText('Writing together:')
  await expect(storyBody(editorPage)).toHaveText(paragraph)
  return editorPage
}

/** Whether every character of `typed` is in `text`, in order (others' typing may fall between them). */
function holdsInOrder(text: string, typed: string): boolean {
  let at = 0
  for (const character of text) if (character === typed[at]) at += 1
  return at === typed.length
}

test('two people typing into the same paragraph at once both end with the same text, every keystroke in it', async ({ page, browser }) => {
  test.slow()
  const start = 'The council votes today.'
  const editorPage = await sharedStory(page, browser, 'Council vote', start)
  const mine = ' Fees rise in May.'
  const theirs = ' Shipowners object.'
  for (const person of [page, editorPage]) {
    await storyBody(person).locator('p').first().click()
    await person.keyboard.press('End')
  }
  await Promise.all([page.keyboard.type(mine, { delay: 15 }), editorPage.keyboard.type(theirs, { delay: 15 })])

  const text = async (person: Page) => (await storyBody(person).locator('p').first().textContent()) ?? ''
  await expect.poll(async () => (await text(page)).length, { timeout: 10_000 }).toBe(start.length + mine.length + theirs.length)
  await expect.poll(() => text(editorPage), { timeout: 10_000 }).toBe(await text(page))
  const shared = await text(page)
  expect(shared.startsWith(start)).toBe(true)
  expect(holdsInOrder(shared, mine) && holdsInOrder(shared, theirs)).toBe(true)

  // The headline is shared too, as it is typed.
  await editorPage.getByLabel('Headline', { exact: true }).press('End')
  await editorPage.keyboard.type(' passes')
  await expect(page.getByLabel('Headline', { exact: true })).toHaveValue('Council vote passes')
  await editorPage.context().close()
})

test('each person sees the other’s caret with their name, and who else is editing', async ({ page, browser }) => {
  const editorPage = await sharedStory(page, browser, 'Ferry timetable', 'The first ferry sails at noon.')
  await storyBody(editorPage).locator('p').first().click()
  await editorPage.keyboard.press('End')
  await expect(storyBody(page).getByRole('img', { name: 'Daniel Achterberg’s caret' })).toBeVisible()
  await storyBody(page).locator('p').first().click()
  await expect(storyBody(editorPage).getByRole('img', { name: 'Tomás Ferreira’s caret' })).toBeVisible()
  await expect(page.getByText('Also editing: Daniel Achterberg')).toBeVisible()
  await editorPage.context().close()
})

test('when the sync server cannot be reached, the editor says so and saves through the form', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await writeTogether(page)
  // Every connection to the sync server is closed at once, as a server that is down would.
  await page.routeWebSocket(/\/desk\/collab/, (socket) => socket.close())
  await startStory(page, 'Bridge closed for repairs')
  await expect(together(page)).toContainText('could not be reached', { timeout: 15_000 })
  await storyBody(page).click()
  await page.keyboard.type('Traffic is diverted.')
  await expect(saveStatus(page)).toHaveText(/Saved at/)
  await page.reload()
  await expect(storyBody(page)).toHaveText('Traffic is diverted.', { timeout: 15_000 })
})

test('the status line says when the shared text was saved, and one person’s change of section or tags shows in the other’s form', async ({
  page,
  browser,
}) => {
  const editorPage = await sharedStory(page, browser, 'Harbour dues', 'The dues rise in May.')
  // After a pause in the typing the sync server cuts a revision, and the status line says so.
  await expect(page.getByLabel('Shared text saved')).toContainText(/^Shared text saved as revision \d+ at /, { timeout: 20_000 })
  const section = editorPage.getByLabel('Section', { exact: true })
  const other = (await section.locator('option:not(:checked):not([disabled])').last().getAttribute('value')) ?? ''
  await section.selectOption(other)
  await editorPage.getByLabel('Tags', { exact: true }).fill('harbour, shipping')
  await expect(page.getByLabel('Section', { exact: true })).toHaveValue(other)
  await expect(page.getByLabel('Tags', { exact: true })).toHaveValue('harbour, shipping')
  await editorPage.context().close()
})
