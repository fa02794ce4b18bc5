import { type Locator, type Page, expect } from '@playwright/test'

// The story form at /desk/articles/[id], as the tests use it: by the names a person reads.

export const storyBody = (page: Page) => page.getByRole('textbox', { name: 'Story body' })

/** The story body's element, with the TipTap editor TipTap hangs on it. */
type BodyElement = HTMLElement & {
  editor?: {
    state: { selection: { head: number; $from: { parentOffset: number; parent: { textContent: string; content: { size: number } } } } }
    view: { posAtDOM: (node: Node, offset: number) => number }
  }
}

/**
 * Clicks `text` in the story body, presses `move` (Home or End) if given, and waits until the
 * editor has its caret there. The editor reads the browser's caret a moment after a click or such
 * a key; a key pressed sooner (as only a script can) acts where the caret was before.
 */
export async function clickInBody(page: Page, text: string, move?: 'Home' | 'End'): Promise<void> {
  await storyBody(page).getByText(text).click()
  if (move) await page.keyboard.press(move)
  const caretIn = () =>
    storyBody(page).evaluate((element, move) => {
      const $from = (element as BodyElement).editor?.state.selection.$from
      if (!$from) return null
      const isThere = move === 'Home' ? $from.parentOffset === 0 : move === 'End' ? $from.parentOffset === $from.parent.content.size : true
      return isThere ? $from.parent.textContent : null
    }, move)
  await expect.poll(caretIn).toContain(text)
}

export const toolbarButton = (page: Page, name: string) =>
  page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true })

/** The line that says whether the story is saved. */
export const saveStatus = (page: Page) =>
  page.getByRole('status').filter({ hasText: /^(All changes saved|Unsaved changes|Saving…|Saved at|Offline|Not saved)/ })

/** The panel offering text kept on the device. */
export const recoveredChanges = (page: Page) => page.getByRole('region', { name: 'Recovered changes' })

export const workflow = (page: Page) => page.getByRole('region', { name: 'Workflow' })

/** Where the story is in the workflow, as the breadcrumb says it. */
export const stateLine = (page: Page) => page.locator('.story-crumbs strong')

/** The id of the story open in the page. */
export const storyIdOf = (page: Page) => Number(new URL(page.url()).pathname.split('/').pop())

/**
 * Starts a story from the desk in a section (by its name in the picker; null leaves the first)
 * and waits for the editor. Returns the story's id.
 */
export async function startStory(page: Page, headline: string, section: string | null = 'Middle East'): Promise<number> {
  await page.goto('/desk/articles/new')
  await page.getByLabel('Working headline').fill(headline)
  // Sub-sections are listed by their own names, grouped under their parent.
  if (section !== null) await page.getByLabel('Section').selectOption({ label: section })
  await page.getByRole('button', { name: 'Start writing' }).click()
  await expect(storyBody(page)).toBeVisible({ timeout: 15_000 })
  return storyIdOf(page)
}

/** Presses Save and waits until the status line says when it was saved. */
export async function saveAndWait(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible()
}

/**
 * Holds this page's saves until the returned function is called: a save on its way while someone
 * else saves first, so that the two collide every time.
 */
export async function holdSaves(page: Page): Promise<() => void> {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/revisions', async (route) => {
    await released
    await route.fallback()
  })
  return release
}

/** The panel a save that overlapped someone else's shows: both texts, with who wrote them. */
export const overlapPanel = (page: Page) => page.getByRole('region', { name: /^You and .* changed the same place/ })

/** Waits for the overlap panel to show, in paragraph 1, this person's text and `other`'s; answers the panel. */
export async function overlapOfFirstParagraph(page: Page, other: string, texts: { mine: string; theirs: string }): Promise<Locator> {
  const panel = overlapPanel(page)
  await expect(panel).toContainText(`You and ${other} changed the same place`)
  const paragraph = panel.getByRole('region', { name: 'Paragraph 1' })
  await expect(paragraph.getByRole('figure', { name: 'Your text' }).locator('blockquote')).toHaveText(texts.mine)
  await expect(paragraph.getByRole('figure', { name: `${other}’s text` }).locator('blockquote')).toHaveText(texts.theirs)
  return panel
}

/** Saves, then opens the story's preview (what readers would get) in a new tab of the same session. */
export async function openPreview(page: Page): Promise<Page> {
  await saveAndWait(page)
  const preview = await page.context().newPage()
  await preview.goto(await page.getByRole('link', { name: 'Preview (opens in a new tab)' }).getAttribute('href').then(String))
  return preview
}

/** On the story's page, the editor opens it, requests changes with `note`, and waits until the story has moved. */
export async function requestChanges(editor: Page, articleId: number, note: string): Promise<void> {
  await editor.goto(`/desk/articles/${articleId}`)
  await workflow(editor).getByRole('button', { name: 'Request changes', exact: true }).click()
  await editor.getByLabel('Note for the writer (required)').fill(note)
  await workflow(editor).getByRole('form', { name: 'Request changes' }).getByRole('button', { name: 'Request changes' }).click()
  await expect(workflow(editor).getByRole('button', { name: 'Request changes' })).toHaveCount(0)
}

/**
 * Presses a button of the Workflow panel (not the button of a form it opened, which comes after).
 * A step the pre-publish checklist warns about asks to be confirmed ("Publish anyway"): the
 * tests' stories have no standfirst, so this confirms it, as an editor would. Tests of the
 * checklist itself use `pressOnly`.
 */
export async function press(page: Page, label: string): Promise<void> {
  await pressOnly(page, label)
  // The panel is busy until the step is taken, refused, or waits for its warnings to be confirmed.
  await expect(workflow(page)).not.toHaveAttribute('aria-busy', 'true', { timeout: 15_000 })
  const anyway = workflow(page).getByRole('button', { name: `${label} anyway`, exact: true })
  if ((await anyway.count()) > 0) await anyway.click()
}

/** Presses a button of the Workflow panel, and nothing else. */
export async function pressOnly(page: Page, label: string): Promise<void> {
  await workflow(page).getByRole('button', { name: label, exact: true }).first().click()
}

/** Confirms the action whose form a button of the Workflow panel opened, with a note (or reason) when given. */
export async function confirmAction(page: Page, label: string, note = ''): Promise<void> {
  const form = workflow(page).getByRole('form', { name: label })
  if (note) await form.getByRole('textbox').fill(note)
  await form.getByRole('button', { name: label, exact: true }).click()
}

/** Submits the story for review (or its update: `label`), with a note for the editor when given. */
export async function submitForReview(page: Page, options: { note?: string; label?: string } = {}): Promise<void> {
  const label = options.label ?? 'Submit for review'
  await press(page, label)
  await confirmAction(page, label, options.note)
}

/** Takes the story off the site, giving the reason the confirmation asks for. */
export async function unpublish(page: Page, reason: string): Promise<void> {
  await press(page, 'Unpublish')
  await confirmAction(page, 'Unpublish', reason)
}

/** Puts an unpublished story back on the site, giving the reason the confirmation asks for. */
export async function republish(page: Page, reason: string): Promise<void> {
  await press(page, 'Republish')
  await confirmAction(page, 'Republish', reason)
}

/** Presses a button of the Workflow panel and waits until it says it is done. */
export async function pressAndWait(page: Page, label: string): Promise<void> {
  await press(page, label)
  await expect(workflow(page).getByRole('status')).toContainText('Done')
}

/** Types at the end of the body's paragraph `number` (from 1). */
export async function typeInParagraph(page: Page, number: number, text: string): Promise<void> {
  await storyBody(page)
    .locator('p')
    .nth(number - 1)
    .click()
  await page.keyboard.press('End')
  await page.keyboard.type(text)
}

/**
 * Puts the caret in the body's paragraph `index` right after its first `words`, by the keys a
 * person would press (Home, then →), trying again until the caret is there.
 */
export async function caretAfter(page: Page, index: number, words: string): Promise<void> {
  const paragraph = storyBody(page).locator('p').nth(index)
  await expect(async () => {
    await paragraph.click()
    await page.keyboard.press('Home')
    for (let key = 0; key < words.length; key++) await page.keyboard.press('ArrowRight')
    const before = await paragraph.evaluate((element) => {
      const selection = window.getSelection()
      if (!selection?.anchorNode) return null
      const range = document.createRange()
      range.setStart(element, 0)
      range.setEnd(selection.anchorNode, selection.anchorOffset)
      return range.toString()
    })
    expect(before).toBe(words)
  }).toPass({ timeout: 20_000 })
  // The editor reads the page's caret a moment later: a key it handles itself (Enter) waits for that.
  const editorAgrees = () =>
    storyBody(page).evaluate((element) => {
      const editor = (element as BodyElement).editor
      const selection = window.getSelection()
      if (!editor || !selection?.anchorNode) return false
      return editor.view.posAtDOM(selection.anchorNode, selection.anchorOffset) === editor.state.selection.head
    })
  await expect.poll(editorAgrees).toBe(true)
}

/**
 * Puts a figure in at the caret through the toolbar's Figure panel: whichever library image is
 * newest (other journeys upload some), with these words written over its own.
 */
export async function addFigure(page: Page, words: { alt: string; caption: string; credit?: string }): Promise<void> {
  await toolbarButton(page, 'Figure').click()
  const panel = page.getByRole('group', { name: 'Add figure' })
  await panel.getByRole('radio').first().check()
  await panel.getByLabel('Alt text', { exact: true }).fill(words.alt)
  await panel.getByLabel('Caption', { exact: true }).fill(words.caption)
  if (words.credit !== undefined) await panel.getByLabel('Credit', { exact: true }).fill(words.credit)
  await panel.getByRole('button', { name: 'OK' }).click()
}
