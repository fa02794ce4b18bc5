import { type Page } from '@playwright/test'
import { expect, test } from './test'
import { signedInPage } from './fixtures'
import { caretAfter, holdSaves, overlapOfFirstParagraph, typeInParagraph } from './pages/story-form'
import { paragraphsOf, sharedStory, together, writeTogether, writerStartsTogether } from './pages/writing-together'

// The form's own saving on a story that someone else has open in the shared editor: what one
// person saves through the form reaches the other, and each sees it once.

/** Presses Save and waits until the story, opened afresh in `reader`, has `paragraphs`. */
async function saveUntilOpenedAs(page: Page, reader: Page, paragraphs: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(async () => {
    await reader.goto(page.url())
    await expect.poll(() => paragraphsOf(reader), { timeout: 3000 }).toEqual(paragraphs)
  }).toPass({ timeout: 30_000 })
}

test('a save made through the form by someone editing alone reaches the person writing together, and both see it once', async ({
  page,
  browser,
}) => {
  test.slow()
  await writerStartsTogether(page, 'Harbour fees', 'Fees rise.')
  // The editor edits alone (this project's cookie says so), as a browser that cannot reach the sync server.
  const alone = await signedInPage(browser, 'editor@copydesk.test')
  await saveUntilOpenedAs(page, alone, ['Fees rise.'])
  await expect(together(alone)).toHaveCount(0)

  await caretAfter(alone, 0, 'Fees rise')
  await alone.keyboard.type(' in May')
  const reader = await signedInPage(browser, 'admin@copydesk.test')
  await saveUntilOpenedAs(alone, reader, ['Fees rise in May.'])
  await expect.poll(() => paragraphsOf(page)).toEqual(['Fees rise in May.'])

  // The person writing together types on and saves: the one editing alone, reloading, finds both once.
  await typeInParagraph(page, 1, ' Owners object.')
  await saveUntilOpenedAs(page, alone, ['Fees rise in May. Owners object.'])
  expect(await paragraphsOf(page)).toEqual(['Fees rise in May. Owners object.'])
  await alone.context().close()
  await reader.context().close()
})

test('a save through the form of someone writing together carries everyone’s typing once, and the field they changed reaches the other', async ({
  page,
  browser,
}) => {
  test.slow()
  const editorPage = await sharedStory(page, browser, 'Harbour dues', 'Fees rise.')
  await typeInParagraph(editorPage, 1, ' Owners object.')
  await expect.poll(() => paragraphsOf(page)).toEqual(['Fees rise. Owners object.'])
  await page.getByLabel('Dateline', { exact: true }).fill('BEIRUT')
  await expect(editorPage.getByLabel('Dateline', { exact: true })).toHaveValue('BEIRUT')

  const reader = await signedInPage(browser, 'admin@copydesk.test')
  await saveUntilOpenedAs(page, reader, ['Fees rise. Owners object.'])
  await expect(reader.getByLabel('Dateline', { exact: true })).toHaveValue('BEIRUT')
  expect(await paragraphsOf(editorPage)).toEqual(['Fees rise. Owners object.'])
  await editorPage.context().close()
  await reader.context().close()
})

test('fields typed while writing together that the form could not save are back for both when the story is opened again, and saved once the refusal is fixed', async ({
  page,
  browser,
}) => {
  test.slow()
  const editorPage = await sharedStory(page, browser, 'Harbour tolls', 'Tolls rise.')
  const url = page.url()
  await page.getByLabel('SEO title', { exact: true }).fill('Harbour tolls rise in May')
  await page.getByLabel('Slug', { exact: true }).fill('Harbour Tolls!')
  // The writer's autosave is refused for the slug: neither field is saved.
  await expect(page.getByText('Use only lower-case letters, digits and single hyphens').first()).toBeVisible()
  await expect(editorPage.getByLabel('SEO title', { exact: true })).toHaveValue('Harbour tolls rise in May')
  await expect(editorPage.getByLabel('Slug', { exact: true })).toHaveValue('Harbour Tolls!')

  // Both leave: the sync server stores the story and closes it.
  await page.goto('/desk')
  await editorPage.context().close()
  const again = await signedInPage(browser, 'editor@copydesk.test')
  await writeTogether(again)
  await again.goto(url)
  await expect(together(again)).toContainText('Writing together:')
  await expect(again.getByLabel('SEO title', { exact: true })).toHaveValue('Harbour tolls rise in May')
  await expect(again.getByLabel('Slug', { exact: true })).toHaveValue('Harbour Tolls!')

  // Fixed, the slug saves through the form with the SEO title typed before.
  await again.getByLabel('Slug', { exact: true }).fill('tolls-in-may')
  const reader = await signedInPage(browser, 'admin@copydesk.test')
  await expect(async () => {
    await reader.goto(url)
    await expect(reader.getByLabel('SEO title', { exact: true })).toHaveValue('Harbour tolls rise in May', { timeout: 3000 })
  }).toPass({ timeout: 30_000 })
  await expect(reader.getByLabel('Slug', { exact: true })).toHaveValue('tolls-in-may')
  await again.context().close()
  await reader.context().close()
})

test('someone editing alone and someone writing together change the same paragraph: both texts are shown with who wrote them, and “Keep both” reaches the shared story', async ({
  page,
  browser,
}) => {
  test.slow()
  await writerStartsTogether(page, 'Market moves to the quay', 'The market moves.')
  const alone = await signedInPage(browser, 'editor@copydesk.test')
  await saveUntilOpenedAs(page, alone, ['The market moves.'])

  // The form's save, held on its way, meets the revision cut from the shared story first.
  const release = await holdSaves(alone)
  await typeInParagraph(alone, 1, ' It opens on Friday.')
  await alone.getByRole('button', { name: 'Save', exact: true }).click()
  await typeInParagraph(page, 1, ' It opens on Monday.')
  const reader = await signedInPage(browser, 'admin@copydesk.test')
  await saveUntilOpenedAs(page, reader, ['The market moves. It opens on Monday.'])
  release()

  const panel = await overlapOfFirstParagraph(alone, 'Tomás Ferreira', {
    mine: 'The market moves. It opens on Friday.',
    theirs: 'The market moves. It opens on Monday.',
  })
  await panel.getByRole('button', { name: 'Keep both' }).click()
  await expect(panel).toHaveCount(0)
  const both = ['The market moves. It opens on Monday.', 'The market moves. It opens on Friday.']
  await expect.poll(() => paragraphsOf(page), { timeout: 15_000 }).toEqual(both)
  await expect(async () => {
    await reader.goto(page.url())
    await expect.poll(() => paragraphsOf(reader), { timeout: 3000 }).toEqual(both)
  }).toPass({ timeout: 30_000 })
  await alone.context().close()
  await reader.context().close()
})
