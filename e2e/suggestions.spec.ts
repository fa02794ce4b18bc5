import { caretColourFor } from '../lib/collab/colours'
import { expect, test } from './test'
import { signedInPage } from './fixtures'
import {
  caretAfter,
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
import { suggestionsRail as rail } from './pages/suggestions'
import { sharedStory } from './pages/writing-together'

/** A person's caret colour (lib/collab/colours.ts) as the browser reports a computed colour. */
function colourOf(name: string): string {
  const [red, green, blue] = [1, 3, 5].map((at) => parseInt(caretColourFor(name).slice(at, at + 2), 16))
  return `rgb(${red}, ${green}, ${blue})`
}

test('suggested changes: typed and deleted in suggestion mode, accepted and rejected one by one, and holding approval while one is pending', async ({
  browser,
}) => {
  test.setTimeout(90_000)
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await startStory(editor, `Ferry fares ${Date.now()}`)
  await editor.getByLabel('Standfirst').fill('Crossings cost more.')
  await storyBody(editor).click()
  await editor.keyboard.type('Fares rise by half today')

  const toggle = editor.getByRole('button', { name: 'Suggest changes' })
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await storyBody(editor).press('End')
  for (let key = 0; key < ' today'.length; key++) await editor.keyboard.press('Backspace')
  await storyBody(editor).press('End')
  await editor.keyboard.type(' from June')
  // The words stay in the text, marked with who suggested them.
  await expect(storyBody(editor)).toContainText('Fares rise by half today from June')
  await expect(storyBody(editor).locator('del')).toHaveAttribute('title', /^Deletion suggested by /)
  await expect(rail(editor).getByRole('heading')).toHaveText('Suggestions 2 pending')

  await rail(editor).getByRole('button', { name: 'Accept: Insert “from June”' }).click()
  await expect(rail(editor).getByRole('heading')).toHaveText('Suggestions 1 pending')
  await saveAndWait(editor)
  await submitForReview(editor)
  await expect(stateLine(editor)).toHaveText('In review')

  // One still pending: approving waits for it to be settled, or confirmed.
  await pressOnly(editor, 'Approve')
  await expect(workflow(editor).getByRole('form', { name: 'Approve' })).toContainText('1 suggested change is still pending.')
  await workflow(editor).getByRole('button', { name: 'Cancel' }).click()

  await rail(editor).getByRole('button', { name: 'Reject: Delete “today”' }).click()
  await expect(rail(editor)).toHaveCount(0)
  await saveAndWait(editor)
  await press(editor, 'Publish')
  await expect(stateLine(editor)).toHaveText('Published')

  const reader = await browser.newPage()
  await reader.goto(await editor.getByRole('link', { name: 'View on the site' }).getAttribute('href').then(String))
  await expect(reader.getByText('Fares rise by half today from June')).toBeVisible()
  expect(await reader.content()).not.toMatch(/suggestion|<ins|<del/)
  await reader.close()
})

test('a writer cannot accept or reject an editor’s suggestion on their story, and is told why', async ({ browser }) => {
  const writer = await signedInPage(browser, 'writer@copydesk.test')
  await startStory(writer, `Bus fares ${Date.now()}`)
  await storyBody(writer).click()
  await writer.keyboard.type('Fares rise by half')
  await saveAndWait(writer)
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await editor.goto(writer.url())
  await editor.getByRole('button', { name: 'Suggest changes' }).click()
  await storyBody(editor).click()
  await storyBody(editor).press('End')
  await editor.keyboard.type(' today')
  await expect(storyBody(writer).locator('ins')).toHaveText(' today')

  // Deleting the editor's suggested words would reject them: the writer's editor does not.
  await storyBody(writer).click()
  await storyBody(writer).press('End')
  await writer.keyboard.press('Backspace')
  await expect(writer.getByText(/^Only editors can accept or reject someone else’s suggestion/)).toBeVisible()
  await expect(storyBody(writer)).toContainText('Fares rise by half today')
  await writer.keyboard.press('Home')
  await writer.keyboard.type('Bus ')
  await expect(storyBody(editor)).toContainText('Bus Fares rise by half today')
})

test('a writer and an editor both suggesting on one shared story see each other’s suggestions, and the editor settles them', async ({
  page: writer,
  browser,
}) => {
  test.setTimeout(90_000)
  const editor = await sharedStory(writer, browser, `Tram fares ${Date.now()}`, 'Fares rise by half')

  await editor.getByRole('button', { name: 'Suggest changes' }).click()
  await storyBody(editor).click()
  await storyBody(editor).press('End')
  await editor.keyboard.type(' today')
  await writer.getByRole('button', { name: 'Suggest changes' }).click()
  await expect(writer.getByRole('button', { name: 'Suggest changes' })).toHaveAttribute('aria-pressed', 'true')
  await storyBody(writer).click()
  await storyBody(writer).press('Home')
  await writer.keyboard.type('Tram ')

  // Each sees both, each in its author's colour and with their name.
  for (const page of [writer, editor]) {
    const byEditor = storyBody(page).locator('ins', { hasText: 'today' })
    const byWriter = storyBody(page).locator('ins', { hasText: 'Tram' })
    await expect(byEditor).toHaveAttribute('title', /^Insertion suggested by Daniel Achterberg, /)
    await expect(byEditor).toHaveCSS('color', colourOf('Daniel Achterberg'))
    await expect(byWriter).toHaveAttribute('title', /^Insertion suggested by Tomás Ferreira, /)
    await expect(byWriter).toHaveCSS('color', colourOf('Tomás Ferreira'))
    await expect(rail(page).getByRole('heading')).toHaveText('Suggestions 2 pending')
  }
  await expect(rail(writer).getByRole('button', { name: /^Accept/ })).toHaveCount(0)

  await rail(editor).getByRole('button', { name: 'Accept: Insert “Tram”' }).click()
  await rail(editor).getByRole('button', { name: 'Reject: Insert “today”' }).click()
  for (const page of [writer, editor]) {
    await expect(storyBody(page)).toHaveText('Tram Fares rise by half')
    await expect(storyBody(page).locator('ins, del')).toHaveCount(0)
    await expect(rail(page)).toHaveCount(0)
  }

  // A new paragraph the writer suggests reaches the editor with their name, and splits once accepted.
  await caretAfter(writer, 0, 'Tram ')
  await writer.keyboard.press('Enter')
  await expect(storyBody(editor).getByTitle(/^New paragraph suggested by Tomás Ferreira, /)).toHaveText('¶')
  await rail(editor).getByRole('button', { name: 'Accept: New paragraph' }).click()
  for (const page of [writer, editor]) await expect(storyBody(page).locator('p')).toHaveText(['Tram ', 'Fares rise by half'])
})

test('a new paragraph and a join suggested: a pilcrow in the suggester’s colour, listed, left out of the preview, and split or joined once accepted', async ({
  browser,
}) => {
  test.setTimeout(90_000)
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await startStory(editor, `Bus lanes ${Date.now()}`)
  await storyBody(editor).click()
  await editor.keyboard.type('Fares rise. Buses too.')
  await editor.getByRole('button', { name: 'Suggest changes' }).click()
  const enterBeforeBuses = async () => {
    await caretAfter(editor, 0, 'Fares rise. ')
    await editor.keyboard.press('Enter')
  }
  await enterBeforeBuses()

  const split = storyBody(editor).getByTitle(/^New paragraph suggested by Daniel Achterberg, /)
  await expect(split).toHaveText('¶')
  await expect(split).toHaveCSS('color', colourOf('Daniel Achterberg'))
  await expect(storyBody(editor).locator('p')).toHaveCount(1)
  await expect(rail(editor).getByRole('article', { name: 'New paragraph, suggested by Daniel Achterberg' })).toBeVisible()
  await rail(editor).getByRole('button', { name: 'Reject: New paragraph' }).click()
  await expect(storyBody(editor).locator('p')).toHaveText(['Fares rise. Buses too.'])
  await expect(rail(editor)).toHaveCount(0)

  await enterBeforeBuses()
  await rail(editor).getByRole('button', { name: 'Accept: New paragraph' }).click()
  await expect(storyBody(editor).locator('p')).toHaveText(['Fares rise. ', 'Buses too.'])

  // Backspace at the second paragraph's start suggests joining them; readers still get two.
  await clickInBody(editor, 'Buses too.', 'Home')
  await editor.keyboard.press('Backspace')
  await expect(storyBody(editor).getByTitle(/^Joining of paragraphs suggested by Daniel Achterberg, /)).toHaveText('¶')
  await expect(rail(editor).getByRole('heading')).toHaveText('Suggestions 1 pending')
  const preview = await openPreview(editor)
  await expect(preview.getByText('Buses too.', { exact: true })).toBeVisible()
  expect(await preview.content()).not.toContain('¶')
  await preview.close()

  await rail(editor).getByRole('button', { name: 'Accept: Join paragraphs' }).click()
  await expect(storyBody(editor).locator('p')).toHaveText(['Fares rise. Buses too.'])
  await expect(rail(editor)).toHaveCount(0)
})

test('bold suggested rather than applied: shown as it would be with who suggested it, applied once accepted', async ({ browser }) => {
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await startStory(editor, `Night buses ${Date.now()}`)
  await storyBody(editor).click()
  await editor.keyboard.type('Fares rise.')
  await editor.getByRole('button', { name: 'Suggest changes' }).click()
  await storyBody(editor).click()
  await editor.keyboard.press('Home')
  for (let key = 0; key < 'Fares'.length; key++) await editor.keyboard.press('Shift+ArrowRight')
  await toolbarButton(editor, 'Bold').click()

  const suggested = storyBody(editor).getByTitle(/^Bold suggested by Daniel Achterberg, /)
  await expect(suggested).toHaveText('Fares')
  await expect(suggested).toHaveCSS('font-weight', '700')
  await expect(storyBody(editor).locator('strong')).toHaveCount(0)
  await rail(editor).getByRole('button', { name: 'Accept: Bold “Fares”' }).click()
  await expect(storyBody(editor).locator('strong')).toHaveText('Fares')
  await expect(rail(editor)).toHaveCount(0)
})

test('a link, a heading and a list item suggested: shown as they would be with who suggested them, left out of the preview until accepted, and a figure too', async ({
  browser,
}) => {
  test.setTimeout(90_000)
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await startStory(editor, `Harbour works ${Date.now()}`)
  await storyBody(editor).click()
  await editor.keyboard.type('Works begin')
  await editor.keyboard.press('Enter')
  await editor.keyboard.type('Fares rise.')
  await editor.getByRole('button', { name: 'Suggest changes' }).click()

  await storyBody(editor).getByText('Works begin').click()
  await toolbarButton(editor, 'Heading 2').click()
  const heading = storyBody(editor).getByRole('heading', { level: 2 })
  await expect(heading).toHaveText('Works begin')
  await expect(heading.getByTitle(/^Change from paragraph suggested by Daniel Achterberg, /)).toHaveCSS(
    'color',
    colourOf('Daniel Achterberg'),
  )

  await storyBody(editor).getByText('Fares rise.').click()
  await toolbarButton(editor, 'Bulleted list').click()
  await expect(storyBody(editor).getByRole('listitem')).toHaveText('Fares rise.')

  await editor.keyboard.press('Home')
  for (let key = 0; key < 'Fares'.length; key++) await editor.keyboard.press('Shift+ArrowRight')
  await toolbarButton(editor, 'Link').click()
  await editor.getByLabel('Link address').fill('https://example.org/fares')
  await editor.getByRole('button', { name: 'OK' }).click()
  await expect(storyBody(editor).getByTitle(/^Link to https:\/\/example\.org\/fares suggested by Daniel Achterberg, /)).toHaveText('Fares')
  await expect(storyBody(editor).getByRole('link')).toHaveCount(0)
  await expect(rail(editor).getByRole('heading')).toHaveText('Suggestions 3 pending')
  await expect(
    rail(editor).getByRole('article', { name: 'Heading 2 (was paragraph) “Works begin”, suggested by Daniel Achterberg' }),
  ).toBeVisible()
  await expect(
    rail(editor).getByRole('article', { name: 'Bulleted list (was paragraph) “Fares rise.”, suggested by Daniel Achterberg' }),
  ).toBeVisible()

  // A figure is a suggestion too: shown with who suggested it, listed, left out of the preview.
  await heading.click()
  await editor.keyboard.press('End')
  await toolbarButton(editor, 'Figure').click()
  await editor.getByRole('group', { name: 'Add figure' }).getByRole('radio').first().check()
  await editor.getByRole('button', { name: 'OK' }).click()
  await expect(storyBody(editor).getByRole('figure')).toHaveAttribute('title', /^New figure suggested by Daniel Achterberg, /)
  await expect(rail(editor).getByRole('heading')).toHaveText('Suggestions 4 pending')

  const preview = await openPreview(editor)
  await expect(preview.getByText('Works begin', { exact: true })).toBeVisible()
  await expect(preview.getByRole('heading', { name: 'Works begin' })).toHaveCount(0)
  await expect(preview.getByRole('listitem').filter({ hasText: 'Fares rise.' })).toHaveCount(0)
  await expect(preview.locator('a[href="https://example.org/fares"]')).toHaveCount(0)
  await expect(preview.locator('.story-body figure')).toHaveCount(0)
  await preview.close()

  await rail(editor).getByRole('button', { name: 'Accept all' }).click()
  await expect(rail(editor)).toHaveCount(0)
  await expect(heading).toHaveText('Works begin')
  await expect(storyBody(editor).getByRole('listitem')).toHaveText('Fares rise.')
  await expect(storyBody(editor).getByRole('link', { name: 'Fares' })).toHaveAttribute('href', 'https://example.org/fares')
  await expect(storyBody(editor).getByRole('figure')).not.toHaveAttribute('title', /.*/)
})
