import { type Page, expect, test } from '@playwright/test'
import { signIn, signedInPage } from './fixtures'

/** Starts a story from the desk and waits for the editor. */
async function startStory(page: Page, headline: string): Promise<void> {
  await page.goto('/desk/articles/new')
  await page.getByLabel('Working headline').fill(headline)
  // Sub-sections are listed by their own names, grouped under their parent.
  await page.getByLabel('Section').selectOption({ label: 'Middle East' })
  await page.getByRole('button', { name: 'Start writing' }).click()
  await expect(page.getByRole('textbox', { name: 'Story body' })).toBeVisible({ timeout: 15_000 })
}

const body = (page: Page) => page.getByRole('textbox', { name: 'Story body' })
const toolbarButton = (page: Page, name: string) =>
  page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true })

const status = (page: Page) =>
  page.getByRole('status').filter({ hasText: /^(All changes saved|Unsaved changes|Saving…|Saved at|Offline|Not saved)/ })
const recovered = (page: Page) => page.getByRole('region', { name: 'Recovered changes' })

async function saveAndWait(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible()
}

test('a writer writes a story with every kind of block, and after a reload everything is there', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Ferry service resumes to the islands')
  await page.getByLabel('Standfirst').fill('The first crossing in a year sold out within hours.')

  await body(page).click()
  await page.keyboard.type('The ferry left at dawn.')
  await page.keyboard.press('Enter')
  await toolbarButton(page, 'Heading 2').click()
  await page.keyboard.type('Who was on board')
  await page.keyboard.press('Enter')

  await toolbarButton(page, 'Bold').click()
  await page.keyboard.type('strong')
  await toolbarButton(page, 'Bold').click()
  await page.keyboard.type(' ')
  await toolbarButton(page, 'Italic').click()
  await page.keyboard.type('slanted')
  await toolbarButton(page, 'Italic').click()
  await page.keyboard.type(' ')
  await toolbarButton(page, 'Underline').click()
  await page.keyboard.type('underlined')
  await toolbarButton(page, 'Underline').click()
  await page.keyboard.type(' ')
  await toolbarButton(page, 'Strikethrough').click()
  await page.keyboard.type('struck')
  await toolbarButton(page, 'Strikethrough').click()
  await page.keyboard.press('Enter')

  await page.keyboard.type('Read the timetable')
  await page.keyboard.press('Shift+Home')
  await toolbarButton(page, 'Link').click()
  await page.getByLabel('Link address').fill('https://example.org/timetable')
  await page.getByRole('button', { name: 'OK' }).click()
  // The panel hands the focus back to the body on the next frame, with the linked words selected.
  await expect(body(page)).toBeFocused()
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
  await body(page).getByText('We waited a long year for this boat.').click()
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
  await expect(body(page)).toBeFocused()
  await page.keyboard.type('The return trip leaves at six.')

  await saveAndWait(page)
  await page.reload()

  const editor = body(page)
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Ferry service resumes to the islands')
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
  await body(page).click()
  await page.keyboard.type('The council met on Monday.')
  await saveAndWait(page)

  await page.getByLabel('Headline').fill('Council meets tonight on water prices')
  await body(page).click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(' Prices may rise.')
  await saveAndWait(page)

  await page.getByRole('link', { name: 'History' }).click()
  // A machine slow enough to pause 1.5 s between the two edits autosaves in between: compare the
  // first save with the newest revision, whichever number it has.
  await page.getByRole('radio', { name: 'from revision 2' }).check()
  await page.getByRole('button', { name: 'Compare' }).click()
  await expect(page.getByRole('heading', { name: /Changes from revision 2 to revision \d+/ })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Headline changes' }).getByRole('insertion')).toContainText('tonight')
  await expect(page.getByRole('region', { name: 'Body changes' }).getByRole('insertion')).toContainText('Prices may rise.')

  await page.getByRole('button', { name: 'Restore revision 2' }).click()
  await expect(page.getByText(/^Revision 2 is restored as revision \d+\.$/)).toBeVisible()
  await page.getByRole('link', { name: 'Back to the story' }).click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Council meets on water prices')
  await expect(body(page)).not.toContainText('Prices may rise.')
})

test('two people editing one story: the later save is refused, shown, and neither text is lost', async ({ page, browser }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Harbour fees to double')
  const storyUrl = page.url()

  const editorPage = await signedInPage(browser, 'editor@copydesk.test')
  await editorPage.goto(storyUrl)
  await expect(body(editorPage)).toBeVisible()
  await expect(editorPage.getByText('Also editing: Tomás Ferreira')).toBeVisible()

  await body(page).click()
  await page.keyboard.type('Text the writer typed.')
  await saveAndWait(page)

  await body(editorPage).click()
  await editorPage.keyboard.type('Text the editor typed.')
  await editorPage.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(editorPage.getByRole('heading', { name: 'Someone else saved this story' })).toBeVisible()
  const bodyChanges = editorPage.getByRole('region', { name: 'Body changes' })
  await expect(bodyChanges.getByRole('insertion')).toHaveText('editor')
  await expect(bodyChanges.getByRole('deletion')).toHaveText('writer')

  await editorPage.getByRole('button', { name: 'Keep my version' }).click()
  await expect(editorPage.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible()
  await editorPage.context().close()

  await page.reload()
  await expect(body(page)).toContainText('Text the editor typed.')
  await page.getByRole('link', { name: 'History' }).click()
  await page.getByRole('radio', { name: 'from' }).nth(1).check()
  await page.getByRole('radio', { name: 'to' }).nth(0).check()
  await page.getByRole('button', { name: 'Compare' }).click()
  await expect(page.getByRole('region', { name: 'Body changes' }).getByRole('deletion')).toContainText('writer')
})

test('with the network cut, typing goes on; after a reload the kept text is offered and saved', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Storm warning for the coast')

  await page.route('**/revisions', (route) => route.abort('internetdisconnected'))
  await body(page).click()
  await page.keyboard.type('Typed while offline.')
  await expect(page.getByRole('status').filter({ hasText: 'Offline — your changes are kept on this device' })).toBeVisible()
  await page.keyboard.type(' Still typing.')

  await page.reload()
  await page.unroute('**/revisions')
  await expect(page.getByRole('region', { name: 'Recovered changes' })).toBeVisible()
  await expect(body(page)).not.toContainText('Typed while offline.')
  await page.getByRole('button', { name: 'Restore my unsaved changes' }).click()
  await expect(body(page)).toContainText('Typed while offline. Still typing.')
  await expect(page.getByRole('status').filter({ hasText: /Saved at/ })).toBeVisible()

  await page.reload()
  await expect(body(page)).toContainText('Typed while offline. Still typing.')
  await expect(page.getByRole('region', { name: 'Recovered changes' })).toHaveCount(0)
})

test('a writer cannot edit a story in review, and the server refuses a forged save', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  // The demo's story in review is writer2's; other tests put stories of their own in review meanwhile.
  await page.goto('/desk?q=Halden+glacier')
  await page
    .getByRole('row')
    .filter({ hasText: 'In review' })
    .getByRole('link', { name: /Halden glacier/ })
    .click()
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/)
  await expect(page.getByText('Only the story’s writers and the editors can change this story.')).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Story body' })).toHaveCount(0)

  const articleId = Number(page.url().split('/').pop())
  const response = await page.request.post(`/desk/articles/${articleId}/revisions`, {
    data: {
      baseVersion: 1,
      kind: 'save',
      draft: {
        headline: 'Forged',
        standfirst: '',
        body: { type: 'doc', content: [] },
        sectionId: 1,
        slug: '',
        tags: [],
        bylines: [{ userId: 1 }],
        leadMediaId: null,
        leadCaption: '',
        leadCredit: '',
        seoTitle: '',
        seoDescription: '',
      },
    },
  })
  expect(response.status()).toBe(403)
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
  await body(page).click()
  await page.keyboard.type('The last bus now leaves at midnight.')
  await expect(status(page)).toHaveText('Saving…')
  release()
  await expect(status(page)).toHaveText(/^Saved at ([01]\d|2[0-3]):[0-5]\d$/)
})

test('leaving the story straight after typing, before the pause, still saves what was typed', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Library opens on Sundays')
  const storyUrl = page.url()
  await body(page).click()
  await page.keyboard.type('Typed just before leaving.')
  await page.goto('/desk')

  // The save sent as the page went may still be arriving when the story is first opened again.
  await expect(async () => {
    await page.goto(storyUrl)
    await expect(body(page)).toContainText('Typed just before leaving.', { timeout: 1_000 })
  }).toPass()
  await expect(recovered(page)).toHaveCount(0)
})

test('restoring text kept offline does not overwrite a newer save by someone else: the conflict is shown', async ({ page, browser }) => {
  // Two people sign in and the story is opened four times.
  test.slow()
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Bridge closes for repairs')
  const storyUrl = page.url()

  await page.route('**/revisions', (route) => route.abort('internetdisconnected'))
  await body(page).click()
  await page.keyboard.type('Ships wait outside.')
  await expect(status(page)).toHaveText('Offline — your changes are kept on this device')

  const editorPage = await signedInPage(browser, 'editor@copydesk.test')
  await editorPage.goto(storyUrl)
  await body(editorPage).click()
  await editorPage.keyboard.type('Traffic diverted north.')
  await saveAndWait(editorPage)
  await editorPage.context().close()

  await page.unroute('**/revisions')
  await page.reload()
  await expect(body(page)).toContainText('Traffic diverted north.')
  await page.getByRole('button', { name: 'Restore my unsaved changes' }).click()
  await expect(page.getByRole('heading', { name: 'Someone else saved this story' })).toBeVisible()
  const bodyChanges = page.getByRole('region', { name: 'Body changes' })
  await expect(bodyChanges.getByRole('insertion').filter({ hasText: 'Ships' })).toBeVisible()
  await expect(bodyChanges.getByRole('deletion').filter({ hasText: 'Traffic' })).toBeVisible()
  await expect(body(page)).toContainText('Ships wait outside.')

  await page.getByRole('button', { name: 'Keep my version' }).click()
  await expect(status(page)).toHaveText(/Saved at/)
  await page.getByRole('link', { name: 'History' }).click()
  await expect(page.getByRole('region', { name: 'Body changes' }).getByRole('deletion').filter({ hasText: 'Traffic' })).toBeVisible()
})

test('taking the other person’s version after a conflict keeps one’s own text in the history', async ({ page, browser }) => {
  test.slow()
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Market moves to the square')
  const storyUrl = page.url()

  const editorPage = await signedInPage(browser, 'editor@copydesk.test')
  await editorPage.goto(storyUrl)
  await expect(body(editorPage)).toBeVisible()

  await body(page).click()
  await page.keyboard.type('Text the writer typed.')
  await saveAndWait(page)

  await body(editorPage).click()
  await editorPage.keyboard.type('Text the editor typed.')
  await editorPage.getByRole('button', { name: 'Save', exact: true }).click()
  await editorPage.getByRole('button', { name: 'Use their version' }).click()
  await expect(editorPage.getByRole('heading', { name: 'Someone else saved this story' })).toHaveCount(0)
  await expect(body(editorPage)).toContainText('Text the writer typed.')
  await expect(status(editorPage)).toHaveText(/Saved at/)

  await editorPage.getByRole('link', { name: 'History' }).click()
  const bodyChanges = editorPage.getByRole('region', { name: 'Body changes' })
  await expect(bodyChanges.getByRole('deletion')).toContainText('editor')
  await expect(bodyChanges.getByRole('insertion')).toContainText('writer')
  await editorPage.context().close()
})

test('a 5 MB paste is refused by the server with a clear message, and the text stays in the editor and on the device', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Full council minutes')
  await body(page).click()
  await body(page).evaluate((editor) => {
    const paragraph = 'The council resolved to publish every page of its minutes in full. '.repeat(15)
    const transfer = new DataTransfer()
    transfer.setData('text/plain', Array.from({ length: 5_000 }, (_, n) => `Paragraph ${n + 1}: ${paragraph}`).join('\n\n'))
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
  })
  // Five megabytes take a while to paste, serialise and send on a small machine.
  await expect(status(page)).toHaveText(
    'Not saved: This story is too large to save (over 2 MB). Remove some pasted material and try again. Your changes are kept on this device.',
    { timeout: 20_000 },
  )
  await expect(body(page).getByText('Paragraph 5000:')).toHaveCount(1)

  await page.reload()
  await expect(recovered(page)).toBeVisible()
})

test('a headline over 300 characters is not saved, says why, and stays in the editor and on the device', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Rail strike called off')
  const long = `Rail strike called off ${'after a night of talks '.repeat(14)}`
  await page.getByLabel('Headline').fill(long)
  await expect(page.getByText('over the limit of 300; it will not save until shortened')).toBeVisible()
  await expect(page.getByLabel('Headline')).toHaveAttribute('aria-invalid', 'true')
  await expect(status(page)).toHaveText(/^Not saved: Keep the headline under 300 characters\. Your changes are kept on this device\.$/)

  await page.reload()
  await page.getByRole('button', { name: 'Restore my unsaved changes' }).click()
  await expect(page.getByLabel('Headline')).toHaveValue(long)
})

test('the slug follows the headline until typed by hand; a slug another story has is refused with a suggestion', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  const taken = `tide-tables-${Date.now()}`
  await startStory(page, taken.replaceAll('-', ' '))

  await startStory(page, 'Working title')
  const slug = page.getByLabel('Slug')
  await expect(slug).toHaveValue('')
  await page.getByLabel('Headline').fill('Spring tides flood the promenade')
  await expect(slug).toHaveAttribute('placeholder', 'spring-tides-flood-the-promenade')

  await slug.fill(taken)
  await expect(status(page)).toContainText(`The slug “${taken}” is already used in this section`)
  await expect(page.getByText(`Try “${taken}-2”.`).first()).toBeVisible()
  await expect(slug).toHaveAttribute('aria-invalid', 'true')
  await expect(slug).toHaveValue(taken)

  await slug.fill(`${taken}-2`)
  await expect(status(page)).toHaveText(/Saved at/)
  await page.reload()
  await expect(slug).toHaveValue(`${taken}-2`)
})

test('a story deleted while it is open can be saved as a new story, with all its text', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Pier reopens after storm')
  const storyUrl = page.url()

  // Nothing on the desk deletes a story yet: the server's answer for a deleted one stands in.
  await page.route('**/revisions', (route) =>
    route.fulfill({
      status: 404,
      json: { ok: false, reason: 'missing', message: 'This story no longer exists; it may have been deleted.' },
    }),
  )
  await body(page).click()
  await page.keyboard.type('Crowds walked the length of the pier.')
  await expect(status(page)).toHaveText(
    'Not saved: This story no longer exists; it may have been deleted. Your changes are kept on this device.',
  )
  await page.unroute('**/revisions')

  await page.getByRole('region', { name: 'Story deleted' }).getByRole('button', { name: 'Save as a new story' }).click()
  await expect(page).not.toHaveURL(storyUrl)
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/)
  await expect(page.getByLabel('Headline')).toHaveValue('Pier reopens after storm')
  await expect(body(page)).toContainText('Crowds walked the length of the pier.')
  await expect(recovered(page)).toHaveCount(0)
})

test('an empty headline stops the story going to the editors, with a message, and the text stays', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Ferry fares fall')
  await body(page).click()
  await page.keyboard.type('Fares fall by a tenth from Monday.')
  await page.getByLabel('Headline').fill('')
  await page.getByRole('button', { name: 'Submit for review' }).click()
  await expect(page.getByText('Write a headline before sending the story on.')).toBeVisible()
  await expect(body(page)).toContainText('Fares fall by a tenth from Monday.')
})
