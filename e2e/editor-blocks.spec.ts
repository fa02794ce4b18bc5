import { type Page } from '@playwright/test'
import { expect, test } from './test'
import { googleDocsHtml, webPageHtml, wordHtml } from '../components/editor/paste-samples'
import { signIn } from './fixtures'
import { saveAndWait, startStory, storyBody, toolbarButton } from './pages/story-form'

/** Pastes HTML into the story body as the browser does when the writer presses Ctrl+V. */
async function pasteHtml(page: Page, html: string): Promise<void> {
  await storyBody(page).evaluate((element, markup) => {
    const data = new DataTransfer()
    data.setData('text/html', markup)
    data.setData('text/plain', markup.replace(/<[^>]*>/g, ' '))
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, html)
}

/** Puts the cursor in a new paragraph after the list the body ends with, so that a paste does not land inside the list. */
async function leaveListAtEnd(page: Page): Promise<void> {
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
}

test('a writer adds smaller headings, both kinds of list, a pull quote, an embed and a rule from the keyboard; after a reload all are there, and the preview frames the video', async ({
  page,
}) => {
  // Forty steps and two page loads: on a busy two-core machine this takes longer than one minute.
  test.slow()
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Harbour wall to be raised')
  await expect(toolbarButton(page, 'Pull quote')).toHaveAttribute('aria-keyshortcuts', 'Control+Alt+P')
  await expect(toolbarButton(page, 'Horizontal rule')).toHaveAttribute('title', 'Horizontal rule (Ctrl+Alt+-)')
  await expect(toolbarButton(page, 'Embed')).toHaveAttribute('title', 'Embed (Ctrl+Alt+E)')
  await expect(toolbarButton(page, 'Figure')).toHaveAttribute('aria-keyshortcuts', 'Control+Alt+F')

  const editor = storyBody(page)
  await editor.click()
  await page.keyboard.type('The wall will rise by a metre.')
  await page.keyboard.press('Enter')
  await page.keyboard.press('ControlOrMeta+Alt+3')
  await page.keyboard.type('What changes')
  await page.keyboard.press('Enter')
  await page.keyboard.press('ControlOrMeta+Alt+4')
  await page.keyboard.type('For boats')
  await page.keyboard.press('Enter')

  await page.keyboard.press('ControlOrMeta+Shift+8')
  await page.keyboard.type('A longer quay')
  await page.keyboard.press('Enter')
  await page.keyboard.type('A new slipway')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await page.keyboard.press('ControlOrMeta+Shift+7')
  await page.keyboard.type('Survey the wall')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Close the quay')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Pour the concrete')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')

  await page.keyboard.type('The sea does not wait for budgets.')
  await page.keyboard.press('ControlOrMeta+Alt+p')
  await expect(editor.getByRole('complementary', { name: 'Pull quote' })).toHaveText('The sea does not wait for budgets.')
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.type('Work starts in spring.')

  await page.keyboard.press('ControlOrMeta+Alt+e')
  const embedPanel = page.getByRole('group', { name: 'Add embed' })
  await expect(embedPanel.getByLabel('Embed address')).toBeFocused()
  await embedPanel.getByLabel('Embed address').fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ&autoplay=1')
  await embedPanel.getByLabel('Caption').fill('The storm of 2024 at the harbour.')
  await embedPanel.getByRole('button', { name: 'OK' }).click()
  await expect(editor).toBeFocused()

  await page.keyboard.press('ControlOrMeta+Alt+Minus')
  await page.keyboard.type('The council meets on Monday.')
  await expect(editor.getByRole('separator')).toHaveCount(1)

  await saveAndWait(page)
  await page.reload()

  await expect(editor.getByRole('heading', { level: 3, name: 'What changes' })).toBeVisible()
  await expect(editor.getByRole('heading', { level: 4, name: 'For boats' })).toBeVisible()
  const bulleted = editor.getByRole('list').filter({ hasText: 'A longer quay' })
  const numbered = editor.getByRole('list').filter({ hasText: 'Survey the wall' })
  await expect(editor.getByRole('list')).toHaveCount(2)
  await expect(bulleted.getByRole('listitem')).toHaveCount(2)
  await expect(numbered.getByRole('listitem')).toHaveCount(3)
  await numbered.getByText('Close the quay').click()
  await expect(toolbarButton(page, 'Numbered list')).toHaveAttribute('aria-pressed', 'true')
  await expect(toolbarButton(page, 'Bulleted list')).toHaveAttribute('aria-pressed', 'false')
  await bulleted.getByText('A new slipway').click()
  await expect(toolbarButton(page, 'Bulleted list')).toHaveAttribute('aria-pressed', 'true')
  await expect(toolbarButton(page, 'Numbered list')).toHaveAttribute('aria-pressed', 'false')
  await expect(editor.getByRole('complementary', { name: 'Pull quote' })).toHaveText('The sea does not wait for budgets.')
  // While writing, the embed is a card: nothing from another site loads in the desk.
  await expect(editor.getByRole('link', { name: 'Watch on YouTube' })).toHaveAttribute(
    'href',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  )
  await expect(editor.getByText('The storm of 2024 at the harbour.')).toBeVisible()
  await expect(editor.getByRole('separator')).toHaveCount(1)
  await expect(editor.getByText('The council meets on Monday.')).toBeVisible()

  // The player is answered here, so the test needs no network; it proves the frame may load.
  await page.route('https://www.youtube-nocookie.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Player</title><p>Stand-in player</p>' }),
  )
  const articleId = /\/desk\/articles\/(\d+)/.exec(page.url())?.[1]
  await page.goto(`/desk/articles/${articleId}/preview`)
  const frame = page.getByTitle('YouTube video: The storm of 2024 at the harbour.')
  await expect(frame).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')
  await expect(frame).toHaveAttribute('loading', 'lazy')
  await frame.scrollIntoViewIfNeeded()
  await expect(frame.contentFrame().getByText('Stand-in player')).toBeVisible()
  const figure = page.getByRole('figure').filter({ has: frame })
  await expect(figure.getByRole('link', { name: 'Watch on YouTube' })).toHaveAttribute(
    'href',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  )
  await expect(figure).toContainText('The storm of 2024 at the harbour.')
  await expect(page.getByRole('complementary', { name: 'Pull quote' })).toHaveText('The sea does not wait for budgets.')
  await expect(page.getByRole('heading', { level: 3, name: 'What changes' })).toBeVisible()
})

test('pasting from Word, Google Docs and a web page keeps headings, lists, links and emphasis, and drops what a story does not allow', async ({
  page,
}) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Pasted timetable')
  const editor = storyBody(page)
  await editor.click()

  await pasteHtml(page, wordHtml)
  await expect(editor.getByRole('heading', { level: 2, name: 'Ferry timetable' })).toBeVisible()
  await expect(editor.getByRole('strong')).toHaveText('twice')
  await expect(editor.getByRole('emphasis')).toHaveText('Kessel')
  const wordBullets = editor.getByRole('list').filter({ hasText: 'Morning crossing' }).first()
  await expect(wordBullets.getByRole('listitem').filter({ hasText: 'Morning crossing' }).getByRole('listitem')).toHaveText(
    'Cars on the lower deck',
  )
  await editor.getByText('Evening crossing').click()
  await expect(toolbarButton(page, 'Bulleted list')).toHaveAttribute('aria-pressed', 'true')
  await editor.getByText('Board at the quay').click()
  await expect(toolbarButton(page, 'Numbered list')).toHaveAttribute('aria-pressed', 'true')
  await expect(editor.getByRole('list').filter({ hasText: 'Buy a ticket' }).getByRole('listitem')).toHaveCount(2)
  await expect(editor).not.toContainText('·')
  await leaveListAtEnd(page)

  await pasteHtml(page, googleDocsHtml)
  await expect(editor.getByRole('heading', { level: 2, name: 'Harbour plan' })).toBeVisible()
  await expect(editor.getByRole('strong')).toHaveText(['twice', 'Bold words'])
  await expect(editor.getByRole('emphasis')).toHaveText(['Kessel', 'slanted words'])
  await expect(editor.getByRole('link', { name: 'a link' })).toHaveAttribute('href', 'https://example.org/plan')
  await expect(editor.getByRole('listitem').filter({ hasText: 'New quay' }).getByRole('listitem')).toHaveText('Two berths')
  await expect(editor.getByRole('list').filter({ hasText: 'Consult' }).getByRole('listitem')).toHaveCount(2)
  await leaveListAtEnd(page)

  await pasteHtml(page, webPageHtml)
  await expect(editor.getByRole('heading', { level: 2, name: 'Storm closes the harbour' })).toBeVisible()
  await expect(editor.getByRole('heading', { level: 3, name: 'What closes' })).toBeVisible()
  await expect(editor.getByRole('link', { name: 'the coastguard' })).toHaveAttribute('href', 'https://example.org/coastguard')
  await expect(editor.getByRole('list').filter({ hasText: 'Stay away' }).getByRole('listitem')).toHaveCount(2)
  await expect(editor.getByText('Click for more')).toBeVisible()
  await expect(editor.getByRole('link', { name: 'Click for more' })).toHaveCount(0)
  await expect(editor.getByRole('table')).toHaveCount(0)
  await expect(editor.getByRole('img')).toHaveCount(0)
  await expect(editor.getByRole('button')).toHaveCount(0)
  await expect(editor).not.toContainText('Frame fallback text')
  await expect(editor).not.toContainText('document.cookie')
  const markup = await editor.evaluate((element) => element.innerHTML)
  expect(markup).not.toMatch(/onclick|onmouseover|onerror|javascript:|target=|style=|<iframe|<script|<form|<input|<img|<table/)

  await saveAndWait(page)
  await page.reload()
  await expect(editor.getByRole('heading', { level: 2, name: 'Storm closes the harbour' })).toBeVisible()
  await expect(editor.getByRole('listitem').filter({ hasText: 'Morning crossing' }).getByRole('listitem')).toHaveText(
    'Cars on the lower deck',
  )
})
