import { expect, test } from './test'
import { addPerson, ownWriterPage, signInThroughForm, signedInPage, uniqueEmail } from './fixtures'
import { filter, queues, storyRows } from './pages/desk'
import { saveAndWait, startStory, storyBody } from './pages/story-form'

// Where /desk opens, per person, and its search. Each test has people of its own: the list a
// person chose is remembered, and the demo accounts are shared with tests running alongside.

const currentQueue = (page: Parameters<typeof queues>[0]) => queues(page).locator('[aria-current="page"]')

test('a writer lands on their drafts, an editor on the review queue; the list each chooses is where the desk opens next time', async ({
  browser,
}) => {
  const writer = await ownWriterPage(browser, 'Lena Okafor')
  await expect(currentQueue(writer)).toContainText('My drafts')

  const editorAccount = { name: 'Omar Said', email: uniqueEmail('editor'), password: 'a-long-editor-password', role: 'editor' } as const
  const admin = await signedInPage(browser, 'admin@copydesk.test')
  await addPerson(admin, editorAccount)
  const editor = await signedInPage(browser, editorAccount.email, editorAccount.password)
  await expect(currentQueue(editor)).toContainText('Review queue')
  await queues(editor)
    .getByRole('link', { name: /^Scheduled/ })
    .click()
  await expect(currentQueue(editor)).toContainText('Scheduled')

  await editor.goto('/desk/media')
  await editor.getByRole('link', { name: 'Stories' }).first().click()
  await expect(currentQueue(editor)).toContainText('Scheduled')

  // Signed out and in again: still the list they chose.
  await editor.getByRole('button', { name: 'Sign out' }).click()
  await expect(editor).toHaveURL(/\/login/)
  await signInThroughForm(editor, editorAccount.email, editorAccount.password)
  await expect(currentQueue(editor)).toContainText('Scheduled')
})

test('the desk search finds a story by its words in any order and case, in the body too', async ({ browser }) => {
  const writer = await ownWriterPage(browser, 'Ines Duarte')
  const stamp = Date.now()
  await startStory(writer, `Ferry strike halts the island crossings ${stamp}`)
  await storyBody(writer).click()
  await writer.keyboard.type('Dockworkers walked out over night shifts.')
  await saveAndWait(writer)

  await writer.goto('/desk?queue=all')
  await filter(writer, { words: `CROSSINGS strike island ${stamp}` })
  await expect(storyRows(writer).filter({ hasText: 'Ferry strike halts the island crossings' })).toHaveCount(1)
  await filter(writer, { words: `dockworkers ${stamp}` })
  await expect(storyRows(writer).filter({ hasText: 'Ferry strike halts the island crossings' })).toHaveCount(1)
})
