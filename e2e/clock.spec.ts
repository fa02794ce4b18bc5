import { expect, test } from './test'
import { fromFieldValue, toFieldValue } from '../lib/clock'
import { newsroomZone, ownWriterPage, signedInPage } from './fixtures'
import { press, saveAndWait, saveStatus, startStory, stateLine, storyBody, submitForReview, workflow } from './pages/story-form'

// The browsers here run in São Paulo's zone and the server in UTC (playwright.config.ts); the demo
// newsroom keeps Beirut's clock. Every time the desk shows or reads must be Beirut's, and say so.

/** Tomorrow at this time on the newsroom's clock, as a time field takes it. */
function tomorrowAt(clock: string): string {
  const tomorrow = new Date(Date.now() + 24 * 60 * 60_000)
  return `${toFieldValue(tomorrow, newsroomZone).slice(0, 10)}T${clock}`
}

test('a time typed into the desk is read, stored and shown on the newsroom’s clock, with its name', async ({ browser }) => {
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await startStory(editor, `Harbour lights switched on for the festival ${Date.now()}`)
  await storyBody(editor).click()
  await editor.keyboard.type('The lights stay on until the new year.')
  await saveAndWait(editor)
  await expect(saveStatus(editor)).toHaveText(/^Saved at ([01]\d|2[0-3]):[0-5]\d Beirut$/)

  await submitForReview(editor)
  await expect(stateLine(editor)).toHaveText('In review')
  await press(editor, 'Schedule')
  const typed = tomorrowAt('09:30')
  await editor.getByLabel('Publish at (time in Beirut)').fill(typed)
  await workflow(editor).getByRole('form', { name: 'Schedule' }).getByRole('button', { name: 'Schedule' }).click()
  await expect(stateLine(editor)).toHaveText('Scheduled')

  const meant = fromFieldValue(typed, newsroomZone)
  if (!meant.ok) throw new Error(meant.message)
  const scheduled = editor.locator('.story-crumbs time')
  await expect(scheduled).toHaveText(/, 09:30 Beirut$/)
  await expect(scheduled).toHaveAttribute('datetime', meant.at.toISOString())

  // Changing it starts from the same time on the same clock.
  await press(editor, 'Change scheduled time')
  await expect(editor.getByLabel('Publish at (time in Beirut)')).toHaveValue(typed)

  await editor.getByRole('link', { name: 'History' }).click()
  await expect(editor.getByRole('table').locator('time').first()).toHaveText(/ \d\d:\d\d Beirut$/)
})

test('a time the clocks skip is refused with the reason, and nothing is scheduled', async ({ browser }) => {
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await startStory(editor, `Clocks change at the border post ${Date.now()}`)
  await storyBody(editor).click()
  await editor.keyboard.type('Two clocks, one queue.')
  await submitForReview(editor)
  await expect(stateLine(editor)).toHaveText('In review')
  await press(editor, 'Schedule')
  // Beirut's clocks go forward at midnight on the last Sunday of March: 00:30 never happens.
  await editor.getByLabel('Publish at (time in Beirut)').fill('2027-03-28T00:30')
  await workflow(editor).getByRole('form', { name: 'Schedule' }).getByRole('button', { name: 'Schedule' }).click()
  await expect(workflow(editor).getByRole('status')).toContainText('00:30 does not exist on that day in Beirut')
  await expect(stateLine(editor)).toHaveText('In review')
})

test('a person who chooses their own zone sees the desk on their clock; the admin sets the newsroom’s', async ({ browser }) => {
  const writer = await ownWriterPage(browser, 'Noor Haddad')
  await writer.goto('/desk/profile')
  await writer.getByLabel('Your time zone').selectOption('Asia/Tokyo')
  await writer.getByRole('button', { name: 'Save time zone' }).click()
  await expect(writer.getByRole('status').filter({ hasText: 'Asia/Tokyo' })).toContainText(/Tokyo/)

  await startStory(writer, `Night trains return to the mountain line ${Date.now()}`)
  await storyBody(writer).click()
  await writer.keyboard.type('Sleeper cars run twice a week.')
  await saveAndWait(writer)
  await expect(saveStatus(writer)).toHaveText(/ Tokyo$/)

  const admin = await signedInPage(browser, 'admin@copydesk.test')
  await admin.goto('/desk/admin/settings')
  await expect(admin.getByLabel('Time zone')).toHaveValue(newsroomZone)
  await admin.getByRole('button', { name: 'Save time zone' }).click()
  await expect(admin.getByRole('status').filter({ hasText: 'newsroom’s clock' })).toContainText(/Asia\/Beirut: it is .+ Beirut\./)
})
