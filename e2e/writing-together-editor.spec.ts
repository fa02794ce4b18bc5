import { type Page } from '@playwright/test'
import { expect, test } from './test'
import { signIn } from './fixtures'
import { submitStory } from './pages/desk'
import { saveStatus, startStory, storyBody } from './pages/story-form'
import {
  bothTypeWhileCutOff,
  expectSameText,
  firstParagraph,
  joinStory,
  sharedStory,
  stormStart,
  toEndOfFirstParagraph,
  together,
  writeTogether,
} from './pages/writing-together'

// The desk's editor writing together through the sync server: two people in one story, each
// seeing the other's typing, caret and name. (The other specs edit alone: playwright.config.ts.)

/**
 * Everyone types their words at the end of the first paragraph, all at once; then every copy
 * holds the same text: `start`, then every keystroke of each, in each one's order.
 */
async function typeAtOnce(start: string, typing: [Page, string][]): Promise<void> {
  const people = typing.map(([person]) => person)
  await toEndOfFirstParagraph(people)
  await Promise.all(typing.map(([person, words]) => person.keyboard.type(words, { delay: 15 })))
  await expectSameText(
    people,
    start,
    typing.map(([, words]) => words),
  )
}

test('two people typing into the same paragraph at once both end with the same text, every keystroke in it', async ({ page, browser }) => {
  test.slow()
  const start = 'The council votes today.'
  const editorPage = await sharedStory(page, browser, 'Council vote', start)
  await typeAtOnce(start, [
    [page, ' Fees rise in May.'],
    [editorPage, ' Shipowners object.'],
  ])

  // The headline is shared too, as it is typed.
  await editorPage.getByLabel('Headline', { exact: true }).press('End')
  await editorPage.keyboard.type(' passes')
  await expect(page.getByLabel('Headline', { exact: true })).toHaveValue('Council vote passes')
  await editorPage.context().close()
})

test('three people typing into the same paragraph at once all end with the same text, every keystroke in it', async ({ page, browser }) => {
  test.slow()
  const start = 'The port reopens.'
  const editorPage = await sharedStory(page, browser, 'Port reopens', start)
  const adminPage = await joinStory(browser, 'admin@copydesk.test', page.url(), start)
  await typeAtOnce(start, [
    [page, ' Cranes idle.'],
    [editorPage, ' Queues form.'],
    [adminPage, ' Fees hold.'],
  ])
})

test('a person cut off from the network for 30 seconds while the other types merges on reconnect, nothing lost either side', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000)
  const { network, editorPage } = await bothTypeWhileCutOff(page, browser, 'Storm warning')
  // The outage itself is what is tested: 30 seconds, the editor typing again halfway through.
  await page.waitForTimeout(15_000)
  expect(await firstParagraph(page)).not.toContain('Winds')
  expect(await firstParagraph(editorPage)).not.toContain('Ferries')
  await page.keyboard.type(' Schools close.')
  await editorPage.keyboard.type(' Power is cut.')
  await page.waitForTimeout(15_000)
  await network.restore()
  await expect(together(page)).toContainText('Writing together:')
  await expectSameText([page, editorPage], stormStart, [' Ferries stay in port. Schools close.', ' Winds reach 90 km/h. Power is cut.'])
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

test('a person who may only read the story sees the other’s typing appear live, with nothing to edit', async ({ page, browser }) => {
  // Sent for review, the writer's story is the editor's to change and the writer's only to read.
  await signIn(page, 'writer@copydesk.test')
  await submitStory(page, 'Lighthouse relit', 'Middle East')
  const editorPage = await joinStory(browser, 'editor@copydesk.test', page.url(), '')
  await writeTogether(page)
  await page.reload()
  await expect(page.getByRole('status', { name: 'Live view' })).toBeVisible({ timeout: 15_000 })
  await storyBody(editorPage).click()
  await editorPage.keyboard.type('The lamp turns again.')
  await expect(storyBody(page)).toHaveText('The lamp turns again.')
  await expect(storyBody(page).getByRole('img', { name: 'Daniel Achterberg’s caret' })).toBeVisible()
  await editorPage.getByLabel('Headline', { exact: true }).fill('Lighthouse relit after forty years')
  await expect(page.getByRole('heading', { name: 'Lighthouse relit after forty years' })).toBeVisible()
  await expect(storyBody(page)).not.toBeEditable()
  await expect(storyBody(page)).toHaveAttribute('contenteditable', 'false')
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0)
  await editorPage.context().close()
})
