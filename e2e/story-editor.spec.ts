import { type Page, expect, test } from '@playwright/test'
import { signIn } from './fixtures'

/** Starts a story from the desk and waits for the editor. */
async function startStory(page: Page, headline: string): Promise<void> {
  await page.goto('/desk/articles/new')
  await page.getByLabel('Working headline').fill(headline)
  await page.getByLabel('Section').selectOption({ label: 'Regions › Middle East' })
  await page.getByRole('button', { name: 'Start writing' }).click()
  await expect(page.getByRole('textbox', { name: 'Story body' })).toBeVisible()
}

const body = (page: Page) => page.getByRole('textbox', { name: 'Story body' })
const toolbarButton = (page: Page, name: string) => page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name, exact: true })

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
  await figurePanel.getByLabel('Image', { exact: true }).selectOption({ index: 1 })
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
  await expect(page.getByRole('heading', { name: /Changes from revision 2 to revision 3/ })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Headline changes' }).getByRole('insertion')).toContainText('tonight')
  await expect(page.getByRole('region', { name: 'Body changes' }).getByRole('insertion')).toContainText('Prices may rise.')

  await page.getByRole('button', { name: 'Restore revision 2' }).click()
  await expect(page.getByText('Revision 2 is restored as revision 4.')).toBeVisible()
  await page.getByRole('link', { name: 'Back to the story' }).click()
  await expect(page.getByRole('textbox', { name: 'Headline' })).toHaveValue('Council meets on water prices')
  await expect(body(page)).not.toContainText('Prices may rise.')
})

test('two people editing one story: the later save is refused, shown, and neither text is lost', async ({ page, browser }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Harbour fees to double')
  const storyUrl = page.url()

  const context = await browser.newContext()
  const editorPage = await context.newPage()
  await signIn(editorPage, 'editor@copydesk.test')
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
  await context.close()

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
  await page.goto('/desk')
  const inReview = page.getByRole('row').filter({ hasText: 'In review' }).first()
  await inReview.getByRole('link').click()
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/)
  await expect(page.getByText(/can change it/)).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Story body' })).toHaveCount(0)

  const articleId = Number(page.url().split('/').pop())
  const response = await page.request.post(`/desk/articles/${articleId}/revisions`, {
    data: { baseVersion: 1, kind: 'save', draft: { headline: 'Forged', standfirst: '', body: { type: 'doc', content: [] }, sectionId: 1, slug: '', tags: [], bylines: [{ userId: 1 }], leadMediaId: null, leadCaption: '', leadCredit: '', seoTitle: '', seoDescription: '' } },
  })
  expect(response.status()).toBe(403)
})
