import { type Browser, type Page, expect, test } from '@playwright/test'
import { signIn } from './fixtures'

async function pageFor(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, email)
  return page
}

const body = (page: Page) => page.getByRole('textbox', { name: 'Story body' })
const workflow = (page: Page) => page.getByRole('region', { name: 'Workflow' })
const stateLine = (page: Page) => page.locator('.story-crumbs strong')

async function press(page: Page, label: string): Promise<void> {
  await workflow(page).getByRole('button', { name: label, exact: true }).click()
}

async function writeStory(page: Page, headline: string, text: string): Promise<number> {
  await page.goto('/desk/articles/new')
  await page.getByLabel('Working headline').fill(headline)
  await page.getByLabel('Section').selectOption({ label: 'Regions › Middle East' })
  await page.getByRole('button', { name: 'Start writing' }).click()
  await body(page).click()
  await page.keyboard.type(text)
  return Number(new URL(page.url()).pathname.split('/').pop())
}

test('the newsroom day: draft, review, changes, approval, publication, a forged publish refused', async ({ browser }) => {
  // Three people, a dozen steps: longer than one page's default.
  test.setTimeout(120_000)
  const headline = `Desalination plant opens on the coast ${Date.now()}`
  const writer = await pageFor(browser, 'writer@copydesk.test')
  const id = await writeStory(writer, headline, 'The plant will supply forty thousand homes.')
  await press(writer, 'Submit for review')
  await expect(stateLine(writer)).toHaveText('In review')

  const editor = await pageFor(browser, 'editor@copydesk.test')
  await editor.goto(`/desk/articles/${id}`)
  await press(editor, 'Request changes')
  await workflow(editor).getByRole('button', { name: 'Request changes', exact: true }).last().click()
  await expect(editor.getByText('Write a note saying what needs to change.')).toBeVisible()
  await editor.getByLabel('Note for the writer (required)').fill('Add what the water will cost households.')
  await workflow(editor).getByRole('form', { name: 'Request changes' }).getByRole('button', { name: 'Request changes' }).click()
  await expect(stateLine(editor)).toHaveText('Changes requested')

  await writer.reload()
  await expect(writer.getByRole('region', { name: 'Notes' }).getByText('Add what the water will cost households.')).toBeVisible()
  await body(writer).click()
  await writer.keyboard.press('ControlOrMeta+End')
  await writer.keyboard.type(' Households will pay about four euros a month.')
  await press(writer, 'Submit for review')
  await expect(stateLine(writer)).toHaveText('In review')

  // The writer's session asks the server to publish: refused, and nothing changes.
  const forged = await writer.request.post(`/desk/articles/${id}/workflow`, { data: { action: 'publish', baseVersion: 99 } })
  expect(forged.status()).toBe(403)
  expect((await forged.json()).message).toMatch(/Only editors/)
  await writer.reload()
  await expect(stateLine(writer)).toHaveText('In review')

  await editor.reload()
  await press(editor, 'Approve')
  await expect(stateLine(editor)).toHaveText('Approved')
  await press(editor, 'Publish')
  await expect(stateLine(editor)).toHaveText('Published')

  const reader = await (await browser.newContext()).newPage()
  await reader.goto('/')
  // The front page leads with the newest story and lists it again in its section's rail.
  await reader.getByRole('link', { name: headline }).first().click()
  await expect(reader.getByRole('heading', { level: 1, name: headline })).toBeVisible()
  await expect(reader.getByText('Households will pay about four euros a month.')).toBeVisible()
  await expect(reader.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Middle East')

  await editor.getByLabel('Text readers will see').fill('An earlier version gave the wrong number of homes.')
  await editor.getByRole('button', { name: 'Add correction' }).click()
  await expect(editor.getByText('The correction is on the story and the corrections page.')).toBeVisible()
  await reader.reload()
  await expect(reader.getByRole('region', { name: 'Corrections and updates' })).toContainText('An earlier version gave the wrong number of homes.')
  await reader.goto('/corrections')
  await expect(reader.getByRole('link', { name: headline })).toBeVisible()
})

test('a story scheduled a few seconds ahead appears on the public site on its own', async ({ browser }) => {
  // The scheduler looks every five seconds.
  test.setTimeout(90_000)
  const headline = `Night market returns to the old port ${Date.now()}`
  const editor = await pageFor(browser, 'editor@copydesk.test')
  await writeStory(editor, headline, 'Stalls open at dusk on Fridays.')
  await press(editor, 'Submit for review')
  await expect(stateLine(editor)).toHaveText('In review')
  await press(editor, 'Schedule')
  const at = new Date(Date.now() + 8000)
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 19)
  await editor.getByLabel('Publish at (your time)').fill(local)
  await workflow(editor).getByRole('form', { name: 'Schedule' }).getByRole('button', { name: 'Schedule' }).click()
  await expect(stateLine(editor)).toHaveText('Scheduled')

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
