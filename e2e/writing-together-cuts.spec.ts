import { expect, test } from './test'
import { changesIn, compareFrom } from './pages/history'
import { storyIdOf } from './pages/story-form'
import { sharedStory } from './pages/writing-together'

// The revisions the sync server cuts after a pause carry the story's other fields as the shared
// story holds them, and name beside the field one whose value the revision could not take.

const told =
  'The slug in the shared story was not saved: Use only lower-case letters, digits and single hyphens, like harbour-reopens. ' +
  'The revision keeps the slug it had before.'

test('a field typed while writing together is in the revision cut after a pause, and a slug that does not fit is named beside the field', async ({
  page,
  browser,
}) => {
  test.slow()
  const editorPage = await sharedStory(page, browser, 'Harbour dues', 'Dues rise.')
  // The editor's own autosave is refused for the slug: only the sync server's cut can save the SEO title.
  await editorPage.getByLabel('SEO title', { exact: true }).fill('Dues rise in May')
  await editorPage.getByLabel('Slug', { exact: true }).fill('Harbour Dues!')
  await expect(page.getByLabel('Slug', { exact: true })).toHaveValue('Harbour Dues!')

  await expect(page.getByLabel('Shared text saved')).toContainText(told, { timeout: 30_000 })
  await expect(page.getByText(told, { exact: true })).toBeVisible()
  await page.goto(`/desk/articles/${storyIdOf(page)}/history`)
  await compareFrom(page, 1)
  await expect(changesIn(page, 'Search title').getByRole('insertion')).toHaveText('Dues rise in May')
  await expect(changesIn(page, 'Slug')).toHaveCount(0)
  await editorPage.context().close()
})
