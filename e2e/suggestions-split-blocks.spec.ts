import { expect, test } from './test'
import { signedInPage } from './fixtures'
import { caretAfter, clickInBody, openPreview, startStory, storyBody, toolbarButton } from './pages/story-form'
import { suggestionBy, suggestionsRail as rail } from './pages/suggestions'

// Suggestions that split a block (components/editor/suggest-split-blocks.ts): a rule put in the
// middle of a paragraph's words, and part of a block quote taken off.

test('a rule put in the middle of a paragraph while suggesting: split in the desk, listed once, left out of the preview, rejected with the paragraph whole', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await startStory(editor, `Ferry crossing ${Date.now()}`)
  await storyBody(editor).click()
  await editor.keyboard.type('The ferry sails at dawn and returns at dusk.')
  await editor.keyboard.press('Enter')
  await editor.keyboard.type('Tickets cost more.')
  await editor.getByRole('button', { name: 'Suggest changes' }).click()

  await caretAfter(editor, 0, 'The ferry sails at dawn')
  await toolbarButton(editor, 'Horizontal rule').click()
  const rule = storyBody(editor).locator('hr')
  await expect(rule).toHaveAttribute('title', /^New horizontal rule \(splitting a paragraph\) suggested by Daniel Achterberg, /)
  await expect(storyBody(editor).locator('p')).toHaveText(['The ferry sails at dawn', ' and returns at dusk.', 'Tickets cost more.'])
  await expect(rail(editor).getByRole('heading')).toHaveText('Suggestions 1 pending')

  const preview = await openPreview(editor)
  await expect(preview.locator('.story-body p')).toHaveText(['The ferry sails at dawn and returns at dusk.', 'Tickets cost more.'])
  await expect(preview.locator('hr')).toHaveCount(0)
  await preview.close()

  await suggestionBy(editor, 'New horizontal rule (splitting a paragraph)')
    .getByRole('button', { name: /^Reject/ })
    .click()
  await expect(rail(editor)).toHaveCount(0)
  await expect(rule).toHaveCount(0)
  await expect(storyBody(editor).locator('p')).toHaveText(['The ferry sails at dawn and returns at dusk.', 'Tickets cost more.'])
})

test('part of a block quote taken off while suggesting: the part struck, the preview one quote, accepted with the rest still quoted', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await startStory(editor, `Quay reopens ${Date.now()}`)
  await storyBody(editor).click()
  await editor.keyboard.type('The quay reopened on Monday.')
  await editor.keyboard.press('Enter')
  await toolbarButton(editor, 'Block quote').click()
  await editor.keyboard.type('We kept our word.')
  await editor.keyboard.press('Enter')
  await editor.keyboard.type('Boats come back.')
  await editor.getByLabel('Attribution').fill('The mayor')
  await editor.getByLabel('Attribution').press('Enter')
  await editor.getByRole('button', { name: 'Suggest changes' }).click()

  await clickInBody(editor, 'Boats come back.')
  await toolbarButton(editor, 'Block quote').click()
  const quotes = storyBody(editor).locator('.editor-quote')
  await expect(quotes).toHaveCount(2)
  await expect(quotes.nth(1)).toHaveAttribute('title', /^No block quote \(on part of the quote\) suggested by Daniel Achterberg, /)
  await expect(rail(editor).getByRole('heading')).toHaveText('Suggestions 1 pending')

  const preview = await openPreview(editor)
  await expect(preview.locator('blockquote')).toHaveCount(1)
  await expect(preview.locator('blockquote p')).toHaveText(['We kept our word.', 'Boats come back.'])
  await expect(preview.locator('figcaption.attribution')).toHaveText('— The mayor')
  await preview.close()

  await suggestionBy(editor, 'No block quote (on part of the quote) “Boats come back.”')
    .getByRole('button', { name: /^Accept/ })
    .click()
  await expect(rail(editor)).toHaveCount(0)
  await expect(quotes).toHaveCount(1)
  await expect(storyBody(editor).locator('blockquote p')).toHaveText(['We kept our word.'])
  await expect(storyBody(editor).locator('p').last()).toHaveText('Boats come back.')
})
