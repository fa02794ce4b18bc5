import { expect, test } from './test'
import { storyDraft } from '../test/story-docs'
import { fromSite, ownId, signIn, signedInClient } from './fixtures'
import { recoveredChanges, saveStatus, startStory, storyBody } from './pages/story-form'

// What the server refuses to save, and how the writer is told, with their text kept.

test('a writer cannot edit a story in review, and the server refuses a forged save', async ({ page, baseURL }) => {
  // The writer's own story, sent for review: another writer's would not open for them at all.
  const writer = await signedInClient(baseURL ?? '', 'writer@copydesk.test')
  const headline = `Halden glacier survey ${Date.now()}`
  const draft = storyDraft({ headline, bylines: [{ userId: await ownId(writer) }] })
  const created = await writer.post('/desk/articles/new/from-draft', { data: { draft } })
  expect(created.status()).toBe(200)
  const { articleId } = (await created.json()) as { articleId: number }
  // Created (version 1) with its first revision (version 2).
  const submitted = await writer.post(`/desk/articles/${articleId}/workflow`, { data: { action: 'submit', baseVersion: 2 } })
  expect(submitted.status()).toBe(200)

  await signIn(page, 'writer@copydesk.test')
  await page.goto(`/desk?queue=all&q=${encodeURIComponent(headline)}`)
  await page.getByRole('row').filter({ hasText: 'In review' }).getByRole('link', { name: headline }).click()
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/)
  await expect(page.getByText('This story is with the editors for review; withdraw it to make changes.')).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Story body' })).toHaveCount(0)

  const response = await page.request.post(`/desk/articles/${articleId}/revisions`, {
    headers: fromSite(page),
    data: {
      baseVersion: 3,
      kind: 'save',
      draft: storyDraft({ headline: 'Forged', body: { type: 'doc', content: [] } }),
    },
  })
  expect(response.status()).toBe(403)
  await writer.dispose()
})

test('a 5 MB paste is refused by the server with a clear message, and the text stays in the editor and on the device', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Full council minutes')
  await storyBody(page).click()
  await storyBody(page).evaluate((editor) => {
    const paragraph = 'The council resolved to publish every page of its minutes in full. '.repeat(15)
    const transfer = new DataTransfer()
    transfer.setData('text/plain', Array.from({ length: 5_000 }, (_, n) => `Paragraph ${n + 1}: ${paragraph}`).join('\n\n'))
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }))
  })
  // Five megabytes take a while to paste, serialise and send on a small machine.
  await expect(saveStatus(page)).toHaveText(
    'Not saved: This story is too large to save (over 2 MB). Remove some pasted material and try again. Your changes are kept on this device.',
    { timeout: 20_000 },
  )
  await expect(storyBody(page).getByText('Paragraph 5000:')).toHaveCount(1)

  await page.reload()
  await expect(recoveredChanges(page)).toBeVisible()
})

test('a headline over 300 characters is not saved, says why, and stays in the editor and on the device', async ({ page }) => {
  await signIn(page, 'writer@copydesk.test')
  await startStory(page, 'Rail strike called off')
  const long = `Rail strike called off ${'after a night of talks '.repeat(14)}`
  await page.getByLabel('Headline', { exact: true }).fill(long)
  await expect(page.getByText('over the limit of 300; it will not save until shortened')).toBeVisible()
  await expect(page.getByLabel('Headline', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expect(saveStatus(page)).toHaveText(/^Not saved: Keep the headline under 300 characters\. Your changes are kept on this device\.$/)

  await page.reload()
  await page.getByRole('button', { name: 'Restore my unsaved changes' }).click()
  await expect(page.getByLabel('Headline', { exact: true })).toHaveValue(long)
})
