import { type Locator, type Page } from '@playwright/test'
import { expect, test } from './test'
import { signIn } from './fixtures'
import { saveStatus, startStory, storyBody, toolbarButton } from './pages/story-form'

// The editor writes like a page: panels at the caret, the caret kept, typographic punctuation,
// Ctrl+S, the revision label and the preview beside the editor.

/** Writes paragraphs enough to put the caret well below the toolbar, ending on `last`. */
async function writeDownThePage(page: Page, last: string): Promise<void> {
  await storyBody(page).click()
  for (let n = 1; n <= 8; n++) {
    await page.keyboard.insertText(`Paragraph ${n} of the harbour story.`)
    await page.keyboard.press('Enter')
  }
  await page.keyboard.type(last)
}

/** The vertical distance from the bottom of `line` to the top of `panel`. */
async function gapBelow(line: Locator, panel: Locator): Promise<number> {
  const [lineBox, panelBox] = await Promise.all([line.boundingBox(), panel.boundingBox()])
  if (!lineBox || !panelBox) throw new Error('Not on screen.')
  return panelBox.y - (lineBox.y + lineBox.height)
}

test('the Link and Figure panels open under the caret, and cancelling puts the caret back where it was', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Harbour works begin')
  await writeDownThePage(page, 'Read the plan')
  const line = storyBody(page).getByText('Read the plan')

  await toolbarButton(page, 'Link').click()
  const linkPanel = page.getByRole('group', { name: 'Add link' })
  await expect(linkPanel).toBeVisible()
  const linkGap = await gapBelow(line, linkPanel)
  expect(linkGap).toBeGreaterThanOrEqual(0)
  expect(linkGap).toBeLessThan(40)
  await page.keyboard.press('Escape')
  await expect(linkPanel).toHaveCount(0)
  await page.keyboard.type(' in full')
  await expect(storyBody(page).getByText('Read the plan in full')).toBeVisible()

  await toolbarButton(page, 'Figure').click()
  const figurePanel = page.getByRole('group', { name: 'Add figure' })
  await expect(figurePanel).toBeVisible()
  const figureGap = await gapBelow(storyBody(page).getByText('Read the plan in full'), figurePanel)
  expect(figureGap).toBeGreaterThanOrEqual(0)
  expect(figureGap).toBeLessThan(40)
  // The upload field keeps within its box: it does not run over the Kind field.
  const [upload, kind] = await Promise.all([
    figurePanel.getByLabel('Or upload a new image').boundingBox(),
    figurePanel.getByLabel('Kind').boundingBox(),
  ])
  if (!upload || !kind) throw new Error('The figure panel’s fields are not on screen.')
  const isApart =
    upload.x + upload.width <= kind.x ||
    kind.x + kind.width <= upload.x ||
    upload.y + upload.height <= kind.y ||
    kind.y + kind.height <= upload.y
  expect(isApart).toBe(true)
  await figurePanel.getByRole('button', { name: 'Cancel' }).click()
  await page.keyboard.type(', online')
  await expect(storyBody(page).getByText('Read the plan in full, online')).toBeVisible()
})

test('words typed straight after OK in the Link and Embed panels go into the text, even when the browser is slow to draw', async ({
  page,
}) => {
  // Every frame waits 400 ms, as on a busy machine: the text must not wait for one to take the keys.
  await page.addInitScript(() => {
    const drawFrame = window.requestAnimationFrame.bind(window)
    window.requestAnimationFrame = (callback) => window.setTimeout(() => drawFrame(callback), 400)
  })
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Harbour works begin')
  await storyBody(page).click()
  await page.keyboard.type('Read the plan')
  for (let key = 0; key < 'plan'.length; key++) await page.keyboard.press('Shift+ArrowLeft')

  await toolbarButton(page, 'Link').click()
  await page.getByRole('group', { name: 'Add link' }).getByLabel('Link address').fill('https://example.org/plan')
  await page.getByRole('button', { name: 'OK' }).click()
  await page.keyboard.type(' today.')
  await expect(storyBody(page)).toHaveText('Read the plan today.')

  await toolbarButton(page, 'Embed').click()
  await page.getByLabel('Embed address').fill('https://www.openstreetmap.org/#map=12/31.20/29.90')
  await page.getByRole('button', { name: 'OK' }).click()
  await page.keyboard.type('Work starts in spring.')
  await expect(storyBody(page).getByText('Work starts in spring.')).toBeVisible()
})

test('after the attribution field, Enter or Tab goes back to the quote with the caret where it was', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Quay reopens')
  await writeDownThePage(page, 'The mayor spoke.')
  await page.keyboard.press('Enter')
  await toolbarButton(page, 'Block quote').click()
  await page.keyboard.type('We kept our word')

  await page.getByLabel('Attribution').fill('The mayor')
  await page.getByLabel('Attribution').press('Enter')
  await page.keyboard.type(' to the fishermen')
  await page.getByLabel('Attribution').fill('The mayor, Rana Haddad')
  await page.getByLabel('Attribution').press('Tab')
  await page.keyboard.type(' and their families')

  const quote = storyBody(page).locator('blockquote')
  await expect(quote).toHaveText('We kept our word to the fishermen and their families')
  await expect(storyBody(page).locator('figcaption')).toHaveText('— The mayor, Rana Haddad')
  await expect(storyBody(page).getByText('Paragraph 1 of the harbour story.')).toHaveText('Paragraph 1 of the harbour story.')
})

test('typed and pasted quotes, apostrophes and dashes become typographic, and undo gives back the straight one', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Ferry fares')
  await storyBody(page).click()
  await page.keyboard.type('"We\'re back," she said -- at last.')
  await expect(storyBody(page)).toHaveText('“We’re back,” she said — at last.')

  await page.keyboard.press('Enter')
  await page.keyboard.type('Size 5"')
  await page.keyboard.press('ControlOrMeta+z')
  await page.keyboard.type(" and 6'")
  await page.keyboard.press('Backspace')
  await expect(storyBody(page).locator('p').nth(1)).toHaveText('Size 5" and 6\'')

  await page.keyboard.press('Enter')
  await storyBody(page).evaluate((editor) => {
    const transfer = new DataTransfer()
    transfer.setData('text/plain', '"Pasted" -- and it\'s at https://example.org/a--b')
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
  })
  await expect(storyBody(page).locator('p').nth(2)).toHaveText('“Pasted” — and it’s at https://example.org/a--b')

  await page.getByLabel('Headline', { exact: true }).fill('"Back at last" -- the ferry\'s return')
  await expect(page.getByLabel('Headline', { exact: true })).toHaveValue('“Back at last” — the ferry’s return')
  await page.getByLabel('Standfirst').pressSequentially('It\'s "done"')
  await expect(page.getByLabel('Standfirst')).toHaveValue('It’s “done”')
  await page.getByLabel('Standfirst').pressSequentially(' at 5"')
  await page.keyboard.press('ControlOrMeta+z')
  await page.getByLabel('Standfirst').pressSequentially(' or so')
  await expect(page.getByLabel('Standfirst')).toHaveValue('It’s “done” at 5" or so')
  await page.getByLabel('Headline', { exact: true }).press('End')
  await page.getByLabel('Headline', { exact: true }).pressSequentially(" in '")
  await page.keyboard.press('ControlOrMeta+z')
  await page.getByLabel('Headline', { exact: true }).pressSequentially('26')
  await expect(page.getByLabel('Headline', { exact: true })).toHaveValue("“Back at last” — the ferry’s return in '26")
})

test('Ctrl+S saves a revision of its own from anywhere in the form, and the revision label follows every save', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  const id = await startStory(page, 'Night buses return')
  const label = page.getByText(/^Revision \d+$/)
  const numberOf = async () => Number((await label.textContent())?.replace('Revision ', ''))
  const first = await numberOf()

  await storyBody(page).click()
  await page.keyboard.type('The first bus leaves at midnight.')
  await expect(saveStatus(page)).toHaveText(/Saved at/)
  await expect(label).toHaveText(`Revision ${first + 1}`)

  await page.getByLabel('Standfirst').fill('Three routes, every hour.')
  await page.evaluate(() => {
    window.addEventListener('keydown', (event) => document.body.setAttribute('data-save-key-taken', String(event.defaultPrevented)))
  })
  await page.keyboard.press('ControlOrMeta+s')
  await expect(saveStatus(page)).toHaveText(/Saved at/)
  await expect(page.locator('body')).toHaveAttribute('data-save-key-taken', 'true')
  await expect(label).toHaveText(`Revision ${first + 2}`)
  await expect(page.getByText('Changes save themselves as you write.')).toBeVisible()

  await page.goto(`/desk/articles/${id}/history`)
  const newest = page.getByRole('row').filter({ hasText: 'current' })
  await expect(newest.getByRole('cell').first()).toHaveText(new RegExp(`^${first + 2}`))
  await expect(newest.getByRole('cell', { name: 'Save', exact: true })).toBeVisible()
})

test('Preview opens in a new tab beside the editor, with a link back to it', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  const id = await startStory(page, 'Lighthouse keeper retires')
  const [preview] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('link', { name: /^Preview/ }).click()])
  await expect(preview.getByText('Preview: this is how readers will see the story')).toBeVisible()
  await expect(preview.getByRole('heading', { name: 'Lighthouse keeper retires' })).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/desk/articles/${id}$`))
  await expect(storyBody(page)).toBeVisible()

  await preview.getByRole('link', { name: 'Back to the editor' }).click()
  await expect(preview).toHaveURL(new RegExp(`/desk/articles/${id}$`))
  await preview.close()
})
