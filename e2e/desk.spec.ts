import { expect, test } from './test'
import { ownWriterPage, signIn, signedInPage } from './fixtures'
import { filter, queues, storyRows, submitStory } from './pages/desk'
import { requestChanges } from './pages/story-form'

test('a note of a megabyte is refused with the reason, a note whose request fails says so, and no note is added', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  const id = await submitStory(page, `Reservoir levels fall ${Date.now()}`, 'Americas')
  const notes = page.getByRole('region', { name: 'Notes' })
  const box = notes.getByLabel('New note')
  // The browser stops typing at the limit; an old page or a forged form sends the megabyte anyway.
  await expect(box).toHaveAttribute('maxlength', '10000')
  await box.evaluate(
    (field: HTMLTextAreaElement, text: string) => {
      field.value = text
    },
    'x'.repeat(1024 * 1024),
  )
  await notes.getByRole('button', { name: 'Add note' }).click()
  await expect(notes.getByRole('status')).toHaveText('Keep the note under 10,000 characters (this one has 1,048,576).')

  // The connection drops as the note is sent: the form says so rather than nothing.
  await page.route(`**/desk/articles/${id}`, (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()))
  await box.fill('Is the reservoir figure from this year?')
  await notes.getByRole('button', { name: 'Add note' }).click()
  await expect(notes.getByRole('status')).toHaveText(
    'This did not go through and may not have been saved. Reload the page to see where things stand, then try again.',
  )
  await page.unrouteAll()
  await page.reload()
  await expect(page.getByRole('region', { name: 'Notes' }).getByText('No notes yet.')).toBeVisible()
})

test('the desk counts its queues, keeps the review queue oldest first with time waiting, filters, searches and pages', async ({
  browser,
}) => {
  // Two people and a dozen steps: longer than one page's default.
  test.setTimeout(120_000)
  const stamp = Date.now()
  const headline = `Tram line extension approved ${stamp}`
  const writer = await signedInPage(browser, 'writer@copydesk.test')
  await submitStory(writer, headline, 'Europe')

  const editor = await signedInPage(browser, 'editor@copydesk.test')
  for (const name of ['My drafts', 'Review queue', 'Sent back to me', 'Scheduled', 'Recently published', 'All stories']) {
    await expect(queues(editor).getByRole('link', { name: new RegExp(`^${name} \\d+$`) })).toBeVisible()
  }
  await queues(editor)
    .getByRole('link', { name: /^Review queue/ })
    .click()
  await expect(editor.getByRole('table', { name: 'Review queue' })).toBeVisible()
  const reviewCount = Number(
    (
      await queues(editor)
        .getByRole('link', { name: /^Review queue/ })
        .textContent()
    )?.match(/\d+$/)?.[0],
  )
  await expect(storyRows(editor)).toHaveCount(Math.min(reviewCount, 20))
  await expect(editor.getByRole('columnheader', { name: 'Waiting' })).toBeVisible()
  const justSubmitted = storyRows(editor).filter({ hasText: headline })
  await expect(justSubmitted).toContainText(/(under a minute|\d+ min) \(since .+ Beirut\)/)
  const since = await editor
    .getByRole('table')
    .getByRole('time')
    .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''))
  expect(since).toEqual([...since].sort())
  expect(since.at(-1)).toBe(await justSubmitted.getByRole('time').getAttribute('datetime'))

  await queues(editor)
    .getByRole('link', { name: /^All stories/ })
    .click()
  await expect(editor.getByRole('table', { name: 'All stories' })).toBeVisible()
  await filter(editor, { words: `extension approved ${stamp}` })
  await expect(storyRows(editor)).toHaveCount(1)
  await expect(storyRows(editor).getByRole('link', { name: headline })).toBeVisible()
  await filter(editor, { words: String(stamp), section: 'Regions › Europe', author: 'Tomás Ferreira', state: 'In review' })
  await expect(storyRows(editor)).toHaveCount(1)
  await expect(queues(editor).getByRole('link', { name: 'Review queue 1' })).toBeVisible()
  await filter(editor, { words: String(stamp), author: 'Hannah Lindqvist' })
  await expect(editor.getByText('No stories here.')).toBeVisible()
  await filter(editor, { words: String(stamp), section: 'Regions › Asia' })
  await expect(editor.getByText('No stories here.')).toBeVisible()
  await filter(editor, { state: 'Published' })
  await expect(storyRows(editor).first()).toBeVisible()
  for (const row of await storyRows(editor).all()) await expect(row.getByRole('cell').nth(2)).toContainText('Published')

  await editor.goto('/desk?queue=all&pageSize=3')
  const pages = editor.getByRole('navigation', { name: 'Pages' })
  await expect(pages).toContainText(/Page 1 of \d+/)
  const firstPage = await storyRows(editor).getByRole('link').first().textContent()
  await pages.getByRole('link', { name: 'Next' }).click()
  await expect(pages).toContainText(/Page 2 of \d+/)
  await expect(storyRows(editor)).toHaveCount(3)
  await expect(storyRows(editor).getByRole('link', { name: firstPage ?? '' })).toHaveCount(0)
  await pages.getByRole('link', { name: 'Previous' }).click()
  await expect(pages).toContainText(/Page 1 of \d+/)
})

test('a writer’s badge shows what an editor did to their story, once, and goes once they have looked', async ({ browser }) => {
  test.setTimeout(120_000)
  const headline = `Harbour dredging delayed ${Date.now()}`
  // A writer of its own: another test opening the demo writer's desk meanwhile would mark the news seen.
  const writer = await ownWriterPage(browser, 'Ines Duarte')
  const id = await submitStory(writer, headline, 'Middle East')

  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await requestChanges(editor, id, 'Say when the dredging will start.')

  await writer.goto('/desk')
  const desk = writer.getByRole('navigation', { name: 'Desk' })
  await expect(desk.getByRole('link', { name: /^Stories \d+ changes? on your stories$/ })).toBeVisible()
  const news = writer.getByRole('region', { name: /Changed on your stories/ })
  await expect(news.getByRole('link', { name: headline })).toHaveCount(1)
  await expect(news.getByRole('listitem').filter({ hasText: headline })).toContainText(
    'Daniel Achterberg moved it to changes requested — “Say when the dredging will start.”',
  )
  await expect(news.getByRole('status')).toHaveText('Seen: from now on, only newer changes are counted.')

  await writer.reload()
  await expect(desk.getByRole('link', { name: 'Stories', exact: true })).toBeVisible()
  await expect(writer.getByRole('region', { name: /Changed on your stories/ })).toHaveCount(0)
  await expect(queues(writer).getByRole('link', { name: /^Sent back to me [1-9]\d*$/ })).toBeVisible()
})
