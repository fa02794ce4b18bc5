import { expect, test } from './test'
import { addPerson, ownWriterPage, signedInPage, uniqueEmail } from './fixtures'
import { cameraPhoto, uniqueWord } from './media-files'
import { submitStory } from './pages/desk'
import { press, stateLine } from './pages/story-form'

// People's profiles (lib/profiles.ts): edited at /desk/profile by the person, or by an admin on
// the person's page, and shown to readers on the author page.

test('a writer fills in their profile with a photo, and readers see it on their author page', async ({ browser }) => {
  test.setTimeout(150_000)
  const marker = uniqueWord('lh')
  const name = `Leila Haddad ${marker}`
  const writer = await ownWriterPage(browser, name)
  await writer.goto('/desk/profile')
  const profile = writer.getByRole('region', { name: 'Your profile' })
  await profile.getByLabel('Job title').fill('Coast reporter')
  await profile.getByLabel('Short bio').fill('Writes about the harbour and the people who work it.')
  await profile.getByLabel('Links').fill('not a web address')
  await profile.getByRole('button', { name: 'Save profile' }).click()
  await expect(profile.getByText('Give each link as a whole web address starting with https:// (one per line).').first()).toBeVisible()

  await profile.getByLabel('Links').fill('https://social.example/@leila')
  await profile.getByLabel('Upload a photo').setInputFiles({ name: 'me.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(marker) })
  await expect(profile.getByText('Uploaded. Save the profile to use it.')).toBeVisible({ timeout: 60_000 })
  await profile.getByLabel('Byline address').fill(`leila-${marker}`)
  await profile.getByRole('button', { name: 'Save profile' }).click()
  await expect(profile.getByText(`The profile is saved. The author page is /authors/leila-${marker}.`)).toBeVisible()

  const id = await submitStory(writer, `Harbour lights relit ${marker}`, 'Middle East')
  const editor = await signedInPage(browser, 'editor@copydesk.test')
  await editor.goto(`/desk/articles/${id}`)
  await press(editor, 'Publish')
  await expect(stateLine(editor)).toHaveText('Published')

  const reader = await browser.newPage()
  await reader.goto(`/authors/leila-${marker}`)
  await expect(reader.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(reader.getByText('Coast reporter')).toBeVisible()
  await expect(reader.getByText('Writes about the harbour and the people who work it.')).toBeVisible()
  await expect(reader.getByRole('link', { name: 'social.example' })).toHaveAttribute('href', 'https://social.example/@leila')
  const photo = reader.getByRole('main').locator('header img')
  await expect(photo).toBeVisible()
  expect(await photo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0)
})

test('an admin edits someone’s profile; the audit log shows it, and a taken byline address is refused', async ({ browser }) => {
  const admin = await signedInPage(browser, 'admin@copydesk.test')
  const name = `Omar Saleh ${uniqueWord('os')}`
  await addPerson(admin, { name, email: uniqueEmail('omar'), password: 'a-good-long-password', role: 'writer' })
  await admin.getByRole('link', { name }).click()
  const profile = admin.getByRole('region', { name: 'Profile' })
  await profile.getByLabel('Byline address').fill('tomas-ferreira')
  await profile.getByRole('button', { name: 'Save profile' }).click()
  await expect(
    profile.getByText('Tomás Ferreira already has the byline address /authors/tomas-ferreira: choose another.').first(),
  ).toBeVisible()

  await profile.getByLabel('Byline address').fill(name)
  await profile.getByLabel('Job title').fill('Night editor')
  await profile.getByRole('button', { name: 'Save profile' }).click()
  await expect(profile.getByText(/^The profile is saved\./)).toBeVisible()

  await admin.goto('/desk/admin/audit')
  await expect(admin.getByRole('row').filter({ hasText: 'Profile edited' }).filter({ hasText: name }).first()).toBeVisible()
})
