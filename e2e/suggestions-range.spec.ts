import type { Browser, Page } from '@playwright/test'
import { expect, test } from './test'
import { signedInPage } from './fixtures'
import { addFigure, caretAfter, openPreview, startStory, storyBody, toolbarButton } from './pages/story-form'
import { suggestionBy, suggestionsRail as rail } from './pages/suggestions'

// Words and a whole block deleted together while suggesting (components/editor/suggest-range.ts):
// from the middle of a paragraph, across a figure or a subheading, into the next paragraph; and
// words typed over from a subheading's start into the next paragraph.

/** The story body's element, with the TipTap editor TipTap hangs on it. */
type BodyElement = HTMLElement & { editor?: { state: { selection: { from: number; to: number } } } }

/**
 * Selects from the caret to right after `words` at the start of the body's paragraph `index`, as
 * a person does holding Shift and clicking there, and waits until the editor has that selection.
 */
async function selectTo(page: Page, index: number, words: string): Promise<void> {
  const paragraph = storyBody(page).locator('p').nth(index)
  await paragraph.scrollIntoViewIfNeeded()
  const point = await paragraph.evaluate((element, length) => {
    const range = document.createRange()
    const text = element.firstChild
    if (!text) throw new Error('no words in the paragraph')
    range.setStart(text, length - 1)
    range.setEnd(text, length)
    const box = range.getBoundingClientRect()
    return { x: box.right - 1, y: box.top + box.height / 2 }
  }, words.length)
  await page.keyboard.down('Shift')
  await page.mouse.click(point.x, point.y)
  await page.keyboard.up('Shift')
  const selected = () =>
    storyBody(page).evaluate((element) => {
      const selection = (element as BodyElement).editor?.state.selection
      return selection ? selection.to - selection.from : 0
    })
  await expect.poll(selected).toBeGreaterThan(words.length)
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString() ?? '')).toMatch(new RegExp(`${words}$`))
}

/** Selects from just after "The ferry sails at dawn" in the first paragraph to just after "Tickets cost more" in the second, and presses `key`. */
async function deleteAcross(page: Page, key: 'Delete' | 'Backspace'): Promise<void> {
  await caretAfter(page, 0, 'The ferry sails at dawn')
  await selectTo(page, 1, 'Tickets cost more')
  await page.keyboard.press(key)
}

/** The two paragraphs both journeys' stories have, before anything is suggested. */
const firstParagraph = 'The ferry sails at dawn and returns at dusk.'
const before = [firstParagraph, 'Tickets cost more from May.']

/** An editor's new story, its body opening with the first of the two paragraphs, the caret after it. */
async function startFerryStory(browser: Browser): Promise<Page> {
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await startStory(editor, `Ferry fares ${Date.now()}`)
  await storyBody(editor).click()
  await editor.keyboard.type(firstParagraph)
  return editor
}

/** The same story with a block of `words` made by the toolbar's `button` between the two paragraphs (in a list, the second is its next item). */
async function startFerryStoryWith(browser: Browser, button: string, words: string): Promise<Page> {
  const editor = await startFerryStory(browser)
  await editor.keyboard.press('Enter')
  await toolbarButton(editor, button).click()
  await editor.keyboard.type(words)
  await editor.keyboard.press('Enter')
  await editor.keyboard.type(before[1] ?? '')
  return editor
}

/** The story with a subheading "New fares" between its paragraphs, suggesting: the page, the heading and the paragraphs. */
async function startSuggestingUnderSubheading(browser: Browser) {
  const editor = await startFerryStoryWith(browser, 'Heading 2', 'New fares')
  const heading = storyBody(editor).getByRole('heading', { level: 2 })
  const paragraphs = storyBody(editor).locator('p')
  await expect(heading).toHaveText('New fares')
  await expect(paragraphs).toHaveText(before)
  await editor.getByRole('button', { name: 'Suggest changes' }).click()
  return { editor, heading, paragraphs }
}

test('words, a figure and more words deleted at once while suggesting: struck and listed, the preview unchanged, rejected all back, accepted gone', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const editor = await startFerryStory(browser)
  await addFigure(editor, { alt: 'The ferry at the quay', caption: 'The dawn ferry' })
  await editor.keyboard.type('Tickets cost more from May.')
  const figure = storyBody(editor).locator('figure.figure')
  const paragraphs = storyBody(editor).locator('p')
  await expect(paragraphs).toHaveText(before)
  await editor.getByRole('button', { name: 'Suggest changes' }).click()

  await deleteAcross(editor, 'Delete')
  await expect(figure).toHaveAttribute('title', /^No figure suggested by Daniel Achterberg, /)
  await expect(storyBody(editor).locator('del')).toHaveText([' and returns at dusk.', 'Tickets cost more'])
  await expect(storyBody(editor).locator('.suggested-join')).toHaveCount(1)
  await expect(paragraphs).toHaveText(['The ferry sails at dawn and returns at dusk.¶', 'Tickets cost more from May.'])
  await expect(rail(editor).getByRole('heading')).toHaveText('Suggestions 2 pending')
  await expect(suggestionBy(editor, 'Delete “and returns at dusk.¶Tickets cost more”')).toBeVisible()
  await expect(suggestionBy(editor, 'No figure “The dawn ferry”')).toBeVisible()

  const preview = await openPreview(editor)
  await expect(preview.locator('.story-body p')).toHaveText(before)
  await expect(preview.getByRole('figure')).toContainText('The dawn ferry')
  await expect(preview.locator('del, .suggestion')).toHaveCount(0)
  await preview.close()

  await suggestionBy(editor, 'Delete “and returns at dusk.¶Tickets cost more”')
    .getByRole('button', { name: /^Reject/ })
    .click()
  await expect(rail(editor)).toHaveCount(0)
  await expect(figure).not.toHaveAttribute('title', /.*/)
  await expect(storyBody(editor).locator('del, .suggested-join')).toHaveCount(0)
  await expect(paragraphs).toHaveText(before)

  await deleteAcross(editor, 'Backspace')
  await expect(rail(editor).getByRole('heading')).toHaveText('Suggestions 2 pending')
  await suggestionBy(editor, 'No figure “The dawn ferry”')
    .getByRole('button', { name: /^Accept/ })
    .click()
  await expect(rail(editor)).toHaveCount(0)
  await expect(figure).toHaveCount(0)
  await expect(paragraphs).toHaveText(['The ferry sails at dawn from May.'])
})

test('words deleted across a subheading while suggesting: struck with the heading’s words as one suggestion, the preview unchanged, rejected back, accepted joined', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const { editor, heading, paragraphs } = await startSuggestingUnderSubheading(browser)

  const deletion = 'Delete “and returns at dusk.¶New fares¶Tickets cost more”'
  await deleteAcross(editor, 'Delete')
  await expect(storyBody(editor).locator('del')).toHaveText([' and returns at dusk.', 'New fares', 'Tickets cost more'])
  await expect(storyBody(editor).locator('.suggested-join')).toHaveCount(2)
  await expect(heading).toHaveText('New fares¶')
  await expect(rail(editor).getByRole('heading')).toHaveText('Suggestions 1 pending')
  await expect(suggestionBy(editor, deletion)).toBeVisible()

  const preview = await openPreview(editor)
  await expect(preview.locator('.story-body h2')).toHaveText('New fares')
  await expect(preview.locator('.story-body p')).toHaveText(before)
  await expect(preview.locator('del, .suggestion')).toHaveCount(0)
  await preview.close()

  await suggestionBy(editor, deletion)
    .getByRole('button', { name: /^Reject/ })
    .click()
  await expect(rail(editor)).toHaveCount(0)
  await expect(storyBody(editor).locator('del, .suggested-join')).toHaveCount(0)
  await expect(heading).toHaveText('New fares')
  await expect(paragraphs).toHaveText(before)

  await deleteAcross(editor, 'Backspace')
  await suggestionBy(editor, deletion)
    .getByRole('button', { name: /^Accept/ })
    .click()
  await expect(rail(editor)).toHaveCount(0)
  await expect(heading).toHaveCount(0)
  await expect(paragraphs).toHaveText(['The ferry sails at dawn from May.'])
})

test('words deleted from a paragraph into a bulleted list while suggesting: the items’ words struck as one suggestion, rejected back, accepted joined as the editor joins them', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const editor = await startFerryStoryWith(browser, 'Bulleted list', 'Crossings run hourly.')
  const items = storyBody(editor).getByRole('listitem')
  const paragraphs = storyBody(editor).locator('p')
  const listed = [firstParagraph, 'Crossings run hourly.', 'Tickets cost more from May.']
  await expect(items).toHaveText(listed.slice(1))
  await editor.getByRole('button', { name: 'Suggest changes' }).click()

  const deletion = 'Delete “and returns at dusk.¶Crossings run hourly.¶Tickets cost more”'
  const deleteIntoList = async (key: 'Delete' | 'Backspace') => {
    await caretAfter(editor, 0, 'The ferry sails at dawn')
    await selectTo(editor, 2, 'Tickets cost more')
    await editor.keyboard.press(key)
  }
  await deleteIntoList('Delete')
  await expect(storyBody(editor).locator('del')).toHaveText([' and returns at dusk.', 'Crossings run hourly.', 'Tickets cost more'])
  await expect(storyBody(editor).locator('.suggested-join')).toHaveCount(2)
  await expect(rail(editor).getByRole('heading')).toHaveText('Suggestions 1 pending')
  await expect(suggestionBy(editor, deletion)).toBeVisible()

  await suggestionBy(editor, deletion)
    .getByRole('button', { name: /^Reject/ })
    .click()
  await expect(rail(editor)).toHaveCount(0)
  await expect(storyBody(editor).locator('del, .suggested-join')).toHaveCount(0)
  await expect(paragraphs).toHaveText(listed)

  await deleteIntoList('Backspace')
  await suggestionBy(editor, deletion)
    .getByRole('button', { name: /^Accept/ })
    .click()
  await expect(rail(editor)).toHaveCount(0)
  await expect(items).toHaveCount(0)
  await expect(paragraphs).toHaveText(['The ferry sails at dawn from May.'])
})

test('words typed over a range from a subheading’s start into the next paragraph while suggesting: put before the struck words, the preview unchanged, rejected back, accepted a subheading', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const { editor, heading, paragraphs } = await startSuggestingUnderSubheading(browser)

  const typeOver = async () => {
    await heading.click()
    await editor.keyboard.press('Home')
    await selectTo(editor, 1, 'Tickets cost more')
    await editor.keyboard.type('Fares rise')
  }
  await typeOver()
  await expect(heading.locator('ins')).toHaveText('Fares rise')
  await expect(storyBody(editor).locator('del')).toHaveText(['New fares', 'Tickets cost more'])
  await expect(heading).toHaveText('Fares riseNew fares¶')
  await expect(suggestionBy(editor, 'Insert “Fares rise”')).toBeVisible()
  await expect(suggestionBy(editor, 'Delete “New fares¶Tickets cost more”')).toBeVisible()

  const preview = await openPreview(editor)
  await expect(preview.locator('.story-body h2')).toHaveText('New fares')
  await expect(preview.locator('.story-body p')).toHaveText(before)
  await preview.close()

  await rail(editor).getByRole('button', { name: 'Reject all' }).click()
  await expect(rail(editor)).toHaveCount(0)
  await expect(heading).toHaveText('New fares')
  await expect(paragraphs).toHaveText(before)

  await typeOver()
  await rail(editor).getByRole('button', { name: 'Accept all' }).click()
  await expect(rail(editor)).toHaveCount(0)
  await expect(heading).toHaveText('Fares rise from May.')
  await expect(paragraphs).toHaveText([firstParagraph])
})
