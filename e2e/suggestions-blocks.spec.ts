import { type Page } from '@playwright/test'
import { expect, test } from './test'
import { signedInPage } from './fixtures'
import {
  addFigure,
  clickInBody,
  openPreview,
  press,
  pressOnly,
  saveAndWait,
  startStory,
  stateLine,
  storyBody,
  submitForReview,
  toolbarButton,
  workflow,
} from './pages/story-form'
import { suggestionBy, suggestionsRail as rail } from './pages/suggestions'

// Suggestion mode for underline, a list item nested in another, and block quotes, rules, figures
// and embeds suggested in or out (components/editor/suggest-blocks.ts, suggest-whole-blocks.ts).

test('underline, a nested list item, a block quote and a rule suggested: shown in the desk, counted, left out of the preview, then accepted or rejected', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await startStory(editor, `Ferry timetable ${Date.now()}`)
  await storyBody(editor).click()
  await editor.keyboard.type('Timetable changes')
  await editor.keyboard.press('Enter')
  await editor.keyboard.type('A quote from the harbour.')
  await editor.keyboard.press('Enter')
  await toolbarButton(editor, 'Bulleted list').click()
  await editor.keyboard.type('Mornings')
  await editor.keyboard.press('Enter')
  await editor.keyboard.type('Early sailing')
  await editor.getByRole('button', { name: 'Suggest changes' }).click()

  // Underline: shown as it would be, applied only once accepted.
  await clickInBody(editor, 'Timetable changes', 'Home')
  for (let key = 0; key < 'Timetable'.length; key++) await editor.keyboard.press('Shift+ArrowRight')
  await toolbarButton(editor, 'Underline').click()
  await expect(storyBody(editor).getByTitle(/^Underline suggested by Daniel Achterberg, /)).toHaveText('Timetable')
  await expect(storyBody(editor).locator('u')).toHaveCount(0)

  // Tab in a list nests the item in the one above it, as a suggestion.
  await clickInBody(editor, 'Early sailing')
  await editor.keyboard.press('Tab')
  await expect(storyBody(editor).locator('li li')).toHaveText('Early sailing')

  // A block quote put around a paragraph, and a rule inserted after the list.
  await clickInBody(editor, 'A quote from the harbour.')
  await toolbarButton(editor, 'Block quote').click()
  await expect(storyBody(editor).locator('.editor-quote')).toHaveAttribute('title', /^New block quote suggested by Daniel Achterberg, /)
  await clickInBody(editor, 'Timetable changes', 'End')
  await toolbarButton(editor, 'Horizontal rule').click()
  await expect(storyBody(editor).locator('hr')).toHaveAttribute('title', /^New horizontal rule suggested by Daniel Achterberg, /)

  await expect(rail(editor).getByRole('heading')).toHaveText('Suggestions 4 pending')
  await expect(suggestionBy(editor, 'Underline “Timetable”')).toBeVisible()
  await expect(suggestionBy(editor, 'Bulleted list, level 2 (nested 1 level in) “Early sailing”')).toBeVisible()
  await expect(suggestionBy(editor, 'New block quote “A quote from the harbour.”')).toBeVisible()
  await expect(suggestionBy(editor, 'New horizontal rule')).toBeVisible()

  const preview = await openPreview(editor)
  await expect(preview.getByText('A quote from the harbour.')).toBeVisible()
  await expect(preview.locator('blockquote, hr, u, li li')).toHaveCount(0)
  await expect(preview.getByRole('listitem').filter({ hasText: /^(Mornings|Early sailing)$/ })).toHaveText(['Mornings', 'Early sailing'])
  await preview.close()

  // Counted by the pre-publish check: approving waits for them.
  await submitForReview(editor)
  await pressOnly(editor, 'Approve')
  await expect(workflow(editor).getByRole('form', { name: 'Approve' })).toContainText('4 suggested changes are still pending.')
  await workflow(editor).getByRole('button', { name: 'Cancel' }).click()

  await suggestionBy(editor, 'New block quote “A quote from the harbour.”')
    .getByRole('button', { name: /^Reject/ })
    .click()
  await expect(storyBody(editor).locator('blockquote')).toHaveCount(0)
  await suggestionBy(editor, 'Bulleted list, level 2 (nested 1 level in) “Early sailing”')
    .getByRole('button', { name: /^Reject/ })
    .click()
  await expect(storyBody(editor).locator('li li')).toHaveCount(0)
  await expect(storyBody(editor).getByRole('listitem')).toHaveText(['Mornings', 'Early sailing'])
  await rail(editor).getByRole('button', { name: 'Accept all' }).click()
  await expect(rail(editor)).toHaveCount(0)
  await expect(storyBody(editor).locator('u')).toHaveText('Timetable')
  await expect(storyBody(editor).locator('hr')).not.toHaveAttribute('title', /.*/)
})

test('a figure inserted and an embed deleted while suggesting: listed, counted, left out of the preview, one accepted and the other rejected, and readers get them right', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await startStory(editor, `Ferry pier ${Date.now()}`)
  await storyBody(editor).click()
  await editor.keyboard.type('The ferry lands at the new pier.')
  await toolbarButton(editor, 'Embed').click()
  const addEmbed = editor.getByRole('group', { name: 'Add embed' })
  await addEmbed.getByLabel('Embed address').fill('https://www.openstreetmap.org/?mlat=51.5&mlon=-0.1#map=15/51.5/-0.1')
  await addEmbed.getByLabel('Caption', { exact: true }).fill('Where the pier is')
  await addEmbed.getByRole('button', { name: 'OK' }).click()
  await editor.keyboard.type('Boats run hourly.')
  const embed = storyBody(editor).locator('figure.embed')
  await expect(embed).toBeVisible()
  await editor.getByRole('button', { name: 'Suggest changes' }).click()

  // A figure put in after the first paragraph, and the map deleted (Backspace after it).
  await clickInBody(editor, 'The ferry lands at the new pier.', 'End')
  await addFigure(editor, { alt: 'The new pier at low tide', caption: 'The new pier', credit: 'HARBOUR BOARD' })
  const figure = storyBody(editor).locator('figure.figure')
  await expect(figure).toHaveAttribute('title', /^New figure suggested by Daniel Achterberg, /)
  await clickInBody(editor, 'Boats run hourly.', 'Home')
  await editor.keyboard.press('Backspace')
  await expect(embed).toHaveAttribute('title', /^No embed suggested by Daniel Achterberg, /)

  await expect(rail(editor).getByRole('heading')).toHaveText('Suggestions 2 pending')
  await expect(suggestionBy(editor, 'New figure “The new pier”')).toBeVisible()
  await expect(suggestionBy(editor, 'No embed “Where the pier is”')).toBeVisible()

  const preview = await openPreview(editor)
  await expect(preview.getByText('Boats run hourly.')).toBeVisible()
  await expect(preview.getByText('The new pier', { exact: true })).toHaveCount(0)
  await expect(preview.locator('figure.embed')).toContainText('Where the pier is')
  await preview.close()

  await submitForReview(editor)
  await pressOnly(editor, 'Approve')
  await expect(workflow(editor).getByRole('form', { name: 'Approve' })).toContainText('2 suggested changes are still pending.')
  await workflow(editor).getByRole('button', { name: 'Cancel' }).click()

  await suggestionBy(editor, 'New figure “The new pier”')
    .getByRole('button', { name: /^Accept/ })
    .click()
  await expect(figure).not.toHaveAttribute('title', /.*/)
  await suggestionBy(editor, 'No embed “Where the pier is”')
    .getByRole('button', { name: /^Reject/ })
    .click()
  await expect(rail(editor)).toHaveCount(0)
  await expect(embed).not.toHaveAttribute('title', /.*/)
  await saveAndWait(editor)
  await press(editor, 'Publish')
  await expect(stateLine(editor)).toHaveText('Published')

  const reader = await browser.newPage()
  await reader.goto(await editor.getByRole('link', { name: 'View on the site' }).getAttribute('href').then(String))
  await expect(reader.getByRole('figure').filter({ hasText: 'The new pier' })).toBeVisible()
  await expect(reader.locator('figure.embed')).toContainText('Where the pier is')
  expect(await reader.content()).not.toMatch(/suggest/)
  await reader.close()
})

test('a nested list item taken out of its list altogether while suggesting: one suggestion, readers keep it nested, rejected it is back, accepted it stays out', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await startStory(editor, `Ferry notes ${Date.now()}`)
  await typeNestedList(editor)
  await expect(storyBody(editor).locator('li li')).toHaveText('Early sailing')
  await editor.getByRole('button', { name: 'Suggest changes' }).click()

  const takeOut = async () => {
    await clickInBody(editor, 'Early sailing')
    await editor.keyboard.press('Shift+Tab')
    await toolbarButton(editor, 'Bulleted list').click()
    await expect(storyBody(editor).getByRole('listitem')).toHaveText(['Mornings'])
  }
  const takenOut = 'Paragraph (was bulleted list, moved 1 level out) “Early sailing”'
  await takeOut()
  await expect(rail(editor).getByRole('heading')).toHaveText('Suggestions 1 pending')
  await expect(suggestionBy(editor, takenOut)).toBeVisible()

  const preview = await openPreview(editor)
  await expect(preview.locator('li li')).toHaveText('Early sailing')
  await preview.close()

  await suggestionBy(editor, takenOut)
    .getByRole('button', { name: /^Reject/ })
    .click()
  await expect(storyBody(editor).locator('li li')).toHaveText('Early sailing')
  await expect(rail(editor)).toHaveCount(0)

  await takeOut()
  await suggestionBy(editor, takenOut)
    .getByRole('button', { name: /^Accept/ })
    .click()
  await expect(rail(editor)).toHaveCount(0)
  await expect(storyBody(editor).getByRole('listitem')).toHaveText(['Mornings'])
  await expect(storyBody(editor).getByText('Early sailing')).toBeVisible()
})

test('a list item with items of its own taken out of its list while suggesting: one suggestion, readers keep the list, rejected it is back with its items, accepted they stay out', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await startStory(editor, `Ferry sailings ${Date.now()}`)
  await typeNestedList(editor)
  await editor.keyboard.press('Enter')
  await editor.keyboard.press('Shift+Tab')
  await editor.keyboard.type('Evenings')
  await expect(storyBody(editor).locator('li li')).toHaveText('Early sailing')
  await editor.getByRole('button', { name: 'Suggest changes' }).click()

  const takenOut = 'Paragraph (was bulleted list) “Mornings Early sailing”'
  const takeOut = async (how: 'toolbar' | 'Shift+Tab') => {
    await clickInBody(editor, 'Mornings')
    if (how === 'toolbar') await toolbarButton(editor, 'Bulleted list').click()
    else await editor.keyboard.press('Shift+Tab')
    await expect(storyBody(editor).getByRole('listitem')).toHaveText(['Early sailing', 'Evenings'])
    await expect(rail(editor).getByRole('heading')).toHaveText('Suggestions 1 pending')
    await expect(suggestionBy(editor, takenOut)).toBeVisible()
  }
  await takeOut('toolbar')

  const preview = await openPreview(editor)
  const readersList = preview.locator('.story-body > ul')
  await expect(readersList).toHaveCount(1)
  await expect(readersList.locator('> li')).toHaveText([/^Mornings\s*Early sailing$/, 'Evenings'])
  await expect(readersList.locator('li li')).toHaveText('Early sailing')
  await preview.close()

  await suggestionBy(editor, takenOut)
    .getByRole('button', { name: /^Reject/ })
    .click()
  await expect(rail(editor)).toHaveCount(0)
  await expect(storyBody(editor).locator('> ul > li')).toHaveText([/^Mornings\s*Early sailing$/, 'Evenings'])
  await expect(storyBody(editor).locator('li li')).toHaveText('Early sailing')

  await takeOut('Shift+Tab')
  await suggestionBy(editor, takenOut)
    .getByRole('button', { name: /^Accept/ })
    .click()
  await expect(rail(editor)).toHaveCount(0)
  await expect(storyBody(editor).getByRole('listitem')).toHaveText(['Early sailing', 'Evenings'])
  await expect(storyBody(editor).getByText('Mornings')).toBeVisible()
})

/** Types into the story's body a bulleted list: "Mornings", with "Early sailing" nested under it. */
async function typeNestedList(editor: Page): Promise<void> {
  await storyBody(editor).click()
  await toolbarButton(editor, 'Bulleted list').click()
  await editor.keyboard.type('Mornings')
  await editor.keyboard.press('Enter')
  await editor.keyboard.press('Tab')
  await editor.keyboard.type('Early sailing')
}
