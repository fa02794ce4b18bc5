import { type Locator, type Page } from '@playwright/test'
import { expect, test } from './test'
import { signedInPage } from './fixtures'
import { stateLine, storyBody, storyIdOf, workflow } from './pages/story-form'

// A story's day without a mouse: the writer writes and submits it, the editor approves and
// publishes it, with Tab, Shift+Tab, Enter and typing only. Nothing here clicks or fills.

/**
 * Presses Tab until `target` has the focus, as someone moving through the page would; fails if
 * it is not reached within `limit` stops (unreachable by keyboard, or buried too deep).
 */
async function tabTo(page: Page, target: Locator, limit = 120): Promise<void> {
  await expect(target).toBeVisible()
  for (let stop = 0; stop < limit; stop++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`${target} was not reached in ${limit} presses of Tab`)
}

/** Tabs to a button and presses Enter on it. */
async function activate(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target)
  await page.keyboard.press('Enter')
}

/**
 * Takes a Workflow step by keyboard: its button, then the button that confirms it when a form
 * opens, then "… anyway" when the pre-publish checklist asks for its warnings to be confirmed.
 */
async function takeStep(page: Page, label: string, note = ''): Promise<void> {
  await activate(page, workflow(page).getByRole('button', { name: label, exact: true }).first())
  await expect(workflow(page)).not.toHaveAttribute('aria-busy', 'true', { timeout: 15_000 })
  const form = workflow(page).getByRole('form', { name: label })
  if ((await form.count()) > 0) {
    if (note) {
      await tabTo(page, form.getByRole('textbox'))
      await page.keyboard.type(note)
    }
    await activate(page, form.getByRole('button', { name: label, exact: true }))
    await expect(workflow(page)).not.toHaveAttribute('aria-busy', 'true', { timeout: 15_000 })
  }
  const anyway = workflow(page).getByRole('button', { name: `${label} anyway`, exact: true })
  if ((await anyway.count()) > 0) await activate(page, anyway)
}

test('a writer writes and submits a story, and an editor approves and publishes it, by keyboard alone', async ({ browser }) => {
  // Dozens of Tab presses, each checked: longer than a mouse's journey.
  test.setTimeout(180_000)
  const headline = `Night ferry returns to the islands ${Date.now()}`

  const writer = await signedInPage(browser, 'writer@copydesk.test')
  await activate(writer, writer.getByRole('link', { name: 'New story' }))
  await expect(writer.getByRole('heading', { level: 1, name: 'New story' })).toBeVisible()
  await tabTo(writer, writer.getByLabel('Working headline'))
  await writer.keyboard.type(headline)
  await activate(writer, writer.getByRole('button', { name: 'Start writing' }))
  await expect(storyBody(writer)).toBeVisible({ timeout: 15_000 })
  await expect(writer).toHaveTitle(`${headline} · Desk · Copydesk`)

  await tabTo(writer, writer.getByLabel('Standfirst'))
  await writer.keyboard.type('The overnight crossing is back for the winter, twice a week.')
  await tabTo(writer, storyBody(writer))
  await writer.keyboard.type('The ferry leaves the harbour at eleven and reaches the islands at dawn.')
  await writer.keyboard.press('Enter')
  await writer.keyboard.type('Tickets go on sale on Monday.')
  await takeStep(writer, 'Submit for review', 'Ready for the evening edition.')
  await expect(stateLine(writer)).toHaveText('In review')
  const id = storyIdOf(writer)

  const editor = await signedInPage(browser, 'editor@copydesk.test')
  // The editor finds it in the review queue, by keyboard too.
  await editor.goto('/desk?queue=review')
  await activate(editor, editor.getByRole('link', { name: headline }))
  await expect(editor).toHaveURL(new RegExp(`/desk/articles/${id}$`), { timeout: 15_000 })
  await expect(storyBody(editor)).toContainText('Tickets go on sale on Monday.')
  await takeStep(editor, 'Approve')
  await expect(stateLine(editor)).toHaveText('Approved')
  await takeStep(editor, 'Publish')
  await expect(stateLine(editor)).toHaveText('Published')

  const reader = await (await browser.newContext()).newPage()
  await reader.goto('/')
  await expect(reader.getByRole('link', { name: headline }).first()).toBeVisible()
  await Promise.all([writer, editor, reader].map((page) => page.context().close()))
})
