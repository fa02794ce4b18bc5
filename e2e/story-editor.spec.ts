import { expect, test } from './test'
import { signIn } from './fixtures'
import { changesIn, compareFrom, restore } from './pages/history'
import { press, recoveredChanges, saveAndWait, saveStatus, startStory, storyBody, toolbarButton, workflow } from './pages/story-form'

// Writing in the story editor: every kind of block, saving, the history, the slug.

test('a writer writes a story with every kind of block, and after a reload everything is there', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Ferry service resumes to the islands')
  await page.getByLabel('Standfirst').fill('The first crossing in a year sold out within hours.')

  await storyBody(page).click()
  await page.keyboard.type('The ferry left at dawn.')
  await page.keyboard.press('Enter')
  await toolbarButton(page, 'Heading 2').click()
  await page.keyboard.type('Who was on board')
  await page.keyboard.press('Enter')

  const marked: [mark: string, word: string][] = [
    ['Bold', 'strong'],
    ['Italic', 'slanted'],
    ['Underline', 'underlined'],
    ['Strikethrough', 'struck'],
  ]
  for (const [index, [mark, word]] of marked.entries()) {
    if (index > 0) await page.keyboard.type(' ')
    await toolbarButton(page, mark).click()
    await page.keyboard.type(word)
    await toolbarButton(page, mark).click()
  }
  await page.keyboard.press('Enter')

  await page.keyboard.type('Read the timetable')
  await page.keyboard.press('Shift+Home')
  await toolbarButton(page, 'Link').click()
  await page.getByLabel('Link address').fill('https://example.org/timetable')
  await page.getByRole('button', { name: 'OK' }).click()
  // The panel hands the focus back to the body on the next frame, with the linked words selected.
  await expect(storyBody(page)).toBeFocused()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')

  await toolbarButton(page, 'Bulleted list').click()
  await page.keyboard.type('first point')
  await page.keyboard.press('Enter')
  await page.keyboard.type('second point')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')
  await toolbarButton(page, 'Numbered list').click()
  await page.keyboard.type('step one')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')

  await toolbarButton(page, 'Block quote').click()
  await page.keyboard.type('We waited a long year for this boat.')
  await page.getByLabel('Attribution').fill('Tessera News Agency')
  await storyBody(page).getByText('We waited a long year for this boat.').click()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter')

  await page.keyboard.type('The harbour was full.')
  await toolbarButton(page, 'Pull quote').click()

  await toolbarButton(page, 'Figure').click()
  const figurePanel = page.getByRole('group', { name: 'Add figure' })
  await figurePanel.getByRole('radio').first().check()
  await figurePanel.getByLabel('Caption').fill('Boats at the new quay.')
  await page.getByRole('button', { name: 'OK' }).click()

  await toolbarButton(page, 'Embed').click()
  await page.getByLabel('Embed address').fill('https://www.openstreetmap.org/#map=12/31.20/29.90')
  await page.getByRole('button', { name: 'OK' }).click()

  await toolbarButton(page, 'Horizontal rule').click()
  await expect(storyBody(page)).toBeFocused()
  await page.keyboard.type('The return trip leaves at six.')

  await saveAndWait(page)
  await page.reload()

  const editor = storyBody(page)
  await expect(page.getByRole('textbox', { name: 'Headline', exact: true })).toHaveValue('Ferry service resumes to the islands')
  await expect(page.getByLabel('Standfirst')).toHaveValue('The first crossing in a year sold out within hours.')
  await expect(editor.getByRole('heading', { level: 2, name: 'Who was on board' })).toBeVisible()
  await expect(editor.locator('strong')).toHaveText('strong')
  await expect(editor.locator('em')).toHaveText('slanted')
  await expect(editor.locator('u')).toHaveText('underlined')
  await expect(editor.locator('s')).toHaveText('struck')
  await expect(editor.getByRole('link', { name: 'Read the timetable' })).toHaveAttribute('href', 'https://example.org/timetable')
  await expect(editor.getByRole('listitem')).toHaveCount(3)
  await expect(editor.getByRole('blockquote')).toContainText('We waited a long year for this boat.')
  await expect(page.getByText('Tessera News Agency')).toBeVisible()
  await expect(editor.getByText('The harbour was full.')).toBeVisible()
  await expect(editor.getByText('Boats at the new quay.')).toBeVisible()
  await expect(editor.getByText(/OpenStreetMap/)).toBeVisible()
  await expect(editor.getByRole('separator')).toHaveCount(1)
  await expect(editor.getByText('The return trip leaves at six.')).toBeVisible()
})

test('the history shows an edit word by word, and restoring an old revision adds a new one', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Council meets on water prices')
  await storyBody(page).click()
  await page.keyboard.type('The council met on Monday.')
  await saveAndWait(page)

  await page.getByLabel('Headline', { exact: true }).fill('Council meets tonight on water prices')
  await storyBody(page).click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(' Prices may rise.')
  await saveAndWait(page)

  await page.getByRole('link', { name: 'History' }).click()
  // A machine slow enough to pause 1.5 s between the two edits autosaves in between: compare the
  // first save with the newest revision, whichever number it has.
  await compareFrom(page, 2)
  await expect(changesIn(page, 'Headline').getByRole('insertion')).toContainText('tonight')
  await expect(changesIn(page, 'Body').getByRole('insertion')).toContainText('Prices may rise.')

  await restore(page, 2)
  await page.getByRole('link', { name: 'Back to the story' }).click()
  await expect(page.getByRole('textbox', { name: 'Headline', exact: true })).toHaveValue('Council meets on water prices')
  await expect(storyBody(page)).not.toContainText('Prices may rise.')
})

test('the status line says "Saving…" while a save is on its way, then the time on the 24-hour clock', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Night bus timetable changes')
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route('**/revisions', async (route) => {
    await held
    await route.continue()
  })
  await storyBody(page).click()
  await page.keyboard.type('The last bus now leaves at midnight.')
  await expect(saveStatus(page)).toHaveText('Saving…')
  release()
  await expect(saveStatus(page)).toHaveText(/^Saved at ([01]\d|2[0-3]):[0-5]\d Beirut$/)
})

test('leaving the story straight after typing, before the pause, still saves what was typed', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Library opens on Sundays')
  const storyUrl = page.url()
  await storyBody(page).click()
  // In one input, so that no pause long enough for an autosave can fall between two keys on a
  // loaded machine: this is about the words typed since the last save when the page goes.
  await page.keyboard.insertText('Typed just before leaving.')
  await page.goto('/desk')

  // The save sent as the page went may still be arriving when the story is first opened again.
  await expect(async () => {
    await page.goto(storyUrl)
    await expect(storyBody(page)).toContainText('Typed just before leaving.', { timeout: 1_000 })
  }).toPass()
  await expect(recoveredChanges(page)).toHaveCount(0)
})

test('the slug follows the headline until typed by hand; a slug another story has is refused with a suggestion', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  const taken = `tide-tables-${Date.now()}`
  await startStory(page, taken.replaceAll('-', ' '))

  await startStory(page, 'Working title')
  const slug = page.getByLabel('Slug')
  await expect(slug).toHaveValue('')
  await page.getByLabel('Headline', { exact: true }).fill('Spring tides flood the promenade')
  await expect(slug).toHaveAttribute('placeholder', 'spring-tides-flood-the-promenade')

  await slug.fill(taken)
  await expect(saveStatus(page)).toContainText(`The slug “${taken}” is already used in this section`)
  await expect(page.getByText(`Try “${taken}-2”.`).first()).toBeVisible()
  await expect(slug).toHaveAttribute('aria-invalid', 'true')
  await expect(slug).toHaveValue(taken)

  await slug.fill(`${taken}-2`)
  await expect(saveStatus(page)).toHaveText(/Saved at/)
  await page.reload()
  await expect(slug).toHaveValue(`${taken}-2`)
})

test('an empty headline stops the story going to the editors, with a message, and the text stays', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Ferry fares fall')
  await storyBody(page).click()
  await page.keyboard.type('Fares fall by a tenth from Monday.')
  await page.getByLabel('Headline', { exact: true }).fill('')
  // An incomplete story is told so at once: no confirmation opens.
  await press(page, 'Submit for review')
  await expect(page.getByText('Write a headline before sending the story on.')).toBeVisible()
  await expect(workflow(page).getByRole('form', { name: 'Submit for review' })).toHaveCount(0)
  await expect(storyBody(page)).toContainText('Fares fall by a tenth from Monday.')
})
