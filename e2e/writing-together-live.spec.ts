import { type Page } from '@playwright/test'
import { expect, test } from './test'
import { signIn } from './fixtures'
import { commentOnLastWord, thread } from './pages/comments'
import { submitStory } from './pages/desk'
import { storyBody } from './pages/story-form'
import { joinStory, sharedStory, writeTogether } from './pages/writing-together'

// What a second person on a shared story sees without reloading: the other fields in the live
// read-only view, and the comments beside the words.

/** A line of the story's details in the live read-only view: its value. */
const detail = (page: Page, name: string) =>
  page
    .getByLabel('Story details')
    .locator('div')
    .filter({ has: page.getByRole('term').getByText(name, { exact: true }) })
    .getByRole('definition')

/** Marks the page, so that `stayed` can tell it was not reloaded since. */
const markPage = (page: Page) => page.evaluate(() => Object.assign(window, { stayed: true }))
const stayed = (page: Page) => page.evaluate(() => 'stayed' in window)

test('a person who may only read the story sees the dateline, section, tags and lead image change as the other sets them', async ({
  page,
  browser,
}) => {
  // Sent for review, the writer's story is the editor's to change and the writer's only to read.
  await signIn(page, 'writer@copydesk.test')
  await submitStory(page, 'Harbour lights', 'Middle East')
  const editorPage = await joinStory(browser, 'editor@copydesk.test', page.url(), '')
  await writeTogether(page)
  await page.reload()
  await expect(page.getByRole('status', { name: 'Live view' })).toBeVisible({ timeout: 15_000 })
  await expect(detail(page, 'Section')).toContainText('Middle East')
  await expect(detail(page, 'Tags')).toHaveText('none')
  await markPage(page)

  await editorPage.getByLabel('Dateline', { exact: true }).fill('BEIRUT')
  const section = editorPage.getByLabel('Section', { exact: true })
  await section.selectOption((await section.locator('option:not(:checked):not([disabled])').last().getAttribute('value')) ?? '')
  const sectionName = (await section.locator('option:checked').textContent()) ?? ''
  await editorPage.getByLabel('Tags', { exact: true }).fill('harbour, shipping')
  const lead = editorPage.getByRole('group', { name: 'Lead image', exact: true })
  await lead.getByLabel('Search images').fill('breakwater lighthouse')
  await lead.getByRole('radio', { name: /Small fishing boats with lamps lit/ }).check()

  await expect(detail(page, 'Dateline')).toHaveText('BEIRUT')
  await expect(detail(page, 'Section')).toHaveText(sectionName)
  await expect(detail(page, 'Tags')).toHaveText('harbour, shipping')
  await expect(detail(page, 'Lead image')).toContainText('Small fishing boats with lamps lit')
  expect(await stayed(page)).toBe(true)
  await editorPage.context().close()
})

test('a comment one person writes shows beside its words for the other, whose reply reaches the first, and it stays on its words as the other types before them', async ({
  page,
  browser,
}) => {
  const editorPage = await sharedStory(page, browser, 'Ferry fares', 'Fares rise by half')
  await markPage(page)
  await storyBody(page).press('End')
  await commentOnLastWord(page, 'Source for the half?')
  await expect(thread(page, 'half')).toContainText('Source for the half?')

  await expect(thread(editorPage, 'half')).toContainText('Source for the half?', { timeout: 15_000 })
  await expect(storyBody(editorPage).locator('.comment-open')).toHaveText('half')
  await thread(editorPage, 'half').getByLabel('Reply').fill('The port’s statement, page 2.')
  await thread(editorPage, 'half').getByRole('button', { name: 'Send reply' }).click()
  await expect(thread(editorPage, 'half')).toContainText('The port’s statement, page 2.')
  await expect(thread(page, 'half')).toContainText('The port’s statement, page 2.', { timeout: 15_000 })

  // The editor types before the commented words: the thread stays on them in both browsers.
  await storyBody(editorPage).click()
  await editorPage.keyboard.press('Control+Home')
  await editorPage.keyboard.type('From June, ')
  await expect(storyBody(page)).toHaveText('From June, Fares rise by half')
  for (const person of [page, editorPage]) await expect(storyBody(person).locator('.comment-open')).toHaveText('half')
  await thread(page, 'half').getByRole('button', { name: 'Show in the text' }).click()
  // The editor takes the focus at the next frame, and selects the words then.
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('half')
  expect(await stayed(page)).toBe(true)
  await editorPage.context().close()
})
