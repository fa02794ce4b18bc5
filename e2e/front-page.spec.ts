import { expect, test } from './test'
import { signedInPage } from './fixtures'
import { press, saveAndWait, startStory, stateLine, storyBody, submitForReview } from './pages/story-form'

// The reader's front page, its footer's standing pages and search (lib/front-page.ts,
// lib/site-pages.ts, lib/search.ts). Other tests publish at the same time: nothing here assumes
// which stories the page holds, only how it holds them.

test('the front page leads with a photo, puts stories with photos under it, and shows no story twice', async ({ page }) => {
  await page.goto('/')
  const lead = page.getByRole('main').getByRole('article').first()
  const leadPhoto = lead.getByRole('img')
  await expect(leadPhoto).toHaveAttribute('alt', /\w/)
  await expect(leadPhoto).toHaveAttribute('fetchpriority', 'high')
  await expect(leadPhoto).toHaveAttribute('width', /^\d+$/)
  await expect(leadPhoto).toHaveAttribute('srcset', /\d+w/)

  const top = page.getByRole('region', { name: 'Top stories' }).getByRole('listitem')
  expect(await top.count()).toBeGreaterThanOrEqual(2)
  expect(await top.count()).toBeLessThanOrEqual(3)
  // The demo newsroom has photos enough for every one of them; they are in the first screen.
  for (const item of await top.all()) {
    await expect(item.getByRole('img')).toHaveAttribute('height', /^\d+$/)
    await expect(item.getByRole('img')).not.toHaveAttribute('loading', 'lazy')
  }
  // Photos further down load as the reader gets to them.
  const railPhotos = page.locator('.rail img')
  if ((await railPhotos.count()) > 0) await expect(railPhotos.first()).toHaveAttribute('loading', 'lazy')

  const storyLinks = await page
    .locator('main article h2 a, main li h2 a, main li h3 a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')))
  expect(storyLinks.length).toBeGreaterThan(3)
  expect(storyLinks.filter((href, index) => storyLinks.indexOf(href) !== index)).toEqual([])
})

test('an editor pins a story at the lead of the front page, readers see it there at once, and unpinned the rules lead again', async ({
  browser,
}) => {
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await editor.getByRole('link', { name: 'Front page' }).click()
  await expect(editor.getByRole('heading', { level: 1, name: 'Front page' })).toBeVisible()
  // A story the rules put under the lead: it has a photo, and it is not the newest.
  const row = editor.getByRole('row').filter({ hasText: 'Under the lead' }).first()
  const headline = (await row.getByRole('link').first().textContent()) ?? ''
  const storyRow = editor.getByRole('row').filter({ has: editor.getByRole('link', { name: headline, exact: true }) })
  await storyRow.getByRole('button', { name: 'Make it the lead' }).click()
  // The page is made again with the pin: the row says where the story is now.
  await expect(storyRow).toContainText('The lead (pinned)')

  const reader = await (await browser.newContext()).newPage()
  await reader.goto('/')
  const lead = reader.getByRole('main').getByRole('article').first()
  await expect(lead.getByRole('heading', { name: headline })).toBeVisible()
  await expect(reader.getByRole('main').getByRole('link', { name: headline })).toHaveCount(1)

  await storyRow.getByRole('button', { name: 'Unpin' }).click()
  await expect(storyRow).not.toContainText('(pinned)')
  // Other tests publish and unpublish meanwhile: the reader's lead is the one the desk now shows, chosen by the rules.
  const ruled = editor.getByRole('region', { name: 'At the top now' }).getByRole('listitem').first()
  await expect(ruled).toContainText('(by the rules)')
  await reader.reload()
  await expect(lead.getByRole('heading', { level: 2 })).toHaveText((await ruled.getByRole('link').textContent()) ?? '')
})

test('the footer links to the newsroom’s standing pages', async ({ page }) => {
  await page.goto('/')
  const footer = page.getByRole('contentinfo')
  for (const title of ['About us', 'Contact', 'Corrections policy', 'Ethics policy', 'Terms of use', 'Privacy']) {
    await footer.getByRole('link', { name: title, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(page.getByRole('main').getByRole('paragraph').first()).not.toBeEmpty()
  }
  await expect(page).toHaveURL(/\/privacy$/)
})

test('an admin rewrites the About page in the desk, and readers see the new text', async ({ browser }) => {
  const admin = await signedInPage(browser, 'admin@copydesk.test')
  await admin.getByRole('link', { name: 'Site pages' }).click()
  await admin.getByRole('link', { name: 'About us' }).click()
  const sentence = `We opened a bureau in Kota Seri on ${Date.now()}.`
  const text = admin.getByLabel('Text')
  await text.fill(`${await text.inputValue()}\n\n${sentence}`)
  await admin.getByRole('button', { name: 'Save page' }).click()
  await expect(admin.getByText('Readers now see the new “About us” at /about.')).toBeVisible()

  const reader = await (await browser.newContext()).newPage()
  await reader.goto('/about')
  await expect(reader.getByRole('main').getByText(sentence)).toBeVisible()
})

test('search lists results with a count, keeps “$180m” in the snippet, and corrects a misspelt query', async ({ browser }) => {
  test.setTimeout(90_000)
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  const headline = `Zanderwick council borrows for new ferries ${Date.now()}`
  await startStory(editor, headline, 'Business')
  await storyBody(editor).click()
  await editor.keyboard.type('$180m is what Zanderwick will borrow for two ferries, the council said (after a long debate).')
  await saveAndWait(editor)
  await submitForReview(editor)
  await expect(stateLine(editor)).toHaveText('In review')
  await press(editor, 'Publish')
  await expect(stateLine(editor)).toHaveText('Published')

  const reader = await (await browser.newContext()).newPage()
  await reader.goto('/search?q=Zanderwick+borrow')
  await expect(reader.getByText('1 result for “Zanderwick borrow”')).toBeVisible()
  const result = reader.getByRole('listitem').filter({ has: reader.getByRole('link', { name: headline }) })
  await expect(result).toContainText('Business')
  await expect(result.locator('time')).toHaveAttribute('datetime', /^\d{4}-/)
  await expect(result).toContainText('$180m is what Zanderwick will borrow')

  await reader.getByRole('searchbox', { name: 'Search stories' }).fill('Zandervick')
  await reader.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(reader.getByText('No stories match “Zandervick”', { exact: false })).toBeVisible()
  await reader.getByRole('link', { name: 'zanderwick' }).click()
  await expect(reader).toHaveURL(/q=zanderwick/)
  await expect(reader.getByRole('link', { name: headline })).toBeVisible()
})
