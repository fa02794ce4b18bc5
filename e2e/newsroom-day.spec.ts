import { type Page } from '@playwright/test'
import { expect, test } from './test'
import { deskFieldTime, fromSite, signedInPage } from './fixtures'
import { press, stateLine, startStory, storyBody, submitForReview, workflow } from './pages/story-form'

/** Starts a story in Middle East and types its first words; returns its id. */
async function writeStory(page: Page, headline: string, text: string): Promise<number> {
  const id = await startStory(page, headline)
  await storyBody(page).click()
  await page.keyboard.type(text)
  return id
}

test('the newsroom day: draft, review, changes, approval, publication, a forged publish refused', async ({ browser }) => {
  // Three people, a dozen steps: longer than one page's default.
  test.setTimeout(120_000)
  const headline = `Desalination plant opens on the coast ${Date.now()}`
  const writer = await signedInPage(browser, 'writer@copydesk.test')
  const id = await writeStory(writer, headline, 'The plant will supply forty thousand homes.')
  await submitForReview(writer)
  await expect(stateLine(writer)).toHaveText('In review')

  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await editor.goto(`/desk/articles/${id}`)
  await press(editor, 'Request changes')
  await workflow(editor).getByRole('button', { name: 'Request changes', exact: true }).last().click()
  await expect(editor.getByText('Write a note saying what needs to change.')).toBeVisible()
  await editor.getByLabel('Note for the writer (required)').fill('Add what the water will cost households.')
  await workflow(editor).getByRole('form', { name: 'Request changes' }).getByRole('button', { name: 'Request changes' }).click()
  await expect(stateLine(editor)).toHaveText('Changes requested')

  await writer.reload()
  await expect(writer.getByRole('region', { name: 'Notes' }).getByText('Add what the water will cost households.')).toBeVisible()
  await storyBody(writer).click()
  await writer.keyboard.press('ControlOrMeta+End')
  await writer.keyboard.type(' Households will pay about four euros a month.')
  const resubmitted = writer.waitForResponse((response) => response.url().endsWith(`/desk/articles/${id}/workflow`))
  await submitForReview(writer)
  await expect(stateLine(writer)).toHaveText('In review')
  const { version } = (await (await resubmitted).json()) as { version: number }

  // The writer's session asks the server to publish, at the story's real version: refused for
  // the role alone, and nothing a person could notice changes.
  const forged = await writer.request.post(`/desk/articles/${id}/workflow`, {
    headers: fromSite(writer),
    data: { action: 'publish', baseVersion: version },
  })
  expect(forged.status()).toBe(403)
  expect((await forged.json()).message).toBe('Only editors can publish a story.')
  await writer.reload()
  await expect(stateLine(writer)).toHaveText('In review')
  await writer.goto(`/desk/articles/${id}/history`)
  const timeline = writer.getByRole('region', { name: 'Timeline' })
  await expect(timeline).toContainText('Changes requested → In review by Tomás Ferreira')
  await expect(timeline).not.toContainText('Published')
  // Where the story will live once published (checked below): nothing there yet.
  const path = `/regions/middle-east/${headline.toLowerCase().replaceAll(' ', '-')}`
  const reader = await (await browser.newContext()).newPage()
  expect((await reader.goto(path))?.status()).toBe(404)
  await reader.goto('/')
  await expect(reader.getByRole('link', { name: headline })).toHaveCount(0)

  await editor.reload()
  await press(editor, 'Approve')
  await expect(stateLine(editor)).toHaveText('Approved')
  await press(editor, 'Publish')
  await expect(stateLine(editor)).toHaveText('Published')

  await reader.goto('/')
  // The front page shows the new story once: without a photo, in its section's rail.
  await reader.getByRole('link', { name: headline }).first().click()
  await expect(reader).toHaveURL(path)
  await expect(reader.getByRole('heading', { level: 1, name: headline })).toBeVisible()
  await expect(reader.getByText('Households will pay about four euros a month.')).toBeVisible()
  await expect(reader.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Middle East')

  await editor.getByLabel('Text readers will see').fill('An earlier version gave the wrong number of homes.')
  await editor.getByRole('button', { name: 'Add correction' }).click()
  await expect(editor.getByText('The correction is on the story and the corrections page.')).toBeVisible()
  await reader.reload()
  await expect(reader.getByRole('region', { name: 'Corrections and updates' })).toContainText(
    'An earlier version gave the wrong number of homes.',
  )
  await reader.goto('/corrections')
  await expect(reader.getByRole('link', { name: headline })).toBeVisible()
})

/** A time as the `datetime-local` field shows it: local time, to the second. */
test('a story scheduled a few seconds ahead appears on the public site on its own', async ({ browser }) => {
  // The scheduler looks every five seconds.
  test.setTimeout(90_000)
  const headline = `Night market returns to the old port ${Date.now()}`
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await writeStory(editor, headline, 'Stalls open at dusk on Fridays.')
  await submitForReview(editor)
  await expect(stateLine(editor)).toHaveText('In review')
  await press(editor, 'Schedule')
  // Seconds that are not zero, which the field would otherwise leave out.
  const first = new Date(Date.now() + 60 * 60_000)
  first.setSeconds(30, 0)
  await editor.getByLabel('Publish at (time in Beirut)').fill(deskFieldTime(first))
  await workflow(editor).getByRole('form', { name: 'Schedule' }).getByRole('button', { name: 'Schedule' }).click()
  await expect(stateLine(editor)).toHaveText('Scheduled')

  // Changing the time starts from the time it is scheduled for.
  await press(editor, 'Change scheduled time')
  await expect(editor.getByLabel('Publish at (time in Beirut)')).toHaveValue(deskFieldTime(first))
  await editor.getByLabel('Publish at (time in Beirut)').fill(deskFieldTime(new Date(Date.now() + 8000)))
  await workflow(editor).getByRole('form', { name: 'Change scheduled time' }).getByRole('button', { name: 'Change scheduled time' }).click()
  await expect(workflow(editor).getByRole('form', { name: 'Change scheduled time' })).toHaveCount(0)

  const reader = await (await browser.newContext()).newPage()
  await expect
    .poll(
      async () => {
        await reader.goto('/')
        return reader.getByRole('link', { name: headline }).count()
      },
      { timeout: 40_000, intervals: [2000] },
    )
    .toBeGreaterThan(0)
  await editor.reload()
  await expect(stateLine(editor)).toHaveText('Published')
})

test('a writer’s update of their published story reaches readers only when an editor publishes it', async ({ browser }) => {
  test.setTimeout(120_000)
  const headline = `Ferry timetable changes for winter ${Date.now()}`
  const writer = await signedInPage(browser, 'writer@copydesk.test')
  const id = await writeStory(writer, headline, 'Ferries will leave every hour.')
  await submitForReview(writer)
  await expect(stateLine(writer)).toHaveText('In review')
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await editor.goto(`/desk/articles/${id}`)
  await press(editor, 'Publish')
  await expect(stateLine(editor)).toHaveText('Published')

  const reader = await (await browser.newContext()).newPage()
  await reader.goto('/')
  await reader.getByRole('link', { name: headline }).first().click()
  await expect(reader.getByText('Ferries will leave every hour.')).toBeVisible()

  await writer.reload()
  await storyBody(writer).click()
  await writer.keyboard.press('ControlOrMeta+End')
  await writer.keyboard.type(' The last one leaves at ten.')
  await expect(writer.getByText('Published — unpublished changes')).toBeVisible()
  await submitForReview(writer, { label: 'Submit update for review' })
  await expect(stateLine(writer)).toHaveText('In review')
  await expect(workflow(writer).getByRole('button', { name: 'Publish update' })).toHaveCount(0)

  await reader.reload()
  await expect(reader.getByText('Ferries will leave every hour.')).toBeVisible()
  await expect(reader.getByText('The last one leaves at ten.')).toHaveCount(0)
  await expect(reader.getByText(/Updated/)).toHaveCount(0)

  await editor.reload()
  await press(editor, 'Publish')
  await expect(stateLine(editor)).toHaveText('Published')
  await reader.reload()
  await expect(reader.getByText('The last one leaves at ten.')).toBeVisible()
  await expect(reader.getByText(/Updated/)).toBeVisible()
})
