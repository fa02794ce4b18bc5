import { expect, test } from './test'
import { signIn } from './fixtures'
import { startStory } from './pages/story-form'

// The story form's previews of a search result and of a link preview, as the writer types.

test('the search result and social card previews follow the headline, standfirst, SEO and social fields as they are typed', async ({
  page,
}) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Harbour reopens to ferries')
  const search = page.getByRole('region', { name: 'Search result preview' })
  const card = page.getByRole('region', { name: 'Social card preview' })

  await expect(search).toContainText('Harbour reopens to ferries')
  await expect(search).toContainText(/^http\S+\/middle-east\/harbour-reopens-to-ferries/)
  await expect(card).toContainText('Harbour reopens to ferries')
  await expect(card).toContainText('No image')

  await page.getByLabel('Standfirst').fill('Boats are back after fourteen months.')
  await expect(search).toContainText('Boats are back after fourteen months.')
  await expect(card).toContainText('Boats are back after fourteen months.')

  await page.getByLabel('SEO title').fill('Beirut harbour reopens')
  await page.getByLabel('SEO description').fill('Ferries sail from Beirut again today.')
  await expect(search).toContainText('Beirut harbour reopens')
  await expect(search).toContainText('Ferries sail from Beirut again today.')
  await expect(search).not.toContainText('Boats are back')
  await expect(card).toContainText('Beirut harbour reopens')

  await page.getByLabel('Social headline').fill('The boats are back')
  await expect(card).toContainText('The boats are back')
  await expect(search).not.toContainText('The boats are back')

  await page.getByLabel('Social image').selectOption({ index: 1 })
  await expect(card.locator('img')).toBeVisible()
  await expect(card).not.toContainText('No image')
})

test('the previews cut a title too long for search engines and say which limit it passes', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Council meets on water prices')
  const search = page.getByRole('region', { name: 'Search result preview' })
  const card = page.getByRole('region', { name: 'Social card preview' })
  await expect(search.getByRole('listitem')).toHaveCount(0)

  const long = 'The council meets tonight to decide on water prices for the coming year in the city'
  await page.getByLabel('SEO title').fill(long)
  await expect(search).not.toContainText(long)
  await expect(search).toContainText('The council meets tonight to decide on water prices for the coming…')
  await expect(search.getByRole('listitem')).toHaveText([
    `The search title has ${long.length} characters; search engines show about 70 and cut the rest.`,
  ])
  await expect(card.getByRole('listitem')).toHaveText([
    `The social headline has ${long.length} characters; link previews show about 70 and cut the rest.`,
  ])

  await page.getByLabel('Social headline').fill('Water prices tonight')
  await expect(card.getByRole('listitem')).toHaveCount(0)
  await page.getByLabel('SEO title').fill('Council meets on water prices')
  await expect(search.getByRole('listitem')).toHaveCount(0)
})
